import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// The memory cmark parses with: a block kept per thread, handed out by
/// bumping an offset, and taken back whole after each parse.
///
/// cmark allocates every node, buffer and string through its `cmark_mem`
/// and frees each again in `cmark_node_free`; with the system allocator
/// that was about a quarter of cmark's instructions. cmark-gfm's own arena
/// (`cmark_get_arena_mem_allocator`) gets a fresh zeroed chunk from
/// `calloc` for every 10 KB and more (about 1.5 MB a plan, zeroed whole),
/// which cost nearly what it saved. This block is reused from parse to
/// parse and only what is handed out is zeroed, as `calloc` would.
///
/// `cmark_mem`'s callbacks get no context, so the allocator is found per
/// thread: a parse runs on one thread from start to end.
///
/// The block starts at 1 MB and doubles (up to 64 MB) after a parse that
/// did not fit; after a parse that used less than a quarter of a grown
/// block it goes back to 1 MB, so one huge document does not keep a large
/// block per thread for the rest of the build.
final class CmarkBumpAllocator {
    /// The `cmark_mem` to give `cmark_parser_new_with_mem`: its callbacks
    /// use the calling thread's allocator.
    nonisolated(unsafe) static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in
                // size_t arrives as Int (past Int.max: negative); a product
                // past it is a request calloc would refuse.
                let (bytes, overflow) = UInt(bitPattern: count).multipliedReportingOverflow(by: UInt(bitPattern: size))
                guard !overflow, let total = Int(exactly: bytes) else { abort() }
                return CmarkBumpAllocator.withCurrent { $0.allocate(total, zeroed: true) }
            },
            realloc: { pointer, size in CmarkBumpAllocator.withCurrent { $0.reallocate(pointer, size) } },
            free: { _ in }))
        return memory
    }()

    /// Each allocation is preceded by a header holding its size; 16 bytes
    /// keep every allocation 16-byte aligned, like malloc's.
    private static let header = 16
    static let initialCapacity = 1 << 20
    private static let maximumCapacity = 64 << 20

    private var block: UnsafeMutableRawPointer
    /// The block's size in bytes.
    private(set) var capacity: Int
    private var used = 0
    /// Offset of the last allocation's header in `block`, -1 when there is
    /// none: only that one can grow in place.
    private var last = -1
    /// Allocations that did not fit in `block`, freed by `reset`.
    private var overflow: [UnsafeMutableRawPointer] = []

    private init() {
        capacity = Self.initialCapacity
        block = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Self.header)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { allocator in
            if let allocator { Unmanaged<CmarkBumpAllocator>.fromOpaque(allocator).release() }
        }
        return key
    }()

    /// The calling thread's allocator.
    static var current: CmarkBumpAllocator {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<CmarkBumpAllocator>.fromOpaque(existing).takeUnretainedValue()
        }
        let allocator = CmarkBumpAllocator()
        pthread_setspecific(key, Unmanaged.passRetained(allocator).toOpaque())
        return allocator
    }

    /// Runs `body` with the calling thread's allocator, not retained for
    /// the call (cmark calls back about 750 times a document).
    static func withCurrent<R>(_ body: (CmarkBumpAllocator) -> R) -> R {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<CmarkBumpAllocator>.fromOpaque(existing)._withUnsafeGuaranteedRef(body)
        }
        return body(current)
    }

    deinit {
        reset()
        block.deallocate()
    }

    /// The bytes an allocation of `size` takes in the block: its header and
    /// `size` rounded up to a multiple of 16. A size no allocator could give
    /// (negative: a size_t past `Int.max`, or overflowing here) aborts, as
    /// out of memory does.
    private static func footprint(_ size: Int) -> Int {
        let (padded, overflow) = size.addingReportingOverflow(2 * header - 1)
        guard size >= 0, !overflow else { abort() }
        return padded & ~(header - 1)
    }

    /// `size` bytes, zeroed when asked. Out of memory aborts, as cmark's
    /// default allocator does.
    func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer {
        let footprint = Self.footprint(size)
        let pointer: UnsafeMutableRawPointer
        if footprint <= capacity - used {
            last = used
            pointer = block + used + Self.header
            used += footprint
        } else {
            // `footprint` did not overflow, so neither does this.
            guard let outside = malloc(Self.header + size) else { abort() }
            overflow.append(outside)
            last = -1
            pointer = outside + Self.header
        }
        pointer.storeBytes(of: size, toByteOffset: -Self.header, as: Int.self)
        if zeroed { memset(pointer, 0, size) }
        return pointer
    }

    /// cmark's `realloc`: the last allocation grows in place, any other is copied.
    func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size, zeroed: false) }
        let oldSize = pointer.load(fromByteOffset: -Self.header, as: Int.self)
        let footprint = Self.footprint(size)
        if last >= 0, pointer == block + last + Self.header, footprint <= capacity - last {
            pointer.storeBytes(of: size, toByteOffset: -Self.header, as: Int.self)
            used = last + footprint
            return pointer
        }
        let moved = allocate(size, zeroed: false)
        moved.copyMemory(from: pointer, byteCount: min(oldSize, size))
        return moved
    }

    /// Takes back everything handed out. A parse that overflowed the block
    /// makes it larger for the next one; one that used less than a quarter
    /// of a grown block makes it the initial size again.
    func reset() {
        if !overflow.isEmpty {
            for outside in overflow { free(outside) }
            overflow.removeAll(keepingCapacity: true)
            if capacity < Self.maximumCapacity { replaceBlock(capacity: capacity * 2) }
        } else if capacity > Self.initialCapacity, used < capacity / 4 {
            replaceBlock(capacity: Self.initialCapacity)
        }
        used = 0
        last = -1
    }

    private func replaceBlock(capacity: Int) {
        block.deallocate()
        self.capacity = capacity
        block = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Self.header)
    }
}
