import Foundation
import Testing

/// The corpus runner's measurements: how a child ended, its own memory, the deadline.
@Suite struct ChildProcessTests {
    let shell = ChildProcess.onPath("sh") ?? "sh"

    @Test func tellsAnExitFromASignal() throws {
        let folder = try TemporaryFolder("planfolio-child")
        let exited = try ChildProcess.run(shell, ["-c", "echo out; echo err >&2; exit 3"], in: folder.url, deadline: 20)
        #expect(exited.exitCode == 3 && exited.signal == nil && !exited.timedOut)
        #expect(exited.stdout == "out\n" && exited.stderr == "err\n")
        let killed = try ChildProcess.run(shell, ["-c", "kill -SEGV $$"], in: folder.url, deadline: 20)
        #expect(killed.exitCode == nil && killed.signal == SIGSEGV)
    }

    /// The figure is the child's own, not this test runner's (which is far
    /// larger than a shell: Linux would report the runner's size through a
    /// plain wait4 of a child it spawned).
    @Test func memoryIsTheChildsOwn() throws {
        let folder = try TemporaryFolder("planfolio-child")
        let quick = try ChildProcess.run(shell, ["-c", "true"], in: folder.url, deadline: 20)
        #expect(quick.peakRSSMiB > 0 && quick.peakRSSMiB < 16, "\(quick.summary)")
        // 64 MiB held by the child shows (a shell variable of 64 MiB, built by doubling).
        let grown = try ChildProcess.run(shell, ["-c", "x=0123456789abcdef; i=0; while [ $i -lt 22 ]; do x=$x$x; i=$((i+1)); done; echo ${#x}"],
                                         in: folder.url, deadline: 60)
        #expect(grown.stdout == "\(16 << 22)\n")
        #expect(grown.peakRSSMiB >= 64, "\(grown.summary)")
    }

    @Test func aChildPastItsDeadlineIsKilled() throws {
        let folder = try TemporaryFolder("planfolio-child")
        let slow = try ChildProcess.run(shell, ["-c", "sleep 30"], in: folder.url, deadline: 0.5)
        // Left alone it would exit 0; killed, it has no exit code.
        #expect(slow.timedOut && slow.exitCode == nil && slow.signal == SIGKILL)
    }
}
