import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

@Suite struct PlaceholderFinderTests {
    func found(_ markdown: String) -> [String] {
        PlaceholderFinder.find(in: MarkdownParser.parse(markdown).children).map(\.text)
    }

    @Test func bracketedTextInProseIsAPlaceholder() {
        #expect(found("- **System Name**: [Name of AI system]") == ["[Name of AI system]"])
        #expect(found("[Repeat for additional interventions if applicable]") == ["[Repeat for additional interventions if applicable]"])
        #expect(found("Owner: [Name/Team] and [Date].") == ["[Name/Team]", "[Date]"])
    }

    @Test func placeholderLineIsTheLineOfItsBracket() {
        let placeholders = PlaceholderFinder.find(in: MarkdownParser.parse("Intro\n\nfirst line\nthen [Date] here", firstLine: 10).children)
        #expect(placeholders.map(\.line) == [13])
        #expect(placeholders.first?.column == 6)
    }

    @Test func placeholderSpanningLinesAndEmphasisIsOne() {
        #expect(found("[State the *specific*\ngoals]") == ["[State the specific goals]"])
        #expect(found("**Description\n**: [Detailed description (e.g., retrain).]") == ["[Detailed description (e.g., retrain).]"])
    }

    @Test func nestedBracketsAreOnePlaceholder() {
        #expect(found("### Intervention [1: [Name]]") == ["[1: [Name]]"])
        #expect(found("an unclosed [ then [Date]") == ["[Date]"])
    }

    @Test func tableCellIsOnePlaceholder() {
        let table = """
        | Phase | Deadline |
        |---|---|
        | [Phase 1: Design/Prep] | [Date] |
        """
        #expect(found(table) == ["[Phase 1: Design/Prep]", "[Date]"])
    }

    @Test func linksAreNotPlaceholders() {
        #expect(found("See [the report](DIR-2026-004.md) and <https://example.com>.").isEmpty)
        #expect(found("See [the report][r].\n\n[r]: https://example.com").isEmpty)
        #expect(found("![alt [x]](chart.svg)").isEmpty)
        #expect(found("[Intervention 1: [Name of Intervention]](#intervention-1)").isEmpty)
    }

    @Test func codeIsNotAPlaceholder() {
        #expect(found("Use `[x]` here").isEmpty)
        #expect(found("```\n[Date]\n```").isEmpty)
        #expect(found("    [Date] indented code").isEmpty)
        // Code inside brackets breaks them: nothing here is template text.
        #expect(found("[see `x`]").isEmpty)
    }

    @Test func taskBoxesOpeningListItemsAreNotPlaceholders() {
        #expect(found("- [ ] open task\n- [x] done task\n- [X] done too").isEmpty)
        #expect(found("- [x]\n- [ ]\n- [X]").isEmpty)
        #expect(found("1. [x] ordered task").isEmpty)
    }

    @Test func taskBoxWithAPlaceholderAfterIt() {
        #expect(found("- [ ] ask [Name] to sign") == ["[Name]"])
    }

    @Test func bracketsMidItemAreStillPlaceholders() {
        #expect(found("- a [x] b") == ["[x]"])
    }

    @Test func emptyBracketsAndFootnoteMarksAreNot() {
        #expect(found("an empty [] pair, a space [ ] pair, a note[^1]").isEmpty)
    }

    @Test func rawHTMLIsNotScanned() {
        #expect(found("<div>[Date]</div>").isEmpty)
    }

    @Test func onlyPlaceholdersIsTrueForPlaceholderCells() {
        let body = MarkdownParser.parse("| a | b | c | d |\n|---|---|---|---|\n| [Date] | [a] [b] | [Date] x | `[Date]` |")
        var cells: [MarkdownNode] = []
        body.walk { if case .tableCell = $0.kind, $0.line == 3 { cells.append($0) } }
        #expect(cells.map(PlaceholderFinder.isOnlyPlaceholders) == [true, true, false, false])
    }
}
