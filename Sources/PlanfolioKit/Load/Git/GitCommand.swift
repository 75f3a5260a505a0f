import Foundation

/// Runs `git` for the history reader: one process, its standard input fed
/// from a thread of its own while its output is read, so neither side can
/// block the other however much either holds. Part of Load.
///
/// The environment is the user's, less the variables that would point git
/// at another repository than the one planfolio found (`GIT_DIR` and the
/// like, set inside a hook), with messages in English, no prompts and no
/// optional locks: a build never writes to the repository.
struct GitCommand {
    /// The `git` on the PATH, or nil.
    static let executable: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/git" }.first { access($0, X_OK) == 0 }
    }()

    struct Failure: Error, Sendable {
        var message: String
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]

        /// git's own complaint, one line, for a warning.
        var complaint: String {
            let text = String(decoding: stderr, as: UTF8.self)
            let line = text.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "exit \(status)"
            return String(line.prefix(300))
        }
    }

    private static let unset: Set<String> = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                                              "GIT_NAMESPACE", "GIT_PREFIX", "GIT_EXEC_PATH", "GIT_PAGER", "PAGER", "LANGUAGE"]

    /// Runs `git -C folder ARGUMENTS`, with `input` on its standard input;
    /// its output is handed to `consume` as it comes when given (then `Output.stdout` is empty).
    static func run(_ arguments: [String], in folder: String, input: [UInt8] = [],
                    consume: ((ArraySlice<UInt8>) -> Void)? = nil) throws(Failure) -> Output {
        guard let executable else { throw Failure(message: "git is not installed (not on the PATH)") }
        var environment = ProcessInfo.processInfo.environment.filter { !unset.contains($0.key) && !$0.key.hasPrefix("LC_") }
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_CONFIG_NOSYSTEM"] = environment["GIT_CONFIG_NOSYSTEM"] ?? "0"
        let argv = [executable, "--no-pager", "-C", folder, "-c", "core.quotePath=false", "-c", "log.showSignature=false"] + arguments

        var pipes: [[Int32]] = [[-1, -1], [-1, -1], [-1, -1]]
        // Close-on-exec, so a git started at the same time by another thread never holds these
        // pipes open (a standard input that never ends would keep `cat-file --batch` waiting).
        for index in 0..<3 {
            guard closeOnExecPipe(&pipes[index]) == 0 else {
                for opened in pipes.flatMap({ $0 }) where opened >= 0 { close(opened) }
                throw Failure(message: "cannot start git: \(String(cString: strerror(errno)))")
            }
        }
        let (stdinRead, stdinWrite) = (pipes[0][0], pipes[0][1])
        let (stdoutRead, stdoutWrite) = (pipes[1][0], pipes[1][1])
        let (stderrRead, stderrWrite) = (pipes[2][0], pipes[2][1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinRead, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutWrite, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrWrite, 2)
        for descriptor in [stdinRead, stdinWrite, stdoutRead, stdoutWrite, stderrRead, stderrWrite] {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, cArguments, cEnvironment)
        close(stdinRead)
        close(stdoutWrite)
        close(stderrWrite)
        guard spawned == 0 else {
            close(stdinWrite)
            close(stdoutRead)
            close(stderrRead)
            throw Failure(message: "cannot start git: \(String(cString: strerror(spawned)))")
        }
        // Standard input from one thread, standard error drained on another, standard output here
        // (threads of their own: a one-thread build must not run them one after the other).
        let errors = Drained()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            writeAll(input, to: stdinWrite)
            close(stdinWrite)
            done.signal()
        }
        Thread.detachNewThread {
            errors.bytes = readAll(stderrRead)
            close(stderrRead)
            done.signal()
        }
        let stdout = readAll(stdoutRead, consume: consume)
        close(stdoutRead)
        done.wait()
        done.wait()
        let stderr = errors.bytes
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Output(status: exit, stdout: stdout, stderr: stderr)
    }

    /// `pipe2(fds, O_CLOEXEC)`: glibc has it, Swift's Glibc module does not import it.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private static let pipe2: Pipe2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: Pipe2.self)
    }()

    private static func closeOnExecPipe(_ descriptors: inout [Int32]) -> Int32 {
        descriptors.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            if let pipe2 { return pipe2(base, O_CLOEXEC) }
            // Without pipe2 the flag is set right after, which leaves a moment for another thread's spawn.
            guard pipe(base) == 0 else { return -1 }
            _ = fcntl(base[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(base[1], F_SETFD, FD_CLOEXEC)
            return 0
        }
    }

    private final class Drained: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        // A git that stops reading (it failed) must not kill planfolio: SIGPIPE is
        // blocked on this thread alone, so the write fails with EPIPE instead.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private static func readAll(_ descriptor: Int32, consume: ((ArraySlice<UInt8>) -> Void)? = nil) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if let consume { consume(chunk[0..<count]) } else { bytes.append(contentsOf: chunk[0..<count]) }
        }
        return bytes
    }
}
