import PropertyBased
import Testing
@testable import PlanfolioMarkdown

/// Reference definitions are bounded before cmark sees them: one that the
/// document's links could copy past its budget is text and a problem at its
/// line, so links never hold more URL and title bytes than a few times the text.
@Suite struct ReferenceBudgetTests {
    /// URL and title bytes of every link and image of a tree.
    static func linkBytes(_ node: MarkdownNode) -> Int {
        var total = 0
        var stack = [node]
        while let current = stack.popLast() {
            switch current.kind {
            case .link(let url, let title), .image(let url, let title): total += url.utf8.count + title.utf8.count
            default: break
            }
            current.forEachChild { stack.append($0) }
        }
        return total
    }

    static func bomb(uses: Int, urlBytes: Int, prefix: String = "") -> String {
        "Intro\n\n" + String(repeating: "[x][r] ", count: uses) + "\n\n" + prefix + "[r]: https://x.example/" + String(repeating: "a", count: urlBytes) + "\n"
    }

    @Test func ordinaryReferencesAreKept() {
        let text = "See [the report][r] and [r] and ![chart][c].\n\n[r]: https://x.example/report \"The report\"\n[c]: chart.png\n"
        #expect(ReferenceBudget.apply(to: text, firstLine: 1).text == nil)
        let parsed = MarkdownParser.parseReportingProblems(text)
        #expect(parsed.problems.isEmpty)
        #expect(Self.linkBytes(parsed.document) > 0)
    }

    @Test func aDefinitionCopiedPastTheBudgetIsTextAndAProblemAtItsLine() {
        let text = Self.bomb(uses: 2_000, urlBytes: 10_000)
        let parsed = MarkdownParser.parseReportingProblems(text, firstLine: 5)
        #expect(parsed.problems.count == 1)
        #expect(parsed.problems.first?.line == 9)
        if case .referenceTooLarge(let bytes, let uses, let more) = parsed.problems.first?.kind {
            #expect(bytes >= 10_000 && uses == 4_001 && more == 0, "two ']' a use, one in the definition")
        } else {
            Issue.record("expected referenceTooLarge, got \(parsed.problems)")
        }
        // No use copies the URL; the definition's text is only autolinked once.
        #expect(Self.linkBytes(parsed.document) < 10_100)
        #expect(parsed.document.plainText.contains("[r]: https://x.example/aaa"))
    }

    @Test(arguments: [
        "> ",                  // in a block quote
        "  ",                  // indented
        "- ",                  // in a list item
    ])
    func definitionsInContainersAreCounted(_ prefix: String) {
        let parsed = MarkdownParser.parseReportingProblems(Self.bomb(uses: 2_000, urlBytes: 10_000, prefix: prefix))
        #expect(!parsed.problems.isEmpty)
        #expect(Self.linkBytes(parsed.document) <= ReferenceBudget.budget(length: 30_000))
    }

    @Test func titlesOverSeveralLinesAndDestinationsOnTheNextLineAreCounted() {
        let title = Array(repeating: String(repeating: "t", count: 500), count: 20).joined(separator: "\r\n")
        let text = String(repeating: "[x][r] ", count: 2_000) + "\n\n[r]:\n  https://x.example/\n  \"" + title + "\"\n"
        let candidates = ReferenceBudget.scan(text).candidates
        #expect(candidates.count == 1)
        #expect((candidates.first?.size ?? 0) > 10_000)
        #expect(Self.linkBytes(MarkdownParser.parse(text)) < 100, "only the URL's own autolink")
    }

    @Test func aDefinitionInsideAnotherOnesScanIsCountedWithoutAScanOfItsOwn() {
        // One long run of `[x]:[x]:…` is one destination: the pass stays linear.
        let run = String(repeating: "[x]:", count: 50_000)
        let (candidates, uses) = ReferenceBudget.scan(run)
        #expect(candidates.count == 50_000)
        #expect(uses == 50_000)
        #expect(candidates[1].size == run.utf8.count - 4)
    }

    /// Markdown from pieces: definitions of any size (in containers, with
    /// titles), reference uses, inline links, autolinks, brackets, text.
    static let piece = Gen<String?>.element(of: [
        "[x][r] ", "[r] ", "[r][] ", "![i][r] ", "[y][s] ", "[a](https://x.example/p \"t\") ", "www.x.example ", "a@b.example ",
        "[", "]", "\\]", "[q]: ", "`[r]` ", "word ", "\n", "\n\n", "> ", "- ", "\r\n",
    ]).map { $0 ?? "" }
    static let definition = zip(Gen<String?>.element(of: ["r", "s", "R", "q"]).map { $0 ?? "r" },
                                Gen<String?>.element(of: ["", "> ", "  ", "- "]).map { $0 ?? "" },
                                Gen.int(in: 0...40_000), Gen.int(in: 0...3)).map { label, prefix, size, title in
        let url = "https://x.example/" + String(repeating: "u", count: size)
        let titles = ["", " \"title\"", "\n  'a\nmulti-line title'", " (\(String(repeating: "t", count: size / 2)))"]
        return "\n\n" + prefix + "[\(label)]: " + url + titles[title] + "\n\n"
    }

    @Test func linksNeverHoldMoreThanTheBudgetAndTheirText() async {
        await propertyCheck(count: 60, input: Self.piece.array(of: 0...3_000), Self.definition.array(of: 0...3), Gen.int(in: 0...3_000)) { pieces, definitions, at in
            var text = pieces.joined()
            for definition in definitions {
                let index = text.utf8.index(text.utf8.startIndex, offsetBy: min(at, text.utf8.count))
                text.insert(contentsOf: definition, at: String.Index(index, within: text) ?? text.endIndex)
            }
            let length = text.utf8.count
            let bytes = Self.linkBytes(MarkdownParser.parse(text))
            // Inline links and autolinks hold at most their text and a scheme each.
            #expect(bytes <= ReferenceBudget.budget(length: length) + 3 * length, "\(bytes) link bytes from \(length) bytes of text")
        }
    }
}
