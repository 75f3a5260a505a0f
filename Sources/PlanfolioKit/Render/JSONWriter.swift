/// Writes JSON straight into one UTF-8 byte buffer: the writer behind
/// `JSONValue` and the documents that `PortfolioJSON` and `SearchIndex`
/// stream without building a value tree first.
///
/// A `JSONValue` tree per document written into a `String` by small appends
/// made the data files 9% of a build's instructions; this is a fifth of that
/// (docs/performance.md, "JSON as bytes"). The format is
/// the one planfolio always wrote: keys in the order given, integers and
/// integral doubles below 1e15 as digits, other doubles in Swift's shortest
/// round-trip form, non-finite numbers as `null`, strings escaped per
/// RFC 8259 section 7 (and U+2028/U+2029 with `escapeLineSeparators`). Pretty
/// output is two-space indented, one member per line; `{}` and `[]` when empty.
///
/// Commas and line breaks are placed by the writer: call `key` before each
/// member's value, and write values in `array` and `object` bodies.
struct JSONWriter: ~Copyable {
    private var buffer: ByteBuffer
    let pretty: Bool
    let escapeLineSeparators: Bool
    /// Indentation level of the outermost value written here (a part written
    /// separately and joined with `fragment` starts where it will stand).
    private let baseLevel: Int
    /// Containers open in this writer.
    private var open = 0
    /// The innermost open container has no value yet.
    private var isEmpty = true
    /// A key was written: the next value follows it on the same line.
    private var afterKey = false

