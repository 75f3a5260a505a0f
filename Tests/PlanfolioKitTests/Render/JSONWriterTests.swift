import Foundation
import Testing
@testable import PlanfolioKit

/// `JSONWriter` (bytes) must write what the `String` writer of `JSONValue`
/// wrote before it; `reference` below is that writer as it was.
@Suite struct JSONWriterTests {
    /// `JSONValue.write` before the byte writer: `String` appends, `String(Int)`, `Double.description`.
    static func reference(_ value: JSONValue, indent: Int = 0, pretty: Bool, forScript: Bool) -> String {
        func newline(_ indent: Int) -> String { "\n" + String(repeating: "  ", count: indent) }
        switch value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value):
            if !value.isFinite { return "null" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return value.description
        case .string(let value): return ByteWiseTextTests.referenceJSONString(value, escapeLineSeparators: forScript)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let inner = items.map { (pretty ? newline(indent + 1) : "") + reference($0, indent: indent + 1, pretty: pretty, forScript: forScript) }
            return "[" + inner.joined(separator: ",") + (pretty ? newline(indent) : "") + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let inner = members.map { key, member in
                (pretty ? newline(indent + 1) : "") + ByteWiseTextTests.referenceJSONString(key, escapeLineSeparators: forScript)
                    + (pretty ? ": " : ":") + reference(member, indent: indent + 1, pretty: pretty, forScript: forScript)
            }
            return "{" + inner.joined(separator: ",") + (pretty ? newline(indent) : "") + "}"
        }
    }

    static func expectAsBefore(_ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(value.pretty() == reference(value, pretty: true, forScript: false) + "\n", sourceLocation: sourceLocation)
        #expect(value.compact() == reference(value, pretty: false, forScript: false), sourceLocation: sourceLocation)
        #expect(value.compact(forScript: true) == reference(value, pretty: false, forScript: true), sourceLocation: sourceLocation)
        #expect(value.prettyBytes() == Array(value.pretty().utf8), sourceLocation: sourceLocation)
    }

    static let strings = ["", "plain", "say \"hi\"", "back\\slash", "\u{0}\u{1}\u{7}\u{0B}\u{0E}\u{1F}\u{7F}", "tab\tnew\nret\rbs\u{08}ff\u{0C}",
                          "line\u{2028}para\u{2029}end", "\u{2028}", "x\u{2029}", "cut …", "\u{2027}\u{202A}\u{20AC}", "emoji 🙂 \u{2028}",
                          "a/b</script>", "é\"é", String(repeating: "long text with \"quotes\" ", count: 20), "\\\"\\\""]

    @Test(arguments: strings) func stringsAreEscapedAsBefore(text: String) {
        Self.expectAsBefore(.string(text))
        Self.expectAsBefore(.object([(text, .string(text))]))
    }

    @Test func escapesControlCharactersInLowercaseHex() {
        #expect(JSONValue.string("\u{0}\u{1A}\u{1F}").compact() == #""\u0000\u001a\u001f""#)
        #expect(JSONValue.string("a\u{2028}b\u{2029}").compact(forScript: true) == #""a\u2028b\u2029""#)
        #expect(JSONValue.string("a\u{2028}b").compact() == "\"a\u{2028}b\"")
    }

    @Test func integersAsBefore() {
        for value in [0, 1, -1, 9, 10, -10, 99, 100, 12_345, -98_765, Int(Int32.max), 1 << 53, Int.max, Int.min, Int.min + 1] {
            #expect(JSONValue.int(value).compact() == String(value))
            Self.expectAsBefore(.int(value))
        }
    }

    @Test func doublesAsBefore() {
        let values: [Double] = [0, -0.0, 3, -2, 0.82, 0.1, 1e-7, 5e-324, 123_456_789.125, 1e15 - 1, 1e15, -1e15, 1e16, 1e300, -1.5,
                                .pi, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, .leastNormalMagnitude, 0.30000000000000004]
        for value in values {
            Self.expectAsBefore(.double(value))
        }
        #expect(JSONValue.array([.double(3), .double(-0.0), .double(.nan), .double(-.infinity), .double(0.5), .double(1e15)]).compact()
                == "[3,0,null,null,0.5,1000000000000000.0]")
    }

    @Test func nestedEmptyContainersAsBefore() {
        let value = JSONValue.object([
            ("a", .array([])), ("b", .object([])), ("c", .array([.array([]), .object([]), .array([.array([])])])),
            ("d", .object([("e", .object([("f", .array([]))]))])), ("", .null),
        ])
        Self.expectAsBefore(value)
        #expect(value.compact() == #"{"a":[],"b":{},"c":[[],{},[[]]],"d":{"e":{"f":[]}},"":null}"#)
        Self.expectAsBefore(.array([]))
        Self.expectAsBefore(.object([]))
    }

    @Test func prettyIndentationDeeperThanTheSpaceTable() {
        // 40 levels: 80 spaces, more than the writer's table of 64.
        var value = JSONValue.array([.int(1), .string("deep")])
        for level in 0..<40 {
            value = level.isMultiple(of: 2) ? .object([("k\(level)", value), ("n", .null)]) : .array([value, .bool(level % 3 == 0)])
        }
        Self.expectAsBefore(value)
        #expect(value.pretty().contains("\n" + String(repeating: "  ", count: 41) + "1,\n"))
    }

    @Test func fragmentsJoinLikeValuesWrittenInPlace() {
        for pretty in [false, true] {
            var direct = JSONWriter(pretty: pretty)
            var joined = JSONWriter(pretty: pretty)
            direct.object { writer in
                writer.key("list")
                writer.array { writer in
                    for index in 0..<3 {
                        writer.object { writer in
                            writer.key("n")
                            writer.int(index)
                        }
                    }
                }
            }
            joined.object { writer in
                writer.key("list")
                writer.array { writer in
                    for index in 0..<3 {
                        var part = JSONWriter(pretty: pretty, level: writer.level)
                        part.object { part in
                            part.key("n")
                            part.int(index)
                        }
                        writer.fragment(part.bytes)
                    }
                }
            }
            #expect(joined.bytes == direct.bytes)
            #expect(String(decoding: direct.bytes, as: UTF8.self) == (pretty ? "{\n  \"list\": [\n    {\n      \"n\": 0\n    },\n    {\n      \"n\": 1\n    },\n    {\n      \"n\": 2\n    }\n  ]\n}" : #"{"list":[{"n":0},{"n":1},{"n":2}]}"#))
        }
    }

    @Test func daysAsDayDescription() {
        let days = [Day("2026-11-25")!, Day("0001-01-01")!, Day("9999-12-31")!, Day("0042-02-03")!,
                    Day(daysSinceEpoch: -800_000), Day(daysSinceEpoch: -720_000), Day(daysSinceEpoch: 3_000_000)]
        for day in days {
            var writer = JSONWriter(pretty: false)
            writer.array { writer in
                writer.day(day)
                writer.day(nil)
            }
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\"\(day.description)\",null]", "\(day.year) \(day.month) \(day.day)")
        }
    }
}

