import Foundation

/// `map` over all cores, keeping the input order, for the stages whose items
/// are independent (parsing files, rendering pages).
enum ConcurrentMap {
    /// How many threads `map` uses: every core unless a build said otherwise
    /// (`BuildOptions.threads`; tests force 1 to compare). A task-local, so
    /// builds running at once in one process each keep their own setting.
    @TaskLocal static var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Runs `body` with `map` limited to `threads` threads (nil: unchanged).
    static func withThreads<R>(_ threads: Int?, _ body: () throws -> R) rethrows -> R {
        guard let threads else { return try body() }
        return try $threads.withValue(max(1, threads), operation: body)
    }

    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        map(items, threads: threads, transform)
    }

    static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1, threads > 1 else { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let base = UnsafeSendablePointer(pointer: buffer.baseAddress!)
            // Chunks keep scheduling overhead low for many small items, and
            // small enough (64 a thread) that the last ones do not leave a
            // core idle: with 8 a thread, parsing 20,000 documents ended on
            // one core for up to 0.3 s (docs/performance.md).
            let chunk = max(1, items.count / (threads * 64))
            let chunks = (items.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                for position in start..<min(items.count, start + chunk) {
                    // Each position is written by exactly one iteration.
                    (base.pointer + position).initialize(to: transform(items[position]))
                }
            }
            initialized = items.count
        }
    }

    private struct UnsafeSendablePointer<R>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<R>
    }
}
