import Testing
@testable import PlanfolioKit

@Suite struct ApprovalComputerTests {
    typealias F = ComputeFixtures

    @Test func allFourSignedIsApproved() {
        let approval = F.compute([F.plan()]).0.plans["RP-1"]!.approval
        #expect(approval.state == .approved)
        #expect(approval.signed == 4 && approval.required == 4)
        #expect(!approval.stale)
    }

    @Test func someSignedIsPartialKOfN() {
        var rows = F.signedRows()
        rows[1].signature = ""
        rows[2].date = nil
        rows[2].dateText = "soon"
        let approval = F.compute([F.plan(approvals: rows)]).0.plans["RP-1"]!.approval
        #expect(approval.state == .partial)
        #expect(approval.signed == 2 && approval.required == 4)
        #expect(approval.roles.filter(\.required).map(\.signed) == [true, false, false, true])
    }

    @Test func noneSignedIsAwaiting() {
        let rows = SiteConfig.templateRoles.map { F.row($0) }
        let approval = F.compute([F.plan(approvals: rows)]).0.plans["RP-1"]!.approval
        #expect(approval.state == .awaiting)
        #expect(approval.signed == 0)
    }

    @Test func placeholderNameIsNotASignature() {
        var rows = F.signedRows()
        rows[0].name = "[Name]"
        let approval = F.compute([F.plan(approvals: rows)]).0.plans["RP-1"]!.approval
        #expect(approval.signed == 3)
    }

    @Test func complianceOfficerRequiredOnlyWhenFilledIn() {
        let empty = F.signedRows() + [F.row("Compliance Officer (if applicable)")]
        let filled = F.signedRows() + [F.row("Compliance Officer (if applicable)", "Hal", "", "")]
        let status = F.compute([F.plan("RP-1", approvals: empty), F.plan("RP-2", approvals: filled)]).0
        #expect(status.plans["RP-1"]!.approval.required == 4)
        #expect(status.plans["RP-1"]!.approval.state == .approved)
        #expect(status.plans["RP-2"]!.approval.required == 5)
        #expect(status.plans["RP-2"]!.approval.state == .partial)
        #expect(status.plans["RP-2"]!.approval.roles.last?.role == "Compliance Officer")
    }

    @Test func rolesMatchIgnoringCaseSpacesAndTrailingParenthesis() {
        let rows = [
            F.row("plan   OWNER", "A", "/s/ A", "2026-07-01"),
            F.row("Technical Lead (interim)", "B", "/s/ B", "2026-07-01"),
            F.row("fairness assessment lead", "C", "/s/ C", "2026-07-01"),
            F.row("System Owner / Product Manager", "D", "/s/ D", "2026-07-01"),
        ]
        let (status, diagnostics) = F.compute([F.plan(approvals: rows)])
        #expect(status.plans["RP-1"]!.approval.state == .approved)
        #expect(diagnostics.isEmpty)
    }

    @Test func configuredRolesOverrideTheTemplate() {
        var config = SiteConfig()
        config.requiredRoles = ["Plan owner", "Compliance Officer", "Data Protection Officer (DPO)"]
        config.requiredRolesConfigured = true
        let rows = F.signedRows() + [F.row("compliance officer", "Hal", "/s/ Hal", "2026-07-02")]
        let (status, diagnostics) = F.compute([F.plan(approvals: rows)], config: config)
        let approval = status.plans["RP-1"]!.approval
        #expect(approval.required == 3)
        #expect(approval.signed == 2)
        #expect(approval.state == .partial)
        #expect(approval.roles.filter(\.required).map(\.role) == ["Plan owner", "Compliance Officer", "Data Protection Officer (DPO)"])
        #expect(approval.roles.filter { !$0.required }.count == 3)
        #expect(diagnostics.map(\.code) == [.missingApprovalRow])
        #expect(diagnostics.first?.message.contains("Data Protection Officer (DPO)") == true)
    }

    @Test func missingRequiredRowIsUnsignedAndNamedInAWarning() {
        let rows = Array(F.signedRows().prefix(3))
        let (status, diagnostics) = F.compute([F.plan(approvals: rows)])
        #expect(status.plans["RP-1"]!.approval.state == .partial)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .missingApprovalRow)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("System Owner/Product Manager") == true)
        #expect(diagnostics.first?.file == "Plans/plans/RP-1.md")
    }

    @Test func noApprovalTableAtAllIsAwaitingWithoutRowWarnings() {
        var plan = F.plan()
        plan.plan = nil
        let (status, diagnostics) = F.compute([plan])
        #expect(status.plans["RP-1"]!.approval.state == .awaiting)
        #expect(status.plans["RP-1"]!.approval.required == 4)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("2026-09-30", true),   // before updated: stale
        ("2026-10-01", false),  // the same day as updated: not stale
        ("2026-10-02", false),
    ])
    func staleWhenSignedBeforeUpdated(signed: String, stale: Bool) {
        var rows = F.signedRows("2026-10-05")
        rows[0].date = F.day(signed)
        let approval = F.compute([F.plan(updated: "2026-10-01", approvals: rows)]).0.plans["RP-1"]!.approval
        #expect(approval.roles[0].stale == stale)
        #expect(approval.stale == stale)
        #expect(approval.state == .approved) // a stale signature still counts as signed
    }

    @Test func signatureAfterTodayIsAnError() {
        var rows = F.signedRows()
        rows[2].date = F.day("2026-11-26")
        rows[2].line = 123
        let (_, diagnostics) = F.compute([F.plan(approvals: rows)], today: "2026-11-25")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .signatureInFuture)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line == 123)
    }

    @Test func signatureDatedTodayIsFine() {
        let (_, diagnostics) = F.compute([F.plan(approvals: F.signedRows("2026-11-25"))], today: "2026-11-25")
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("Compliance Officer (if applicable)", "compliance officer"),
        ("  System Owner /  Product Manager ", "system owner/product manager"),
        ("Plan\tOwner", "plan owner"),
        ("(Lead)", "(lead)"),
    ])
    func roleKeys(role: String, key: String) {
        #expect(RoleName.key(role) == key)
    }
}
