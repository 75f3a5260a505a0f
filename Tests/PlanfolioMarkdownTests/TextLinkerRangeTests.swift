import Testing
@testable import PlanfolioMarkdown

/// `HTMLRenderer.TextLinker` is public, so the writer cannot trust its
/// ranges: one past the text, one before the previous link, or an empty one
/// must neither crash nor drop or repeat text.
@Suite struct TextLinkerRangeTests {
    final class FixedLinker: HTMLRenderer.TextLinker {
        let links: [HTMLRenderer.TextLink]
        init(_ links: [HTMLRenderer.TextLink]) { self.links = links }
        func links(in text: String) -> [HTMLRenderer.TextLink] { links }
    }

    @Test func rangesOutOfOrderOrPastTheTextAreSkipped() {
        let linker = FixedLinker([
            .init(range: 0..<3, url: "a.html", title: ""),
            .init(range: 1..<2, url: "overlap.html", title: ""),   // starts inside the previous link
            .init(range: 4..<9, url: "b.html", title: ""),
            .init(range: 8..<500, url: "past.html", title: ""),   // runs past the text
        ])
        let html = HTMLRenderer(linker: linker).render(MarkdownParser.parse("one two three")).html
        #expect(html == "<p><a href=\"a.html\">one</a> <a href=\"b.html\">two t</a>hree</p>\n")
    }
}
