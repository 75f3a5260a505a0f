/// A JSON value with its object keys in a fixed order, and the one writer
/// for every JSON planfolio emits (`portfolio.json`, the search index).
///
/// Hand-written rather than `JSONEncoder` so that the bytes are fully
/// determined by the value: keys in the order given (never dictionary
/// order), numbers in Swift's shortest round-trip form, strings escaped per
/// RFC 8259 section 7.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order they are written.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.compact() == b.compact()
    }

    /// A string, or `null` when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// A `YYYY-MM-DD` string, or `null` when absent.
    public static func day(_ value: Day?) -> JSONValue {
        value.map { .string($0.description) } ?? .null
    }

    /// Two-space indented, one member per line, with a final newline.
    public func pretty() -> String {
        var out = ""
        write(to: &out, indent: 0, pretty: true, escapeLineSeparators: false)
        return out + "\n"
    }

    /// No whitespace at all. With `forScript`, U+2028 and U+2029 are escaped
    /// too, so the text is also a valid JavaScript expression in any engine.
    public func compact(forScript: Bool = false) -> String {
        var out = ""
        write(to: &out, indent: 0, pretty: false, escapeLineSeparators: forScript)
        return out
    }

    private func write(to out: inout String, indent: Int, pretty: Bool, escapeLineSeparators: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            if !value.isFinite {
                out += "null"
            } else if value == value.rounded(), abs(value) < 1e15 {
                out += String(Int(value))
            } else {
                out += value.description
            }
        case .string(let value): Self.writeString(value, to: &out, escapeLineSeparators: escapeLineSeparators)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            // A long array (every document of the portfolio) is written on
            // all cores, each item into its own string, joined in order: the
            // same bytes as writing them one after another.
            let parts: [String]? = items.count >= 512 ? ConcurrentMap.map(items) { item in
                var part = ""
                item.write(to: &part, indent: indent + 1, pretty: pretty, escapeLineSeparators: escapeLineSeparators)
                return part
            } : nil
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += Self.newline(indent: indent + 1) }
                if let parts {
                    out += parts[index]
                } else {
                    item.write(to: &out, indent: indent + 1, pretty: pretty, escapeLineSeparators: escapeLineSeparators)
                }
            }
            if pretty { out += Self.newline(indent: indent) }
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += Self.newline(indent: indent + 1) }
                Self.writeString(key, to: &out, escapeLineSeparators: escapeLineSeparators)
                out += pretty ? ": " : ":"
                value.write(to: &out, indent: indent + 1, pretty: pretty, escapeLineSeparators: escapeLineSeparators)
            }
            if pretty { out += Self.newline(indent: indent) }
            out += "}"
        }
    }

    /// A line break and `indent` levels of two spaces; the common depths
    /// are made once (building one for every member was 1% of a build).
    static func newline(indent: Int) -> String {
        indent < newlines.count ? newlines[indent] : "\n" + String(repeating: "  ", count: indent)
    }

    private static let newlines: [String] = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    /// RFC 8259 section 7: quotation mark, reverse solidus and U+0000–U+001F escaped.
    static func writeString(_ value: String, to out: inout String, escapeLineSeparators: Bool) {
        // Most strings need no escape at all: copy them whole. (0xE2 starts
        // U+2028 and U+2029 in UTF-8, and other characters such as `…`.)
        let escaped: [UInt8]? = value.utf8.withContiguousStorageIfAvailable { escapedBytes($0, escapeLineSeparators: escapeLineSeparators) }
            ?? Array(value.utf8).withUnsafeBufferPointer { escapedBytes($0, escapeLineSeparators: escapeLineSeparators) }
        out += "\""
        if let escaped {
            out += String(decoding: escaped, as: UTF8.self)
        } else {
            out += value
        }
        out += "\""
    }

    /// The UTF-8 of a string's JSON escape (without quotes), or nil when no
    /// byte needs one. Escaped: quotation mark, reverse solidus, U+0000 to
    /// U+001F, and with `escapeLineSeparators` U+2028 and U+2029 (E2 80 A8
    /// and E2 80 A9); every other byte is copied, so other characters stay
    /// as they were.
    static func escapedBytes(_ source: UnsafeBufferPointer<UInt8>, escapeLineSeparators: Bool) -> [UInt8]? {
        func isLineSeparator(at index: Int) -> Bool {
            escapeLineSeparators && source[index] == 0xE2 && index + 2 < source.count && source[index + 1] == 0x80
                && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9)
        }
        guard source.indices.contains(where: { source[$0] < 0x20 || source[$0] == 0x22 || source[$0] == 0x5C || isLineSeparator(at: $0) }) else {
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + 16)
        func put(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }
        var index = 0
        while index < source.count {
            let byte = source[index]
            switch byte {
            case 0x22: put("\\\"")
            case 0x5C: put("\\\\")
            case 0x0A: put("\\n")
            case 0x0D: put("\\r")
            case 0x09: put("\\t")
            case 0x08: put("\\b")
            case 0x0C: put("\\f")
            case 0xE2 where isLineSeparator(at: index):
                put(source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 3
                continue
            default:
                if byte < 0x20 {
                    put("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                } else {
                    out.append(byte)
                }
            }
            index += 1
        }
        return out
    }
}
