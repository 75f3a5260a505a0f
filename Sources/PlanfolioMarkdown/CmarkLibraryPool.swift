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

    var count: Int { entries.count }

    init(size: Int) {
        var libraries = [CmarkLibrary.linked()]
        while libraries.count < size, let copy = CmarkLibrary.privateCopy() {
            libraries.append(copy)
        }
        entries = libraries.map { ($0, NSLock()) }
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
    /// first), each held as `withLibrary` holds it.
    func withEachLibrary(_ body: (CmarkLibrary) throws -> Void) rethrows {
        for entry in entries {
            entry.lock.lock()
            defer { entry.lock.unlock() }
            try body(entry.library)
        }
    }
}