/// The eight-byte test that lets `JSONWriter` skip plain text must say yes
/// for every word holding a byte that needs an escape.
@Suite struct JSONWriterWordTests {
    @Test func everyByteThatNeedsAnEscapeIsSeenInEveryPosition() {
        for byte in 0...255 {
            let needs = byte < 0x20 || byte == 0x22 || byte == 0x5C
            for position in 0..<8 {
                for filler: UInt8 in [0x20, 0x41, 0x7E, 0x80, 0xA8, 0xE1, 0xE3, 0xFF, 0x21, 0x23, 0x5B, 0x5D] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(byte)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(JSONWriter.mayNeedEscape(word, lineSeparators: false) == needs, "\(byte) at \(position) in \(filler)")
                    #expect(JSONWriter.mayNeedEscape(word, lineSeparators: true) == (needs || byte == 0xE2), "\(byte) at \(position) in \(filler)")
                }
            }
        }
    }

    @Test func escapesStraddlingWordsAreWritten() {
        // Escapes at every offset of long strings, so some fall in a skipped word's neighbour.
        for offset in 0..<20 {
            for special in ["\"", "\\", "\u{1}", "\n", "\u{2028}", "\u{2029}", "\u{2027}", "é", "€"] {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset) + special
                JSONWriterTests.expectAsBefore(.string(text))
            }
        }
    }
}
