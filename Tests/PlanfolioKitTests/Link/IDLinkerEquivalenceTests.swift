import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// Ids are linked while `HTMLRenderer` writes the prose (`IDLinker.page`)
/// instead of by rewriting the tree first (`TreeIDLinker`, the old code):
/// the same HTML and headings for every body.
@Suite struct IDLinkerEquivalenceTests {
    static let targets: [String: IDLinker.Target] = [
        "RP-2026-1": .init(path: "plans/RP-2026-1.html", title: "Plan one"),
        "RP-2026-10": .init(path: "plans/RP-2026-10.html", title: "Plan <ten> & \"quotes\""),
        "DIR-2026-004": .init(path: "investigations/DIR-2026-004.html", title: "Drift"),
        "FAF-2026-03-001": .init(path: "assessments/FAF-2026-03-001.html", title: ""),
        "v1.2": .init(path: "plans/v1.2.html", title: "Dotted"),
        "snake_case_id": .init(path: "plans/snake_case_id.html", title: "Underscores"),
        "A": .init(path: "plans/A.html", title: "One letter"),
    ]

    /// Short pieces of Markdown around ids; every body below is some of them in a row.
    static let pieces = [
        "RP-2026-1", "RP-2026-1.", "RP-2026-1...", "(RP-2026-10)", "xRP-2026-1", "RP-2026-1x", "RP-2026-100",
        "DIR-2026-004,", "«FAF-2026-03-001»", "FAF-2026-03-001/DIR-2026-004", "v1.2", "v1.2.", "v1.2.3",
        "snake_case_id", "_snake_case_id_", "*RP-2026-1*", "**DIR-2026-004**", "~~v1.2~~", "`RP-2026-1`",
        "[RP-2026-1](https://example.org/RP-2026-1)", "[see RP-2026-10](javascript:alert(1))", "![RP-2026-1](c.png)",
        "<https://x.org/RP-2026-1>", "<b>RP-2026-1</b>", "A", "A.", "a", "é RP-2026-1 é", "&amp;RP-2026-1&lt;",
        "RP-2026-1\\_x", "[RP-2026-1]", "RP-2026-1<", "'RP-2026-1'", "\"DIR-2026-004\"", "\u{E000}RP-2026-1\u{E000}",
        "word", "two words", "",
    ]

    static let shapes: [@Sendable (String) -> String] = [
        { $0 },
        { "## Heading \($0)\n\n\($0)" },
        { "- \($0)\n- item \($0) end" },
        { "1. \($0)\n\n2. loose \($0)" },
        { "> \($0)\n> \($0)" },
        { "| a | b |\n|---|:-:|\n| \($0) | x \($0) |" },
        { "```\n\($0)\n```\n\n    \($0)\n\n\($0)  \nnext \($0)" },
        { "# \($0)\n\ntext \($0)\nsoft \($0)" },
        { "- [ ] \($0)\n- [x] \($0)" },
    ]

    static func bodies() -> [String] {
        var bodies: [String] = []
        for (index, piece) in pieces.enumerated() {
            let next = pieces[(index * 7 + 3) % pieces.count]
            let line = "\(piece) \(next)\(piece)\(next) end \(piece)"
            for shape in shapes { bodies.append(shape(line)) }
        }
        return bodies
    }

    @Test(arguments: [nil, "RP-2026-1", "A"])
    func theRendererLinksAsTheTreeRewriteDid(selfID: String?) {
        let old = TreeIDLinker(targets: Self.targets)
        let new = IDLinker(targets: Self.targets)
        for markdown in Self.bodies() {
            let tree = MarkdownParser.parse(markdown)
            let expected = HTMLRenderer().render(old.link(tree, selfID: selfID, root: "../"))
            let actual = HTMLRenderer(linker: new.page(selfID: selfID, root: "../")).render(tree)
            #expect(actual == expected, "\(markdown)")
        }
    }

    @Test func theBodiesDoHaveLinks() {
        let html = Self.bodies().map { HTMLRenderer(linker: IDLinker(targets: Self.targets).page(selfID: nil, root: "")).render(MarkdownParser.parse($0)).html }
        #expect(html.filter { $0.contains("<a href=\"plans/RP-2026-1.html\"") }.count > 100)
        #expect(html.contains { $0.contains("href=\"plans/snake_case_id.html\"") })
    }

    @Test func noTargetsLinksNothing() {
        let tree = MarkdownParser.parse("RP-2026-1 and DIR-2026-004")
        #expect(HTMLRenderer(linker: IDLinker(targets: [:]).page(selfID: nil, root: "")).render(tree) == HTMLRenderer().render(tree))
    }
}
