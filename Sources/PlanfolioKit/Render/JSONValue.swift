/// A JSON value with its object keys in a fixed order, written by
/// `JSONWriter`, the one writer for every JSON planfolio emits.
///
/// planfolio itself builds no `JSONValue`: `portfolio.json` and the search
/// index stream straight into `JSONWriter` (the tree cost as much as the
/// writing). The enum is kept for library users and for the tests, which
/// drive the writer through it.
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
        String(decoding: prettyBytes(), as: UTF8.self)
    }

    /// No whitespace at all. With `forScript`, U+2028 and U+2029 are escaped
    /// too, so the text is also a valid JavaScript expression in any engine.
    public func compact(forScript: Bool = false) -> String {
        String(decoding: compactBytes(forScript: forScript), as: UTF8.self)
    }

    /// The UTF-8 of `pretty()`.
    public func prettyBytes() -> [UInt8] {
        var writer = JSONWriter(pretty: true)
        write(to: &writer)
        writer.raw("\n")
        return writer.bytes
    }

    /// The UTF-8 of `compact(forScript:)`.
    public func compactBytes(forScript: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: false, escapeLineSeparators: forScript)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes this value as the next value of `writer`.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.int(value)
        case .double(let value): writer.double(value)
        case .string(let value): writer.string(value)
        case .array(let items):
            writer.array { writer in
                for item in items { item.write(to: &writer) }
            }
        case .object(let members):
            writer.object { writer in
                for (key, value) in members {
                    writer.key(string: key)
                    value.write(to: &writer)
                }
            }
        }
    }
}
