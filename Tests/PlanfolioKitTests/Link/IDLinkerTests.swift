import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

@Suite("Ids in prose become links")
struct IDLinkerTests {
    static let linker = IDLinker(targets: [
        "RP-2026-1": .init(path: "plans/RP-2026-1.html", title: "Plan one"),
        "RP-2026-10": .init(path: "plans/RP-2026-10.html", title: "Plan ten"),
        "DIR-2026-004": .init(path: "investigations/DIR-2026-004.html", title: "Drift"),
        "FAF-2026-03-001": .init(path: "assessments/FAF-2026-03-001.html", title: "Q1"),
        "v1.2": .init(path: "plans/v1.2.html", title: "Dotted"),
        "snake_case_id": .init(path: "plans/snake_case_id.html", title: "Underscores"),
    ])

    static func html(_ markdown: String, selfID: String? = nil) -> String {
        render(MarkdownParser.parse(markdown), selfID: selfID).html
    }

    static func render(_ tree: MarkdownNode, selfID: String? = nil, with linker: IDLinker = linker) -> RenderedMarkdown {
        HTMLRenderer(linker: linker.page(selfID: selfID, root: "../")).render(tree)
    }

    static func link(_ id: String, _ folder: String = "plans", title: String) -> String {
        "<a href=\"../\(folder)/\(id).html\" title=\"\(title)\">\(id)</a>"
    }

    @Test func linksAnIDInAParagraph() {
        #expect(Self.html("See DIR-2026-004 for the root cause.")
            == "<p>See \(Self.link("DIR-2026-004", "investigations", title: "Drift")) for the root cause.</p>\n")
    }

    @Test func anIDThatIsAPrefixOfAnotherDoesNotMatchInsideIt() {
        let out = Self.html("RP-2026-10 replaces RP-2026-1, not RP-2026-100 or xRP-2026-1 or RP-2026-1x.")
        #expect(out.contains(Self.link("RP-2026-10", title: "Plan ten") + " replaces " + Self.link("RP-2026-1", title: "Plan one") + ","))
        #expect(out.contains("not RP-2026-100 or xRP-2026-1 or RP-2026-1x."))
        #expect(out.components(separatedBy: "<a ").count == 3)
    }

    @Test(arguments: [
        ("Raised by FAF-2026-03-001.", "Raised by LINK."),
        ("Raised by FAF-2026-03-001...", "Raised by LINK..."),
        ("(FAF-2026-03-001)", "(LINK)"),
        ("FAF-2026-03-001, then", "LINK, then"),
        ("FAF-2026-03-001/DIR", "LINK/DIR"),
        ("«FAF-2026-03-001»", "«LINK»"),
    ])
    func boundaries(markdown: String, expected: String) {
        let link = Self.link("FAF-2026-03-001", "assessments", title: "Q1")
        #expect(Self.html(markdown) == "<p>" + expected.replacingOccurrences(of: "LINK", with: link) + "</p>\n")
    }

    @Test func anIDEndingInADotIsTriedWholeFirst() {
        #expect(Self.html("Release v1.2.").contains(Self.link("v1.2", title: "Dotted") + "."))
        #expect(Self.html("Release v1.2") == "<p>Release \(Self.link("v1.2", title: "Dotted"))</p>\n")
        #expect(!Self.html("Release v1.2.3").contains("<a "))
    }

    @Test func idsWithUnderscoresMatchEvenWhereCmarkSplitsTheText() {
        #expect(Self.html("see snake_case_id here").contains(Self.link("snake_case_id", title: "Underscores")))
    }

    @Test func neverInCodeSpansOrCodeBlocks() {
        let out = Self.html("Run `DIR-2026-004` now.\n\n```\nRP-2026-1\n```\n\n    RP-2026-10\n")
        #expect(!out.contains("<a "))
        #expect(out.contains("<code>DIR-2026-004</code>"))
    }

    @Test func neverInsideExistingLinksOrImages() {
        let out = Self.html("[about RP-2026-1](https://example.org/RP-2026-1) ![RP-2026-10](chart.svg) <https://x.org/RP-2026-1>")
        #expect(!out.contains("plans/RP-2026-1"))
        #expect(out.contains("<a href=\"https://example.org/RP-2026-1\" rel=\"noopener noreferrer\">about RP-2026-1</a>"))
        #expect(out.contains("alt=\"RP-2026-10\""))
    }

    @Test func neverInHeadingsSoAnchorsStayAsWritten() {
        let rendered = Self.render(MarkdownParser.parse("## Follow-up to RP-2026-1\n\nText about RP-2026-1."))
        #expect(rendered.html.hasPrefix("<h2 id=\"follow-up-to-rp-2026-1\">Follow-up to RP-2026-1</h2>"))
        #expect(rendered.headings.map(\.text) == ["Follow-up to RP-2026-1"])
        #expect(rendered.html.contains("Text about " + Self.link("RP-2026-1", title: "Plan one")))
    }

    @Test func linksInsideEmphasisListsAndTables() {
        let out = Self.html("*RP-2026-1*\n\n- RP-2026-10\n\n| a |\n|---|\n| DIR-2026-004 |\n")
        #expect(out.contains("<em>" + Self.link("RP-2026-1", title: "Plan one") + "</em>"))
        #expect(out.contains("<li>" + Self.link("RP-2026-10", title: "Plan ten") + "</li>"))
        #expect(out.contains("<td>" + Self.link("DIR-2026-004", "investigations", title: "Drift") + "</td>"))
    }

    @Test func aDocumentDoesNotLinkToItself() {
        let out = Self.html("RP-2026-1 follows RP-2026-10.", selfID: "RP-2026-1")
        #expect(out == "<p>RP-2026-1 follows \(Self.link("RP-2026-10", title: "Plan ten")).</p>\n")
    }

    @Test func matchingIsCaseSensitive() {
        #expect(!Self.html("rp-2026-1 and Rp-2026-1").contains("<a "))
    }

    @Test func textWithoutIDsIsLeftAsItWas() {
        let tree = MarkdownParser.parse("Nothing to see, RP-2026 or 2026-1.")
        #expect(Self.render(tree) == HTMLRenderer().render(tree))
        var text = "Nothing to see, RP-2026 or 2026-1."
        #expect(text.withUTF8 { Self.linker.matches(in: $0, selfID: nil) }.isEmpty)
    }

    @Test func scalesToManyIDs() {
        var targets: [String: IDLinker.Target] = [:]
        for number in 0..<20_000 { targets["RP-\(number)"] = .init(path: "plans/RP-\(number).html", title: "") }
        let linker = IDLinker(targets: targets)
        let text = (0..<2_000).map { "RP-\($0 * 10) and word" }.joined(separator: " ")
        #expect(Self.render(MarkdownParser.parse(text), with: linker).html.components(separatedBy: "<a ").count == 2_001)
    }
}
