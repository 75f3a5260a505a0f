/// A growable byte buffer written through a pointer: what `JSONWriter` and
/// `SVGWriter` write into.
///
/// JSON and SVG are many short pieces (a quote, a comma, a name, `="`, a
/// number), and `[UInt8].append` checks uniqueness and capacity and calls
/// `memcpy` for each: about 90 instructions, more than the bytes
/// themselves. Here an append is a capacity check and a copy. Non-copyable,
/// so the memory has one owner that frees it; `array` copies the bytes
/// out.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The bytes written so far.
    var array: [UInt8] {
        [UInt8](UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(minimum: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        if count + length > capacity { grow(minimum: count + length) }
        (base + count).initialize(from: source, count: length)
        count += length
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// `length` copies of `byte`.
    @inline(__always)
    mutating func append(repeating byte: UInt8, count length: Int) {
        guard length > 0 else { return }
        if count + length > capacity { grow(minimum: count + length) }
        (base + count).initialize(repeating: byte, count: length)
        count += length
    }

    /// Lets `body` write at most `maximum` bytes in place; it returns how many it wrote.
    mutating func write(atMost maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(minimum: count + maximum) }
        let written = body(UnsafeMutableBufferPointer(start: base + count, count: maximum))
        // A writer claiming more than it had room for would let later appends run past the block.
        precondition(written >= 0 && written <= maximum, "ByteBuffer.write(atMost:) wrote \(written) of at most \(maximum) bytes")
        count += written
    }

    @inline(never)
    private mutating func grow(minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
