import Testing
@testable import PlanfolioKit

@Suite("System page chains")
struct SystemPageTests {
    typealias F = LinkFixture

    static func ids(_ nodes: Any?) -> [String] {
        (nodes as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static func children(_ nodes: Any?, of id: String) -> [[String: Any]] {
        ((nodes as? [[String: Any]] ?? []).first { $0["id"] as? String == id }?["children"]) as? [[String: Any]] ?? []
    }

    @Test func chainsRunAssessmentInvestigationPlanWithSupersededLast() throws {
        let (portfolio, diagnostics) = Linker.link([
            F.document("FAF-2026-01-001", .assessment),
            F.document("DIR-1", .investigation, assessment: "FAF-2026-01-001"),
            F.document("RP-1", .plan, assessment: "FAF-2026-01-001", investigation: "DIR-1"),
            F.document("RP-2", .plan, assessment: "FAF-2026-01-001", investigation: "DIR-1", supersedes: "RP-1"),
            F.document("RP-3", .plan, assessment: "FAF-2026-01-001"),
            F.document("DIR-2", .investigation),
            F.document("RP-4", .plan, investigation: "DIR-2"),
            F.document("RP-5", .plan),
        ])
        #expect(diagnostics.isEmpty)
        let system = try #require(portfolio.systems.first)
        let context = SystemPage.context(system: system, portfolio: portfolio, root: "../")
        #expect(Self.ids(context["chains"]) == ["FAF-2026-01-001"])
        let underAssessment = Self.children(context["chains"], of: "FAF-2026-01-001")
        #expect(underAssessment.compactMap { $0["id"] as? String } == ["DIR-1", "RP-3"])
        let underInvestigation = Self.children(underAssessment, of: "DIR-1")
        #expect(underInvestigation.compactMap { $0["id"] as? String } == ["RP-2", "RP-1"])
        #expect(underInvestigation.last?["isSuperseded"] as? Bool == true)
        #expect(underInvestigation.last?["supersededByHref"] as? String == "../plans/RP-2.html")
        #expect(Self.ids(context["others"]) == ["DIR-2", "RP-5"])
        #expect(Self.children(context["others"], of: "DIR-2").compactMap { $0["id"] as? String } == ["RP-4"])
    }

    @Test func systemsPageCountsByKind() {
        let (portfolio, _) = Linker.link([
            F.document("FAF-2026-01-001", .assessment),
            F.document("RP-1", .plan),
            F.document("RP-2", .plan),
            F.document("RP-3", .plan, system: nil),
        ])
        let context = SystemsPage.context(portfolio: portfolio, root: "")
        let row = (context["rows"] as? [[String: Any]])?.first
        #expect(row?["assessments"] as? Int == 1)
        #expect(row?["investigations"] as? Int == 0)
        #expect(row?["plans"] as? Int == 2)
        #expect(row?["href"] as? String == "systems/scoring.html")
        #expect(row?["worstState"] as? String == "")
        #expect(context["unassigned"] as? Int == 1)
    }
}

@Suite("System pages with Compute's status")
struct SystemPageStatusTests {
    typealias F = LinkFixture

    static func plan(_ lifecycle: Lifecycle, open: Bool) -> PlanStatus {
        PlanStatus(lifecycle: lifecycle, approval: ApprovalStatus(state: .awaiting, signed: 0, required: 4, stale: false, roles: []),
                   phases: [], open: open, supersededBy: nil)
    }

    @Test func openItemsFirstWithTheirStateAndTheWorstOpenState() throws {
        let (portfolio, _) = Linker.link([
            F.document("FAF-2026-01-001", .assessment),
            F.document("DIR-1", .investigation, assessment: "FAF-2026-01-001"),
            F.document("RP-1", .plan, investigation: "DIR-1"),
            F.document("RP-2", .plan, investigation: "DIR-1"),
            F.document("RP-3", .plan, investigation: "DIR-1"),
        ])
        let status = PortfolioStatus(today: try #require(Day("2026-11-25")),
            plans: ["RP-1": Self.plan(.completed, open: false), "RP-2": Self.plan(.draft, open: true), "RP-3": Self.plan(.overdue, open: true)],
            reviews: ["FAF-2026-01-001": ReviewStatus(open: true, breaches: [], supersededBy: nil),
                      "DIR-1": ReviewStatus(open: true, breaches: [], supersededBy: nil)])
        let system = try #require(portfolio.systems.first)
        let page = SystemPage.context(system: system, portfolio: portfolio, root: "../", status: status)
        let investigation = SystemPageTests.children(page["chains"], of: "FAF-2026-01-001")
        let plans = SystemPageTests.children(investigation, of: "DIR-1")
        #expect(plans.compactMap { $0["id"] as? String } == ["RP-2", "RP-3", "RP-1"])
        #expect(plans.compactMap { $0["state"] as? String } == ["Draft", "Overdue", "Completed"])
        #expect(plans.compactMap { $0["isOpen"] as? Bool } == [true, true, false])

        let row = (SystemsPage.context(portfolio: portfolio, root: "", status: status)["rows"] as? [[String: Any]])?.first
        #expect(row?["worstState"] as? String == "Overdue")
        #expect(row?["worstStateTone"] as? String == "red")
    }

    @Test func worstStateWithoutOpenPlans() throws {
        let documents = [F.document("FAF-2026-01-001", .assessment), F.document("RP-1", .plan)]
        let closed = PortfolioStatus(today: try #require(Day("2026-11-25")), plans: ["RP-1": Self.plan(.completed, open: false)],
                                     reviews: ["FAF-2026-01-001": ReviewStatus(open: false, breaches: [], supersededBy: nil)])
        #expect(SystemStates.worst(documents, status: closed)?["label"] as? String == "Closed")
        var open = closed
        open.reviews["FAF-2026-01-001"]?.open = true
        #expect(SystemStates.worst(documents, status: open)?["label"] as? String == "Open")
        #expect(SystemStates.worst(documents, status: nil) == nil)
    }
}
