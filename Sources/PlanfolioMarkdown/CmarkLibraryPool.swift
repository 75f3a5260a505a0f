import Foundation

/// Copies of cmark-gfm for parses that run at once: one per core (at most
/// eight), each used by one parse at a time, so no two parses ever share a
/// copy's global tables (see `CmarkLibrary`).
///
/// Where only the linked copy can be had (not Linux, or `dlmopen` fails),
/// the pool holds that one and parses take turns: slower, never wrong.
final class CmarkLibraryPool: @unchecked Sendable {
    static let shared = CmarkLibraryPool(size: min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// Immutable after `init`; each entry's lock guards every use of its library.
    private let entries: [(library: CmarkLibrary, lock: NSLock)]

    /// The linked copy is one per process, whichever pool hands it out, so
    /// every pool guards it with this one lock (a second pool with a lock
    /// of its own let a test parse on it while another parse was running).
    private static let linkedLock = NSLock()

    var count: Int { entries.count }
    /// Why the pool holds fewer copies than it was asked for (parses then take turns); nil when it holds them all.
    let shortfall: String?

    init(size: Int) {
        var entries = [(library: CmarkLibrary.linked(), lock: Self.linkedLock)]
        while entries.count < size, let copy = CmarkLibrary.privateCopy() {
            entries.append((copy, NSLock()))
        }
        self.entries = entries
        shortfall = entries.count < size ? CmarkLibrary.whyNoPrivateCopy() : nil
    }

    /// Runs `body` with a library no other thread is using meanwhile.
    func withLibrary<R>(_ body: (CmarkLibrary) throws -> R) rethrows -> R {
        for entry in entries where entry.lock.try() {
            defer { entry.lock.unlock() }
            return try body(entry.library)
        }
        // Every copy is busy: wait for one, spreading the waiters over them.
        let entry = entries[Int.random(in: 0..<entries.count)]
        entry.lock.lock()
        defer { entry.lock.unlock() }
        return try body(entry.library)
    }

    /// For tests: runs `body` with each copy in turn (the linked copy
    /// first), each held as `withLibrary` holds it. `body` must not parse
    /// through a pool meanwhile: the linked copy's lock is every pool's.
    func withEachLibrary(_ body: (CmarkLibrary) throws -> Void) rethrows {
        for entry in entries {
            entry.lock.lock()
            defer { entry.lock.unlock() }
            try body(entry.library)
        }
    }
}
