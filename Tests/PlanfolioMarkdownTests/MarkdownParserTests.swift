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
}
