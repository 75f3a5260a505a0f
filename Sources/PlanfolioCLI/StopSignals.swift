import Foundation

/// SIGINT and SIGTERM for `planfolio serve`: the first asks for a clean
/// stop (`waitForFirst` returns), a second exits at once with 130.
///
/// A plain signal handler that writes a byte to a pipe, since on Linux a
/// dispatch signal source misses a signal that another thread has not
/// blocked; everything else happens outside the handler. The two signals
/// are unblocked on the calling thread: a parent that started planfolio
/// from a thread that blocks them (a dispatch worker) passes its mask on.
enum StopSignals {
    nonisolated(unsafe) private static var pipeEnds: [Int32] = [-1, -1]
    nonisolated(unsafe) private static var count: Int32 = 0

    /// Call on the main thread, before any other thread is started.
    static func install() {
        guard pipe(&pipeEnds) == 0 else { return }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        sigaddset(&unblocked, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in
                StopSignals.count += 1
                if StopSignals.count > 1 { _exit(130) }
                var byte: UInt8 = 1
                _ = write(StopSignals.pipeEnds[1], &byte, 1)
            }
        }
    }

    /// Blocks until the first stop signal.
    static func waitForFirst() {
        var byte: UInt8 = 0
        while read(pipeEnds[0], &byte, 1) < 0 && errno == EINTR {}
    }
}
