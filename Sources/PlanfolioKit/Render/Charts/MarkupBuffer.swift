/// The bytes of one chart's markup, grown by hand: what `SVGWriter` writes into.
///
/// A chart is thousands of appends of a few bytes each (a name, `="`, a
/// number). `[UInt8].append(contentsOf:)` paid about 90 instructions a call
/// for its uniqueness and capacity checks; here an append is a capacity
/// check and a copy. Not copyable: it owns its memory and frees it once.
struct MarkupBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        if count + length > capacity { grow(toAtLeast: count + length) }
        (start + count).update(from: source, count: length)
        count += length
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Lets `body` write at most `maximum` bytes in place; it returns how many it wrote.
    mutating func write(atMost maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(toAtLeast: count + maximum) }
        count += body(UnsafeMutableBufferPointer(start: start + count, count: maximum))
    }

    /// The bytes written so far, as text (they are UTF-8: ASCII markup and escaped `String`s).
    var string: String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The bytes written so far.
    var array: [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    private mutating func grow(toAtLeast minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.update(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}
