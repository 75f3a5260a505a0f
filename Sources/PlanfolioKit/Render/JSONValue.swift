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
        // U+2028 and U+2029 in UTF-8; such strings take the slow path.)
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || (escapeLineSeparators && $0 == 0xE2) }) {
            out += "\""
            out += value
            out += "\""
            return
        }
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}" where escapeLineSeparators: out += "\\u2028"
            case "\u{2029}" where escapeLineSeparators: out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
