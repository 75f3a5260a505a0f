import Foundation
import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// Renders a small portfolio with the repository's theme and checks what the
/// status pages show.
@Suite struct StatusPagesTests {
    typealias F = ComputeFixtures
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func site(config: SiteConfig = SiteConfig()) throws -> [String: String] {
        let body = MarkdownParser.parse("# Plan\n\n## Implementation Plan\n\nPhases below.\n\n## Approval\n\nSigned table.\n")
        var late = F.plan("RP-1", updated: "2026-07-10", phases: [
            F.phase("<script>alert(1)</script>", start: "2026-10-01", deadline: "2026-11-01", status: .inProgress),
            F.phase("Ship", deadline: "2026-12-09"),
        ], assessment: "FAF-2026-01-001")
        late.body = body
        late.system = "Scoring"
        late.plan?.approvals[1].signature = ""
        late.plan?.approvals[2].signature = ""
        var fine = F.plan("RP-2", phases: [F.phase("Later", deadline: "2027-03-01")])
        fine.body = body
        var assessment = F.review("FAF-2026-01-001", kind: .assessment)
        assessment.metrics = [Metric(name: "Disparate impact ratio", group: "Women", value: 0.7, threshold: 0.8, baseline: 0.9, limit: .min, line: 3)]
        let (portfolio, _) = Linker.link([assessment, late, fine])
        let today = F.day("2026-11-25")
        let (status, _) = StatusComputer.compute(portfolio: portfolio, config: config, today: today)
        let files = try ThemeFiles.load(from: packageRoot.appendingPathComponent("Theme").path)
        let (theme, diagnostics) = CompiledTheme.compile(files, themePath: "Theme")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let compiled = try #require(theme)
        let output = SiteRenderer.render(portfolio: portfolio, config: config, today: today, theme: compiled, status: status)
        return Dictionary(uniqueKeysWithValues: output.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test func noPageHasAStyleAttributeOrInjectedScript() throws {
        let site = try Self.site()
        #expect(site.keys.contains("timeline.html") && site.keys.contains("approvals.html"))
        for (path, html) in site {
            #expect(!html.contains("style="), "\(path)")
            #expect(!html.contains("<script>alert"), "\(path)")
        }
        #expect(site["plans/RP-1.html"]?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
    }

    @Test func planPageHasBadgesTimelineUnderImplementationPlanAndApprovalPanel() throws {
        let html = try #require(try Self.site()["plans/RP-1.html"])
        #expect(html.contains(">Draft</span>"))
        #expect(html.contains(">2 of 4 signed</span>"))
        #expect(html.contains(">Stale: re-approval needed</span>")) // signatures of 2026-07-01, plan updated 2026-07-10
        let heading = try #require(html.range(of: "<h2 id=\"implementation-plan\">"))
        let chart = try #require(html.range(of: "<svg "))
        let approval = try #require(html.range(of: "<h2 id=\"approval\">"))
        let panel = try #require(html.range(of: "id=\"pf-approval-status\""))
        #expect(heading.upperBound < chart.lowerBound)
        #expect(chart.lowerBound < approval.lowerBound)
        #expect(approval.upperBound < panel.lowerBound)
        #expect(html.contains("<span class=\"badge tone-red\">Missing</span>"))
        #expect(html.contains("<span class=\"badge tone-red\">Stale: signed before the update of 2026-07-10</span>"))
        #expect(html.contains("Overdue by 24 days"))
    }

    @Test func assessmentPageHasOpenBadgeAndMetricRowAnchor() throws {
        let html = try #require(try Self.site()["assessments/FAF-2026-01-001.html"])
        #expect(html.contains(">Open</span>"))
        #expect(html.contains(">1 breach</span>"))
        #expect(html.contains("<tr id=\"pf-metric-1\" class=\"row-breach\">"))
        #expect(html.contains("class=\"chart chart-metrics\""))
    }

    @Test func dashboardCountsLinkToFilteredListsAndListsDeadlines() throws {
        let html = try #require(try Self.site()["index.html"])
        #expect(html.contains("href=\"plans.html#lifecycle=draft\"><span class=\"stat-number\">1</span>"))
        #expect(html.contains("href=\"plans.html#approval=partial\"><span class=\"stat-number\">1</span>"))
        #expect(html.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th><td><a href=\"plans/RP-1.html#pf-timeline\">RP-1</a>"))
        #expect(html.contains("24 late"))
        #expect(html.contains("Due in the next 14 days"))
        #expect(html.contains("14 left")) // "Ship" is due 2026-12-09, exactly 14 days ahead
        #expect(html.contains("href=\"assessments/FAF-2026-01-001.html#pf-metric-1\""))
    }

    @Test func planListCarriesStatusColumnsAndDataAttributes() throws {
        let html = try #require(try Self.site()["plans.html"])
        #expect(html.contains("<tr data-lifecycle=\"draft\" data-approval=\"partial\" data-stale=\"stale\" data-open=\"open\">"))
        #expect(html.contains("<tr data-lifecycle=\"approved\" data-approval=\"approved\" data-open=\"open\">"))
        #expect(html.contains("<th scope=\"col\">Next deadline</th>"))
        #expect(html.contains("<span class=\"nowrap\">2026-11-01</span><br><span class=\"muted\">Overdue by 24 days</span>"))
        #expect(html.contains(">2 of 4 signed</span> <span class=\"badge tone-red\">Stale</span>"))
    }

    @Test func approvalRegisterHasRowStatesAndCells() throws {
        let html = try #require(try Self.site()["approvals.html"])
        #expect(html.contains("<tr data-state=\"partial\" data-lifecycle=\"draft\" data-stale=\"stale\">"))
        #expect(html.contains("<tr data-state=\"approved\" data-lifecycle=\"approved\">"))
        #expect(html.contains("<td class=\"cell-missing\">missing</td>"))
        #expect(html.contains("stale since 2026-07-10"))
        #expect(html.contains("<th scope=\"col\">System Owner/Product Manager</th>"))
    }

    @Test func timelinePageShowsOpenPlansBySystem() throws {
        let html = try #require(try Self.site()["timeline.html"])
        #expect(html.contains("class=\"chart chart-portfolio-timeline\""))
        #expect(html.contains("<td>Scoring</td><td><a href=\"plans/RP-1.html#pf-timeline\">RP-1</a></td>"))
        #expect(html.contains("(no system)"))
        #expect(html.contains("<a href=\"timeline.html\" aria-current=\"page\">Timeline</a>"))
    }

    @Test func bodySplitterPutsMissingHeadingsPanelsAtTheEnd() {
        let rendered = HTMLRenderer().render(MarkdownParser.parse("## Implementation Plan\n\ntext\n"))
        let segments = BodySplitter.segments(html: rendered.html, headings: rendered.headings, timeline: true, approvals: true)
        #expect(segments.count == 2)
        #expect((segments[0]["html"] as? String) == "<h2 id=\"implementation-plan\">Implementation Plan</h2>\n")
        #expect(segments[0]["timelineHere"] as? Bool == true)
        #expect(segments[1]["approvalsHere"] as? Bool == true)
        #expect((segments[1]["html"] as? String)?.hasPrefix("<p>text</p>") == true)
    }
}
