import Testing
import PlanfolioMarkdown

/// The URLs LinkedFiles rewrites links to must still count as relative paths, so images stay `<img>`.
@Suite struct URLSafetyRelativePathTests {
    @Test(arguments: ["../files/investigations/evidence/a.svg", "files/a%20b.csv", "../plans/RP-1.html#x"])
    func rewrittenLinksAreRelative(url: String) {
        #expect(URLSafety.isRelativePath(url))
        #expect(URLSafety.isSafe(url))
    }

    @Test(arguments: ["/etc/passwd", "//evil.example/x.png", "#top", "javascript:alert(1)"])
    func othersAreNot(url: String) {
        #expect(!URLSafety.isRelativePath(url))
    }
}