    init(pretty: Bool, escapeLineSeparators: Bool = false, level: Int = 0, capacity: Int = 0) {
        self.pretty = pretty
        self.escapeLineSeparators = escapeLineSeparators
        self.baseLevel = level
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The indentation level a value written now has: what a part written
    /// separately for `fragment` is made with.
    var level: Int { baseLevel + open }

    /// The bytes written so far (a copy).
    var bytes: [UInt8] { buffer.array }

    // MARK: Values

    mutating func null() {
        beginValue()
        appendNull()
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        if value {
            append("true")
        } else {
            append("false")
        }
    }

    mutating func int(_ value: Int) {
        beginValue()
        appendInteger(value)
    }

    mutating func double(_ value: Double) {
        beginValue()
        if !value.isFinite {
            appendNull()
        } else if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int(value))
        } else {
            appendUTF8(value.description)
        }
    }

    mutating func string(_ value: String) {
        beginValue()
        appendQuoted(value)
    }

    /// A string, or `null` when absent.
    mutating func string(_ value: String?) {
        if let value {
            string(value)
        } else {
            null()
        }
    }

    /// A `YYYY-MM-DD` string (`Day.description`), or `null` when absent.
    mutating func day(_ value: Day?) {
        beginValue()
        guard let value else { return appendNull() }
        buffer.append(0x22)
        appendUTF8(value.description)  // ten bytes: a small string, not allocated
        buffer.append(0x22)
    }

    /// An array whose items `body` writes.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        begin(0x5B)
        body(&self)
        end(0x5D)
    }

    /// An object whose members `body` writes, each a `key` and a value.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        begin(0x7B)
        body(&self)
        end(0x7D)
    }

    /// The key of the next object member, a name in planfolio's code: its
    /// bytes are copied as they are, so it must need no escape (printable
    /// ASCII without `"` or `\`). The member's value is written next.
    mutating func key(_ name: StaticString) {
        beginValue()
        buffer.append(0x22)
        name.withUTF8Buffer { bytes in
            assert(bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }, "JSON key \(name) needs an escape")
            buffer.append(bytes)
        }
        buffer.append(0x22)
        endKey()
    }

    /// The key of the next object member, escaped like any string; its
    /// value is written next.
    mutating func key(string: String) {
        beginValue()
        appendQuoted(string)
        endKey()
    }

    private mutating func endKey() {
        if pretty {
            append(": ")
        } else {
            buffer.append(0x3A)
        }
        afterKey = true
    }

    /// A value written by another writer made with this one's `pretty`,
    /// `escapeLineSeparators` and `level`: its bytes joined in as they are.
    mutating func fragment(_ part: [UInt8]) {
        beginValue()
        buffer.append(part)
    }

    /// Appends bytes outside the JSON value, such as the final line break of
    /// a pretty file or the script around the search index.
    mutating func raw(_ text: String) {
        appendUTF8(text)
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard open > 0 else { return }
        if !isEmpty { buffer.append(0x2C) }
        isEmpty = false
        if pretty { newline(level: baseLevel + open) }
    }

    private mutating func begin(_ bracket: UInt8) {
        beginValue()
        buffer.append(bracket)
        open += 1
        isEmpty = true
    }

    private mutating func end(_ bracket: UInt8) {
        open -= 1
        if pretty && !isEmpty { newline(level: baseLevel + open) }
        buffer.append(bracket)
        isEmpty = false
    }

    /// A line break and two spaces per level.
    private mutating func newline(level: Int) {
        buffer.append(0x0A)
        buffer.append(repeating: 0x20, count: 2 * level)
    }

    // MARK: Bytes

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append($0) }
    }

    private mutating func appendNull() {
        append("null")
    }

    private mutating func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ buffer.append($0) }) == nil {
            buffer.append(Array(text.utf8))
        }
    }

    /// Decimal digits, with `-` when negative (`DecimalText`); no `String` made.
    private mutating func appendInteger(_ value: Int) {
        buffer.write(atMost: DecimalText.maximumLength) { DecimalText.write(scaled: value, decimals: 0, into: $0) }
    }

    /// A quoted, escaped string.
    private mutating func appendQuoted(_ value: String) {
        buffer.append(0x22)
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        buffer.append(0x22)
    }

    /// RFC 8259 section 7: quotation mark, reverse solidus and U+0000 to
    /// U+001F escaped, and with `escapeLineSeparators` U+2028 and U+2029
    /// (E2 80 A8 and E2 80 A9). Every other byte is copied, in runs.
    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = source.count
        guard let start = source.baseAddress else { return }
        let words = UnsafeRawPointer(start)
        while index < count {
            // Eight bytes at a time while none of them needs a look.
            while index + 8 <= count, !Self.mayNeedEscape(words.loadUnaligned(fromByteOffset: index, as: UInt64.self),
                                                        lineSeparators: escapeLineSeparators) {
                index += 8
            }
            guard index < count else { break }
            let byte = source[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte == 0xE2 && escapeLineSeparators) else {
                index += 1
                continue
            }
            var length = 1
            var isControl = false
            let escape: StaticString
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0xE2:
                // U+2028 or U+2029; any other character starting with E2 is copied.
                guard index + 2 < count, source[index + 1] == 0x80, source[index + 2] == 0xA8 || source[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                escape = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                escape = "\\u00"
                isControl = true
            }
            if runStart < index { buffer.append(UnsafeBufferPointer(rebasing: source[runStart..<index])) }
            append(escape)
            if isControl {
                buffer.append(Self.hexDigit(byte >> 4))
                buffer.append(Self.hexDigit(byte & 0x0F))
            }
            index += length
            runStart = index
        }
        if runStart < count { buffer.append(UnsafeBufferPointer(rebasing: source[runStart..<count])) }
    }

    /// Whether any of the eight bytes in `word` is below 0x20, a quotation
    /// mark, a reverse solidus, or (with `lineSeparators`) 0xE2. Exact: the
    /// classic "has a zero byte" and "has a byte less than n" tests
    /// (n <= 128) never answer yes for a word without such a byte.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64, lineSeparators: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        let found = control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
        return found || (lineSeparators && hasZeroByte(word ^ (ones &* 0xE2)))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value  // 0x57 + 10 == "a"
    }
}
