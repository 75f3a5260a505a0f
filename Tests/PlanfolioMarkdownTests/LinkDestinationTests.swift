import Testing
@testable import PlanfolioMarkdown

/// Link and image URLs reach the page as cmark-gfm writes them:
/// percent-encoded, with a scheme only where URLs have one, and
/// protocol-relative URLs treated as the other sites they are.
@Suite struct LinkDestinationTests {
    func html(_ markdown: String) -> String {
        HTMLRenderer().render(MarkdownParser.parse(markdown)).html
    }

    @Test(arguments: [
        ("[a](<my url>)", "href=\"my%20url\""),
        ("[a](/φου)", "href=\"/%CF%86%CE%BF%CF%85\""),
        ("[a](foo\\bar)", "href=\"foo%5Cbar\""),
        ("<http://example.com/`x>", "href=\"http://example.com/%60x\""),
        ("<http://example.com/?q=]>", "href=\"http://example.com/?q=%5D\""),
        ("[a](/a\"b)", "href=\"/a%22b\""),
        ("[a](/a?b=1&c='2')", "href=\"/a?b=1&amp;c=&#39;2&#39;\""),
        ("[a](/already%20encoded)", "href=\"/already%20encoded\""),
        ("![i](<a b.png>)", "src=\"a%20b.png\""),
    ])
    func destinationsArePercentEncodedAsCmarkDoes(_ markdown: String, _ attribute: String) {
        #expect(html(markdown).contains(attribute), "\(html(markdown))")
    }

    @Test func hrefEscapeKeepsURLCharactersAndEncodesEveryOtherByte() {
        #expect("azAZ09-_.+!*(),%#@?=;:/$~".hrefEscaped == "azAZ09-_.+!*(),%#@?=;:/$~")
        #expect(" \"<>[]\\^`{|}\u{7F}\u{1}".hrefEscaped == "%20%22%3C%3E%5B%5D%5C%5E%60%7B%7C%7D%7F%01")
        #expect("&'".hrefEscaped == "&amp;&#39;")
        #expect("é".hrefEscaped == "%C3%A9")
    }

    @Test func anEscapedParenthesisIsNoScheme() {
        // `foo):` is a relative path to a browser, not a scheme `foo)`.
        #expect(html("[link](foo\\)\\:)") == "<p><a href=\"foo):\">link</a></p>\n")
        #expect(URLSafety.scheme(of: "foo):") == nil)
        #expect(URLSafety.scheme(of: "1x:y") == nil)
        #expect(URLSafety.scheme(of: "a+b.c-d:e") == "a+b.c-d")
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:x", "java\tscript:x", " javascript:x", "java\nscript:x", "data:text/html,x", ":x"])
    func schemesBrowsersWouldRunStayBlocked(_ url: String) {
        #expect(!URLSafety.isSafe(url))
    }

    @Test func protocolRelativeLinksAreOutsideLinksOverHTTPS() {
        #expect(URLSafety.isRemote("//evil.example/x"))
        #expect(html("[l](//evil.example/x)") == "<p><a href=\"https://evil.example/x\" rel=\"noopener noreferrer\">l</a></p>\n")
    }

    @Test func protocolRelativeImagesAreShownAsLinks() {
        let out = html("![i](//evil.example/x.png)")
        #expect(!out.contains("<img"))
        #expect(out.contains("<a class=\"remote-image\" href=\"https://evil.example/x.png\" rel=\"noopener noreferrer\">Image: i</a>"))
    }

    @Test func backslashesCannotMakeAProtocolRelativeURL() {
        // A browser reads `\` as `/` in http(s) URLs; written as %5C it is a path.
        #expect(html("[l](\\\\\\\\evil.example/x)").contains("href=\"%5C%5Cevil.example/x\""))
        #expect(html("[l](/\\evil.example/x)").contains("href=\"/%5Cevil.example/x\""))
    }
}
