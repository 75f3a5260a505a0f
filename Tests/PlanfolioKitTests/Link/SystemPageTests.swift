import Testing
@testable import PlanfolioKit

@Suite("System page chains")
struct SystemPageTests {
    typealias F = LinkFixture

    static func ids(_ nodes: [SystemPage.Node]) -> [String] {
        nodes.map(\.item.id)
    }

    static func children(_ nodes: [SystemPage.Node], of id: String) -> [SystemPage.Node] {
        nodes.first { $0.item.id == id }?.children ?? []
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
        let page = SystemPage(system: system, portfolio: portfolio, root: "../")
        #expect(Self.ids(page.chains) == ["FAF-2026-01-001"])
        let underAssessment = Self.children(page.chains, of: "FAF-2026-01-001")
        #expect(Self.ids(underAssessment) == ["DIR-1", "RP-3"])
        let underInvestigation = Self.children(underAssessment, of: "DIR-1")
        #expect(Self.ids(underInvestigation) == ["RP-2", "RP-1"])
        #expect(underInvestigation.last?.isSuperseded == true)
        #expect(underInvestigation.last?.supersededByHref == "../plans/RP-2.html")
        #expect(Self.ids(page.others) == ["DIR-2", "RP-5"])
        #expect(Self.ids(Self.children(page.others, of: "DIR-2")) == ["RP-4"])
    }

    @Test func systemsPageCountsByKind() {
        let (portfolio, _) = Linker.link([
            F.document("FAF-2026-01-001", .assessment),
            F.document("RP-1", .plan),
            F.document("RP-2", .plan),
            F.document("RP-3", .plan, system: nil),
        ])
        let page = SystemsPage(portfolio: portfolio, root: "")
        let row = page.rows.first
        #expect(row?.assessments == 1)
        #expect(row?.investigations == 0)
        #expect(row?.plans == 2)
        #expect(row?.href == "systems/scoring.html")
        #expect(row?.worstState == "")
        #expect(page.unassigned == 1)
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
        let page = SystemPage(system: system, portfolio: portfolio, root: "../", status: status)
        let investigation = SystemPageTests.children(page.chains, of: "FAF-2026-01-001")
        let plans = SystemPageTests.children(investigation, of: "DIR-1")
        #expect(SystemPageTests.ids(plans) == ["RP-2", "RP-3", "RP-1"])
        #expect(plans.map(\.state) == ["Draft", "Overdue", "Completed"])
        #expect(plans.map(\.isOpen) == [true, true, false])

        let row = SystemsPage(portfolio: portfolio, root: "", status: status).rows.first
        #expect(row?.worstState == "Overdue")
        #expect(row?.worstStateTone == "red")
    }

    @Test func worstStateWithoutOpenPlans() throws {
        let documents = [F.document("FAF-2026-01-001", .assessment), F.document("RP-1", .plan)]
        let closed = PortfolioStatus(today: try #require(Day("2026-11-25")), plans: ["RP-1": Self.plan(.completed, open: false)],
                                     reviews: ["FAF-2026-01-001": ReviewStatus(open: false, breaches: [], supersededBy: nil)])
        #expect(SystemStates.worst(documents, status: closed)?.label == "Closed")
        var open = closed
        open.reviews["FAF-2026-01-001"]?.open = true
        #expect(SystemStates.worst(documents, status: open)?.label == "Open")
        #expect(SystemStates.worst(documents, status: nil) == nil)
    }
}
