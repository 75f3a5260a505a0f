import Foundation

/// Jobs started now on threads of their own and collected later: the
/// site-wide pages (each one long job over every document) run beside the
/// batches of document pages instead of holding a batch back.
///
/// `lanes` threads take the jobs in order, one at a time each, so at most
/// `lanes` of them are in memory at once (a site-wide page's template data
/// is tens of megabytes at 20,000 documents). With one thread allowed
/// (`ConcurrentMap.threads == 1`), nothing runs in the background: the jobs
/// run inside `wait`.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let jobs: [@Sendable () -> Result]
    private let lock = NSLock()
    /// Guarded by `lock`: the next job to start, and the results so far.
    private var next = 0
    private var results: [Result?]
    /// Signalled by each lane when it has no job left.
    private let finished = DispatchSemaphore(value: 0)
    /// Signalled once for each job done (`forEachAsDone`).
    private let done = DispatchSemaphore(value: 0)
    private let lanes: Int

    init(_ jobs: [@Sendable () -> Result], lanes: Int) {
        self.jobs = jobs
        self.results = Array(repeating: nil, count: jobs.count)
        self.lanes = ConcurrentMap.threads > 1 ? max(1, min(lanes, jobs.count)) : 0
        for _ in 0..<self.lanes {
            let thread = Thread { [self] in
                while let index = take() {
                    let result = self.jobs[index]()
                    lock.withLock { results[index] = result }
                    done.signal()
                }
                finished.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < jobs.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Each job's result as soon as it is done, in the order they finish,
    /// to `body` on the calling thread (in place of `wait`): what is done
    /// first goes on while the rest run.
    func forEachAsDone(_ body: (Result) -> Void) {
        guard lanes > 0 else { return jobs.forEach { body($0()) } }
        for _ in jobs.indices {
            done.wait()
            let result: Result? = lock.withLock {
                guard let index = results.firstIndex(where: { $0 != nil }) else { return nil }
                defer { results[index] = nil }
                return results[index]
            }
            if let result { body(result) }
        }
        for _ in 0..<lanes { finished.wait() }
    }

    /// Every job's result, in the order of `jobs`, once all are done.
    func wait() -> [Result] {
        guard lanes > 0 else { return jobs.map { $0() } }
        for _ in 0..<lanes { finished.wait() }
        return lock.withLock { results.compactMap { $0 } }
    }
}
