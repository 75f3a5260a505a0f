import PlanfolioKit
import Testing
@testable import PlanfolioServe

@Suite struct MIMETypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/site.js", "text/javascript; charset=utf-8"), ("search-index.js", "text/javascript; charset=utf-8"),
        ("portfolio.json", "application/json"), ("feed.xml", "application/xml"), ("files/chart.SVG", "image/svg+xml"),
        ("files/a.png", "image/png"), ("files/a.pdf", "application/pdf"), ("files/a.csv", "text/csv; charset=utf-8"),
        ("files/noextension", "application/octet-stream"), ("files/a.unknown", "application/octet-stream"),
    ])
    func typesByEnding(path: String, expected: String) {
        #expect(MIMEType.of(path) == expected)
    }

    /// Every kind of file a document may link to has its own type.
    @Test func everyPublishedEndingIsKnown() {
        for ending in ActiveContent.publishedExtensions.sorted() {
            #expect(MIMEType.of("files/x." + ending) != MIMEType.fallback, "\(ending)")
        }
    }
}
