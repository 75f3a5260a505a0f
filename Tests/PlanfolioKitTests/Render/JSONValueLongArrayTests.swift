import Testing
@testable import PlanfolioKit

/// A long array is written on all cores (`JSONValue.write`) and plain
/// strings are copied whole: the bytes must be those of the one-thread writer.
@Suite struct JSONValueLongArrayTests {
    @Test func longArrayIsWrittenInOrderWithEscapes() {
        let texts = (0..<1_000).map { index in index % 3 == 0 ? "q\"\(index)\u{2028}" : "plain \(index) é" }
        let value = JSONValue.object([("documents", .array(texts.map { .object([("text", .string($0))]) }))])
        func escaped(_ text: String, script: Bool) -> String {
            text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\u{2028}", with: script ? "\\u2028" : "\u{2028}")
        }
        let compact = "{\"documents\":[" + texts.map { "{\"text\":\"\(escaped($0, script: true))\"}" }.joined(separator: ",") + "]}"
        #expect(value.compact(forScript: true) == compact)
        let pretty = "{\n  \"documents\": [\n" + texts.map { "    {\n      \"text\": \"\(escaped($0, script: false))\"\n    }" }.joined(separator: ",\n") + "\n  ]\n}\n"
        #expect(value.pretty() == pretty)
        #expect(ConcurrentMap.withThreads(1) { value.pretty() } == pretty)
    }
}
