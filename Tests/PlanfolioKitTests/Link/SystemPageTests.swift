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
