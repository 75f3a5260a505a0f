import Foundation

/// Work started now on a thread of its own and collected later: each
/// site-wide page (one long job over every document) runs beside the
/// batches of document pages instead of holding a batch back, and the
/// kernel shares the cores among them all.
///
/// With one thread allowed (`ConcurrentMap.threads == 1`), nothing runs in
/// the background: the work is done inside `wait`.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Result
    private let done = DispatchSemaphore(value: 0)
    /// Written once on the background thread before `done` is signalled; read after waiting on it.
    private var result: Result?
    private let inBackground: Bool

    init(_ work: @escaping @Sendable () -> Result) {
        self.work = work
        inBackground = ConcurrentMap.threads > 1
        if inBackground {
            let thread = Thread { [self] in
                result = work()
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The result, once the work is done.
    func wait() -> Result {
        guard inBackground else { return work() }
        done.wait()
        return result!
    }
}
