/// A growable byte buffer written through a pointer: the output of
/// `JSONWriter`.
///
/// JSON is many short pieces (a quote, a comma, a key, two spaces), and
/// `[UInt8].append` checks uniqueness and capacity and calls `memcpy` for
/// each: more instructions than the bytes themselves. Here a byte is one
/// compare and one store. Non-copyable, so the memory has one owner that
/// frees it; `array` copies the bytes out.
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
        let target = base + count
        if length <= 16 {
            // Most pieces are a few bytes: a loop beats a call to memcpy.
            for index in 0..<length { target[index] = source[index] }
        } else {
            target.initialize(from: source, count: length)
        }
        count += length
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// `length` copies of `byte`.
    @inline(__always)
    mutating func append(repeating byte: UInt8, count length: Int) {
        guard length > 0 else { return }
        if count + length > capacity { grow(minimum: count + length) }
        (base + count).initialize(repeating: byte, count: length)
        count += length
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
