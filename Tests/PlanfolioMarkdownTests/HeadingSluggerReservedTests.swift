import Testing
import PlanfolioMarkdown

/// Heading anchors never take one of the theme's ids (they start with `pf-`)
/// and never repeat each other.
@Suite struct HeadingSluggerReservedTests {
    @Test(arguments: [("pf main", "h-pf-main"), ("PF-Main", "h-pf-main"), ("pf", "h-pf"), ("pf-", "h-pf-"), ("pfx", "pfx"), ("a pf b", "a-pf-b")])
    func anchorsNeverStartWithTheThemesPrefix(_ text: String, _ anchor: String) {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(text) == anchor)
    }

    @Test func repeatsOfPFGetSuffixesAfterThePrefix() {
        var slugger = HeadingSlugger()
        #expect(["pf", "pf", "pf main", "pf main"].map { slugger.slug($0) } == ["h-pf", "h-pf-1", "h-pf-main", "h-pf-main-1"])
    }

    @Test func aSuffixAlreadyTakenIsSkipped() {
        var slugger = HeadingSlugger()
        let anchors = ["a-1", "a", "a", "a", "a-2"].map { slugger.slug($0) }
        #expect(anchors == ["a-1", "a", "a-2", "a-3", "a-2-1"])
        #expect(Set(anchors).count == anchors.count)
    }

    @Test func noPageIDInARenderedBody() {
        let out = HTMLRenderer().render(MarkdownParser.parse("## pf main\n\n## pf-timeline\n\n# PF Approval Status\n")).html
        #expect(!out.contains("id=\"pf-"))
        #expect(out.contains("id=\"h-pf-main\""))
    }
}
