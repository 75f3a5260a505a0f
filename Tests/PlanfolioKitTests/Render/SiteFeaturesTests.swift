import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// The pages and files issue 7 adds, built in memory from small inputs.
@Suite struct SiteFeaturesTests {
    let today = Day("2026-11-25")!

    func build(baseURL: String? = nil, files: [SourceFile]? = nil) -> [String: String] {
        let loaded = LoadedInput(files: files ?? [
            SourceFile(path: "plans/RP-1.md", displayPath: "Plans/plans/RP-1.md", text: "---\nid: RP-1\ntitle: First plan\nsystem: Sys\ndate: 2026-01-02\nupdated: 2026-03-04\n---\nBody.\n"),
            SourceFile(path: "assessments/FAF-2026-01-001.md", displayPath: "Plans/assessments/FAF-2026-01-001.md", text: "---\nid: FAF-2026-01-001\ndate: 2026-02-01\n---\n# An assessment\n"),
        ])
        var options = BuildOptions(today: today)
        options.config.baseURL = baseURL
        let (report, output) = Build.site(from: loaded, theme: .builtIn, themePath: ThemeFiles.builtInPath, options: options)
        #expect(!report.hasErrors, Comment(rawValue: report.diagnostics.map(\.description).joined(separator: "\n")))
        var out: [String: String] = [:]
        for file in output { out[file.path] = String(decoding: file.contents, as: UTF8.self) }
        return out
    }

    @Test func pagesWithoutBaseURL() throws {
        let site = build()
        #expect(site["feed.xml"] == nil)
        #expect(site["sitemap.xml"] == nil)
        #expect(site["portfolio.json"] != nil)
        #expect(site["search-index.js"]?.contains("\"RP-1\"") == true)
        let search = try #require(site["search.html"])
        #expect(search.contains(#"<script src="search-index.js" defer></script>"#))
        #expect(search.contains(#"<script src="assets/search.js" defer></script>"#))
        #expect(search.contains(#"role="status""#))
        // 404 without a base URL: relative links, right for a 404 at the site's root.
        let notFound = try #require(site["404.html"])
        #expect(notFound.contains(#"href="assets/style.css""#))
        // The header search form goes to search.html from every depth.
        #expect(site["plans/RP-1.html"]?.contains(#"<form class="site-search" role="search" action="../search.html" method="get">"#) == true)
        #expect(site["index.html"]?.contains(#"action="search.html""#) == true)
    }

    @Test func noInlineScriptAnywhere() {
        for (path, text) in build(baseURL: "https://example.org/p/") where path.hasSuffix(".html") {
            var rest = Substring(text)
            while let open = rest.range(of: "<script") {
                let tagEnd = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
                let tag = rest[open.lowerBound..<tagEnd]
                #expect(tag.contains(" src=\""), Comment(rawValue: "\(path): \(tag)"))
                rest = rest[tagEnd...]
                #expect(rest.dropFirst().hasPrefix("</script>"), Comment(rawValue: "\(path): script with content"))
            }
            #expect(!text.contains(" style=\""), Comment(rawValue: path))
            #expect(!text.contains(" onclick="), Comment(rawValue: path))
        }
    }

    @Test func feedSitemapAnd404WithBaseURL() throws {
        let site = build(baseURL: "https://intranet.example/plans/")
        let feed = try #require(site["feed.xml"])
        #expect(feed.contains(#"<feed xmlns="http://www.w3.org/2005/Atom">"#))
        #expect(feed.contains("<id>https://intranet.example/plans/plans/RP-1.html</id>"))
        #expect(feed.contains("<updated>2026-03-04T00:00:00Z</updated>"))
        // Latest first: RP-1 (updated 2026-03-04) before the assessment (2026-02-01).
        let plan = try #require(feed.range(of: "RP-1: First plan")), assessment = try #require(feed.range(of: "FAF-2026-01-001: An assessment"))
        #expect(plan.lowerBound < assessment.lowerBound)
        let sitemap = try #require(site["sitemap.xml"])
        #expect(sitemap.contains("<url><loc>https://intranet.example/plans/plans/RP-1.html</loc><lastmod>2026-03-04</lastmod></url>"))
        #expect(sitemap.contains("<loc>https://intranet.example/plans/index.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        let notFound = try #require(site["404.html"])
        #expect(notFound.contains(#"href="https://intranet.example/plans/assets/style.css""#))
        #expect(site["index.html"]?.contains(#"<link rel="alternate" type="application/atom+xml""#) == true)
    }

    @Test func listRowsCarryStatusForFilters() throws {
        let document = Document(id: "RP-1", kind: .plan, title: "T", source: "plans/RP-1.md", displayPath: "p", body: .init(.document))
        var status = PortfolioStatus(today: today)
        status.plans["RP-1"] = PlanStatus(lifecycle: .inProgress, approval: ApprovalStatus(state: .partial, signed: 1, required: 4, stale: true, roles: []),
                                          phases: [], open: true, supersededBy: nil)
        let context = ListPage(kind: .plan, portfolio: Portfolio(documents: [document]), root: "", status: status)
        let (theme, _) = CompiledTheme.compile(.builtIn, themePath: "t")
        let html = try #require(theme).render("list", context)
        #expect(html.contains(#"<tr data-lifecycle="in-progress" data-approval="partial" data-stale="stale" data-open="open">"#))
        #expect(html.contains("1 of 4 signed"))
        #expect(html.contains(#"<table class="doc-list" id="doc-list" data-sortable="true""#))
        let plain = try #require(theme).render("list", ListPage(kind: .plan, portfolio: Portfolio(documents: [document]), root: ""))
        #expect(!plain.contains("data-lifecycle"))
    }

    @Test func missingLinkedFileStopsTheBuild() {
        let loaded = LoadedInput(files: [SourceFile(path: "plans/RP-1.md", displayPath: "Plans/plans/RP-1.md", text: "---\nid: RP-1\n---\n![x](gone.png)\n")])
        let (report, files) = Build.site(from: loaded, theme: .builtIn, themePath: ThemeFiles.builtInPath, options: BuildOptions(today: today))
        #expect(report.hasErrors)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.description)
            == ["Plans/plans/RP-1.md:4: error: link to 'gone.png' names 'plans/gone.png', which is not a file in the input folder"])
        #expect(files.isEmpty)
    }
}
