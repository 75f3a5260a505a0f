import Foundation
import Testing
@testable import PlanfolioMarkdown

@Suite struct MarkdownParserTests {
    @Test func tablesAreParsedAsTables() {
        let document = MarkdownParser.parse("| A | B |\n|---|--:|\n| 1 | 2 |\n")
        guard case .table(let alignments) = document.children.first?.kind else {
            Issue.record("expected a table, got \(String(describing: document.children.first?.kind))")
            return
        }
        #expect(alignments == [.none, .right])
        #expect(document.children[0].children.count == 2)
        if case .tableRow(let isHeader) = document.children[0].children[0].kind { #expect(isHeader) }
    }

    @Test func linesAreOffsetToTheFile() {
        let document = MarkdownParser.parse("# Title\n\nText\n", firstLine: 5)
        #expect(document.children.map(\.line) == [5, 7])
    }

    @Test func bareURLAutolinksTakeTheirParentsLine() {
        let document = MarkdownParser.parse("intro\n\nsee https://example.com/x for more\n", firstLine: 10)
        var links: [MarkdownNode] = []
        document.walk { if case .link = $0.kind { links.append($0) } }
        #expect(links.count == 1)
        #expect(links.first?.line == 12)
        if case .link(let url, _) = links.first?.kind { #expect(url == "https://example.com/x") }
    }

    @Test func strikethroughAndTaskListsAreRecognised() {
        let document = MarkdownParser.parse("~~old~~ new\n\n- [x] done\n- [ ] open\n")
        var kinds: [String] = []
        document.walk { node in
            switch node.kind {
            case .strikethrough: kinds.append("del")
            case .item(let task): kinds.append("item:\(String(describing: task))")
            default: break
            }
        }
        #expect(kinds == ["del", "item:Optional(true)", "item:Optional(false)"])
    }

    /// cmark-gfm 0.29 corrupts inline extensions when two threads parse at
    /// once; whatever `MarkdownParser` does about it, every parse run
    /// concurrently must still see every strikethrough and autolink.
    @Test func concurrentParsingKeepsInlineExtensions() {
        let text = (1...40).map { "Line ~~struck \($0)~~ and https://example.com/\($0) here." }.joined(separator: "\n\n")
        let results = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            let document = MarkdownParser.parse(text)
            var count = 0
            document.walk { node in
                switch node.kind {
                case .strikethrough, .link: count += 1
                default: break
                }
            }
            results.withLock { $0.append(count) }
        }
        let counts = results.withLock { $0 }
        #expect(counts.count == 200)
        #expect(counts.allSatisfy { $0 == 80 }, "some parses lost inline extensions: \(Set(counts))")
    }
}

/// A value shared between test threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
