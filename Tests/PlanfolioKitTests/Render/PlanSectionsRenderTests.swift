import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct PlanSectionsRenderTests {
    static let plan = """
    ---
    id: RP-7
    ---
    # Plan

    ## Proposed Intervention(s)

    ### Intervention 1: Retrain <b>now</b>

    - **Estimated Duration**: 3 weeks
    - **Target Completion Date**: 2026-05-15

    ### Phases and Milestones

    | Phase | Key Activities | Deliverable | Deadline | Owner | Status |
    |---|---|---|---|---|---|
    | Design | Spec | Note | 2026-05-01 | Dana & Co | in progress |
    | Build | Code | Model | 2026-06-01 | Ravi | blocked |

    ### Responsibilities

    | Role | Name/Team | Responsibility |
    |---|---|---|
    | Developer | Tomasz | Code |

    ## Validation Strategy

    - **Validation Period**: 8 weeks
    """

    func renderedPage(_ text: String, path: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let theme = try ThemeFiles.load(from: root.appendingPathComponent("Theme").path)
        var options = BuildOptions(today: Day(year: 2026, month: 5, day: 10)!)
        options.write = false
        let (report, files) = Build.site(from: LoadedInput(files: [SourceFile(path: path, text: text)]), theme: theme, options: options)
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(files.first { $0.path.hasSuffix(".html") && $0.path.contains("/") })
        return String(decoding: page.contents, as: UTF8.self)
    }

    @Test func contextCarriesPhaseBadgesInWords() {
        var sections = PlanSections()
        sections.phases = [Phase(name: "A", deadline: Day("2026-05-01"), status: .done, line: 1),
                           Phase(name: "B", deadline: nil, status: .blocked, line: 2)]
        let context = PlanSectionsContext.context(sections)
        let phases = context["phases"] as? [[String: Any]] ?? []
        #expect(phases.map { $0["statusLabel"] as? String } == ["Done", "Blocked"])
        #expect(phases.map { $0["statusTone"] as? String } == ["green", "red"])
        #expect(phases.map { $0["hasDeadline"] as? Bool } == [true, false])
        #expect(context["hasPhases"] as? Bool == true)
        #expect(context["hasInterventions"] as? Bool == false)
    }

    @Test(arguments: Phase.Status.allCases)
    func everyStatusHasAWordAndATone(status: Phase.Status) {
        let badge = PlanSectionsContext.badge(status)
        #expect(badge.label.lowercased() == status.rawValue)
        #expect(["green", "blue", "grey", "red"].contains(badge.tone))
    }

    @Test func planPageShowsStructuredTablesAndKeepsTheBody() throws {
        let html = try renderedPage(Self.plan, path: "plans/RP-7.md")
        #expect(html.contains(#"<span class="badge tone-blue">In progress</span>"#))
        #expect(html.contains(#"<span class="badge tone-red">Blocked</span>"#))
        #expect(html.contains(#"<table class="plan-table plan-phases">"#))
        #expect(html.contains("<td>Dana &amp; Co</td>"))
        #expect(html.contains(#"<td class="num">1</td><td>Retrain now</td><td class="num nowrap">2026-05-15</td><td>3 weeks</td>"#))
        #expect(html.contains("<td>Developer</td><td>Tomasz</td><td>Code</td>"))
        #expect(html.contains("<strong>Validation period:</strong> 8 weeks"))
        // The Markdown body is still rendered below.
        #expect(html.contains(#"<div class="doc-body">"#))
        #expect(html.contains("<td>in progress</td>"))
    }

    @Test func nonPlanPagesHaveNoPlanSections() throws {
        let html = try renderedPage("---\nid: DIR-1\n---\n# Report\n", path: "investigations/DIR-1.md")
        #expect(!html.contains("plan-sections"))
    }
}
