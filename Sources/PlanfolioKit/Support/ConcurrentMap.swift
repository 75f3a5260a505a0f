import Foundation

/// `map` over all cores, keeping the input order, for the stages whose items
/// are independent (parsing files, rendering pages).
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let base = UnsafeSendablePointer(pointer: buffer.baseAddress!)
            // Chunks keep scheduling overhead low for many small items.
            let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
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
