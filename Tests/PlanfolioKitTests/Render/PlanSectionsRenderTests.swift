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
        let context = PlanSectionsContext(sections)
        #expect(context.phases.map(\.statusLabel) == ["Done", "Blocked"])
        #expect(context.phases.map(\.statusTone) == ["green", "red"])
        #expect(context.phases.map(\.hasDeadline) == [true, false])
        #expect(context.hasPhases)
        #expect(!context.hasInterventions)
    }

    @Test(arguments: Phase.Status.allCases)
    func everyStatusHasAWordAndATone(status: Phase.Status) {
        let badge = PlanSectionsContext.badge(status)
        #expect(badge.label.lowercased() == status.rawValue)
        #expect(["green", "blue", "grey", "red"].contains(badge.tone))
    }

    @Test func planPageShowsStructuredTablesOnceInPlaceOfTheRawOnes() throws {
        let html = try renderedPage(Self.plan, path: "plans/RP-7.md")
        #expect(html.contains(#"<span class="badge tone-blue">In progress</span>"#))
        #expect(html.contains(#"<span class="badge tone-red">Blocked</span>"#))
        #expect(html.components(separatedBy: "<table class=\"status-table plan-table plan-phases\">").count == 2)
        #expect(html.contains("<td>Dana &amp; Co</td>"))
        #expect(html.contains(#"<td class="num">1</td><th scope="row">Retrain now</th><td class="num nowrap">2026-05-15</td><td>3 weeks</td>"#))
        #expect(html.contains(#"<th scope="row">Developer</th><td>Tomasz</td><td>Code</td>"#))
        // The raw Markdown tables are gone; the rest of the body stays.
        #expect(!html.contains("<td>in progress</td>"))
        #expect(!html.contains("<table>"))
        #expect(html.contains("<strong>Validation Period</strong>: 8 weeks"))
        // Each table sits under its own heading.
        let phasesHeading = try #require(html.range(of: "id=\"phases-and-milestones\""))
        let phases = try #require(html.range(of: "plan-phases"))
        let responsibilitiesHeading = try #require(html.range(of: "id=\"responsibilities\""))
        let responsibilities = try #require(html.range(of: "plan-responsibilities"))
        #expect(phasesHeading.upperBound < phases.lowerBound)
        #expect(phases.upperBound < responsibilitiesHeading.lowerBound)
        #expect(responsibilitiesHeading.upperBound < responsibilities.lowerBound)
        #expect(!html.contains("\u{E000}"))
    }

    @Test func nonPlanPagesHaveNoPlanSections() throws {
        let html = try renderedPage("---\nid: DIR-1\n---\n# Report\n", path: "investigations/DIR-1.md")
        #expect(!html.contains("plan-table"))
        #expect(!html.contains("chain-card"))
    }
}
