import Testing
@testable import PlanfolioServe

@Suite struct PageInjectionTests {
    static let page = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'">
    <title>T</title>
    </head>
    <body class="page-document">
    <a class="skip-link" href="#pf-main">Skip</a>
    <main id="pf-main" tabindex="-1">
    <h1>Title</h1>
    </main>
    </body>
    </html>
    """

    func inject(_ html: String, banner: String? = nil) -> String {
        String(decoding: PageInjection.inject(into: Array(html.utf8), generation: 7, banner: banner), as: UTF8.self)
    }

    @Test func theReloadScriptAndStylesheetAreFilesInTheHead() throws {
        let html = inject(Self.page)
        let head = try #require(html.components(separatedBy: "</head>").first)
        #expect(head.contains("<script src=\"/__planfolio/reload.js\" data-generation=\"7\" defer></script>"))
        #expect(head.contains("<link rel=\"stylesheet\" href=\"/__planfolio/serve.css\">"))
        // No inline script or style anywhere.
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<style"))
        #expect(!html.contains("style="))
    }

    @Test func thePolicyAllowsConnectionsToTheServerAndNothingElseChanges() {
        let html = inject(Self.page)
        #expect(html.contains("content=\"default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'\""))
        #expect(html.components(separatedBy: "connect-src").count == 2)
    }

    @Test(arguments: [
        ("default-src 'none'", "default-src 'none'; connect-src 'self'"),
        ("default-src 'none'; connect-src 'none'", "default-src 'none'; connect-src 'self'"),
        ("default-src 'none'; connect-src https://x.example", "default-src 'none'; connect-src https://x.example 'self'"),
        ("default-src 'none'; CONNECT-SRC 'self';", "default-src 'none'; connect-src 'self'"),
    ])
    func policies(policy: String, expected: String) {
        #expect(PageInjection.allowingConnections(policy: policy) == expected)
    }

    @Test func aSingleQuotedOrUpperCaseMetaIsRewrittenToo() {
        let html = inject("<HEAD><META HTTP-EQUIV='Content-Security-Policy' CONTENT='default-src &apos;none&apos;'></HEAD><BODY></BODY>")
        #expect(html.contains("connect-src 'self'"))
    }

    @Test func theBannerOpensMain() throws {
        let html = inject(Self.page, banner: "<section class=\"pf-serve-banner\">B</section>")
        let main = try #require(html.range(of: "<main id=\"pf-main\" tabindex=\"-1\">"))
        #expect(html[main.upperBound...].hasPrefix("<section class=\"pf-serve-banner\">B</section>"))
    }

    @Test func withoutMainTheBannerOpensBodyAndWithoutHeadTheTagsComeFirst() {
        let noMain = inject("<html><head></head><body class=\"x\"><p>P</p></body></html>", banner: "[B]")
        #expect(noMain.contains("<body class=\"x\">[B]<p>"))
        let bare = inject("<p>P</p>", banner: "[B]")
        #expect(bare.hasPrefix("<link rel=\"stylesheet\" href=\"/__planfolio/serve.css\">"))
        #expect(bare.hasSuffix("[B]<p>P</p>"))
    }

    @Test func aTagThatOnlyStartsLikeMainIsPassedOver() {
        let html = inject("<head></head><body><mainframe></mainframe><main>M</main></body>", banner: "[B]")
        #expect(html.contains("<main>[B]M</main>"))
    }
}
