import PlanfolioKit
import Testing
@testable import PlanfolioServe

@Suite struct DiagnosticBannerTests {
    @Test func everyTextIsEscaped() {
        let diagnostic = Diagnostic.error(.invalidValue, "'<script>alert(1)</script>' & more", file: "Plans/plans/<x>.md", line: 3)
        let html = DiagnosticBanner(scope: .document, diagnostics: [diagnostic], failure: "input '<b>' is missing").html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Plans/plans/&lt;x&gt;.md:3: error:"))
    }

    @Test func errorsSayThePageIsTheLastGoodOne() {
        let error = Diagnostic.error(.invalidDate, "bad date", file: "a.md", line: 1)
        let warning = Diagnostic.warning(.templatePlaceholder, "placeholder", file: "a.md", line: 2)
        let html = DiagnosticBanner(scope: .document, diagnostics: [error, warning], failure: nil).html
        #expect(html.contains("pf-serve-banner-error"))
        #expect(html.contains("1 error and 1 warning in this document. The page is from the last good build."))
        let warningsOnly = DiagnosticBanner(scope: .portfolio, diagnostics: [warning, warning], failure: nil).html
        #expect(!warningsOnly.contains("pf-serve-banner-error"))
        #expect(warningsOnly.contains("2 warnings in the portfolio."))
    }

    @Test func withoutASiteThereIsNoLastGoodPage() {
        var banner = DiagnosticBanner(scope: .portfolio, diagnostics: [], failure: "input folder 'Plans' does not exist")
        #expect(banner.html.contains("The page is from the last good build."))
        banner.noSite = true
        #expect(!banner.html.contains("last good build"))
        #expect(banner.html.contains("The build failed: input folder &#39;Plans&#39; does not exist."))
    }

    @Test func longListsAreCut() {
        let many = (1...(DiagnosticBanner.listed + 5)).map { Diagnostic.warning(.templatePlaceholder, "p\($0)", file: "a.md", line: $0) }
        let html = DiagnosticBanner(scope: .portfolio, diagnostics: many, failure: nil).html
        #expect(html.components(separatedBy: "<li class=").count == DiagnosticBanner.listed + 1)
        #expect(html.contains("… and 5 more: see the terminal."))
    }
}
