import Foundation

/// Runs a program to its end and says how it ended and what it cost: its
/// own peak resident memory and wall time. A child still running at the
/// deadline is killed, so a hang fails the test instead of stalling it.
///
/// The memory is `wait4`'s `ru_maxrss` of the program, taken by GNU time
/// (`time` on the PATH, which `.ci/deps --test` installs), not by this
/// process: Linux records the old image's high-water mark into
/// `ru_maxrss` at `exec`, and a child spawned from the test runner starts
/// as a copy of it (300 MiB and more), so its own `wait4` would report the
/// runner's size. GNU time is a few hundred kilobytes when it forks the
/// program, so the figure is the program's own.
enum ChildProcess {
    struct Outcome {
        /// The exit status, when it exited; nil when a signal ended it.
        var exitCode: Int32?
        /// The signal that ended it, if any.
        var signal: Int32?
        var timedOut: Bool
        var peakRSSMiB: Double
        var seconds: Double
        var stdout: String
        var stderr: String

        var summary: String {
            let end = exitCode.map { "exit \($0)" } ?? "signal \(signal ?? 0)"
            return "\(end)\(timedOut ? " (killed at the deadline)" : ""), \(String(format: "%.1f", peakRSSMiB)) MiB, \(String(format: "%.2f", seconds)) s; stderr: \(stderr.suffix(600))"
        }
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "posix_spawn failed: \(String(cString: strerror(code)))" }
    }

    struct NoGNUTime: Error, CustomStringConvertible {
        var description: String { "GNU time is needed to measure a child's memory: run .ci/deps --test (it installs Debian's time)" }
    }

    /// The executable `name` as the PATH finds it.
    static func onPath(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// GNU time (the shell's `time` is a keyword, not this program).
    static let gnuTime = onPath("time")

    /// Runs `executable` with `arguments` in `directory` (which also holds
    /// its captured output for the run), killing it after `deadline` seconds.
    static func run(_ executable: String, _ arguments: [String], in directory: URL, deadline: Double) throws -> Outcome {
        guard let gnuTime else { throw NoGNUTime() }
        let outputs = directory.appendingPathComponent(".child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let outPath = outputs.appendingPathComponent("stdout").path, errPath = outputs.appendingPathComponent("stderr").path
        let timePath = outputs.appendingPathComponent("time").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard let chdir = addChdir else { throw SpawnFailed(code: ENOSYS) }
        _ = chdir(&actions, directory.path)

        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        // GNU time writes "Command terminated by signal N" (when it was) and then the peak RSS in kilobytes.
        let argv = ([gnuTime, "-f", "%M", "-o", timePath, executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // A process group of its own, so that the deadline kills the program with GNU time.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = posix_spawn(&pid, gnuTime, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw SpawnFailed(code: spawned) }
        let child = pid

        // The wait blocks on its own thread; the deadline is a semaphore's timeout.
        let waited = Waited()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            waited.status = status
            done.signal()
        }
        var timedOut = false
        if done.wait(timeout: .now() + deadline) == .timedOut {
            timedOut = true
            kill(-child, SIGKILL)
            done.wait()
        }
        let elapsed = clock.now - start
        // Linux: WIFEXITED is (status & 0x7f) == 0, the exit code is status >> 8 & 0xff; else the low 7 bits are the signal.
        let status = waited.status
        var exitCode: Int32? = status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
        var signal: Int32? = status & 0x7F == 0 ? nil : status & 0x7F
        let report = String(decoding: FileManager.default.contents(atPath: timePath) ?? Data(), as: UTF8.self)
        let lines = report.split(separator: "\n")
        if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }) {
            signal = Int32(line.split(separator: " ").last ?? "")
            exitCode = nil
        }
        let kilobytes = lines.last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? .infinity
        return Outcome(exitCode: exitCode,
                       signal: signal,
                       timedOut: timedOut,
                       peakRSSMiB: kilobytes / 1024,
                       seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                       stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                       stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's
    /// Glibc module does not import: the child starts in its folder.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    private final class Waited: @unchecked Sendable {
        var status: Int32 = 0
    }
}
