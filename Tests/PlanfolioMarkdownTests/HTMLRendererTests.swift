import Testing
@testable import PlanfolioMarkdown

@Suite struct HTMLRendererTests {
    func html(_ markdown: String) -> String {
        HTMLRenderer().render(MarkdownParser.parse(markdown)).html
    }

    @Test func rawHTMLNeverReachesTheSite() {
        let out = html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> <b>bold</b>\n\n<div>\nblock\n</div>\n")
        #expect(!out.contains("<script"))
        #expect(!out.contains("<img"))
        #expect(!out.contains("<b>"))
        #expect(!out.contains("<div"))
        #expect(out.contains("Text"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](java\tscript:alert(1))",
        "[x](vbscript:msgbox)", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](file:///etc/passwd)",
        "<javascript:alert(1)>",
    ])
    func dangerousLinksLoseTheirHref(_ markdown: String) {
        let out = html(markdown)
        #expect(!out.lowercased().contains("href"), "\(out)")
    }

    @Test func safeLinksAreKept() {
        #expect(html("[a](https://example.com/a?b=1&c=2)").contains("href=\"https://example.com/a?b=1&amp;c=2\""))
        #expect(html("[a](../plans/RP-1.html#phases)").contains("href=\"../plans/RP-1.html#phases\""))
        #expect(html("[a](mailto:x@example.com)").contains("href=\"mailto:x@example.com\""))
    }

    @Test func remoteImagesAreShownAsLinksNotLoaded() {
        let out = html("![chart](https://example.com/c.png)")
        #expect(!out.contains("<img"))
        #expect(out.contains("<a class=\"remote-image\" href=\"https://example.com/c.png\""))
        #expect(html("![chart](evidence/c.png)").contains("<img src=\"evidence/c.png\" alt=\"chart\">"))
    }

    @Test func textAndAttributesAreEscaped() {
        let out = html("a < b & \"c\" 'd'\n\n[t](x \"ti\\\"tle\")\n\n`<code>`\n")
        #expect(out.contains("a &lt; b &amp; &quot;c&quot; &#39;d&#39;"))
        #expect(out.contains("title=\"ti&quot;tle\""))
        #expect(out.contains("<code>&lt;code&gt;</code>"))
    }

    @Test func headingsGetStableGitHubStyleAnchors() {
        let rendered = HTMLRenderer().render(MarkdownParser.parse("# Plan\n## Proposed Intervention(s)\n### Intervention 1: [Name of Intervention]\n## Notes\n## Notes\n"))
        #expect(rendered.headings.map(\.anchor) == ["plan", "proposed-interventions", "intervention-1-name-of-intervention", "notes", "notes-1"])
        #expect(rendered.html.contains("<h2 id=\"proposed-interventions\">"))
    }

    @Test func noStyleAttributesForStrictCSP() {
        let out = html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
        #expect(!out.contains("style="))
        #expect(out.contains("class=\"align-center\""))
    }
}

@Suite struct URLSafetyTests {
    @Test func schemes() {
        #expect(URLSafety.scheme(of: "https://x") == "https")
        #expect(URLSafety.scheme(of: " JaVa\nScRiPt:x") == "javascript")
        #expect(URLSafety.scheme(of: "a/b:c") == nil)
        #expect(URLSafety.scheme(of: "#frag") == nil)
        #expect(URLSafety.isRelativePath("evidence/a.csv"))
        #expect(!URLSafety.isRelativePath("//evil.example/x"))
        #expect(!URLSafety.isRelativePath("/etc/passwd"))
    }
}
