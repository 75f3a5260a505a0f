import Testing
@testable import PlanfolioKit

@Suite struct LifecycleComputerTests {
    typealias F = ComputeFixtures

    @Test func notApprovedIsDraftEvenWhenOverdue() {
        let plan = F.plan(phases: [F.phase("Late", deadline: "2026-01-01")], approvals: [F.row("Plan Owner")])
        #expect(F.compute([plan]).0.plans["RP-1"]!.lifecycle == .draft)
    }

    @Test func everyPhaseDoneIsCompletedAndClosed() {
        let plan = F.plan(phases: [F.phase("A", deadline: "2026-01-01", status: .done), F.phase("B", deadline: "2026-02-01", status: .done)])
        let status = F.compute([plan]).0.plans["RP-1"]!
        #expect(status.lifecycle == .completed)
        #expect(!status.open)
    }

    @Test func approvedWithAnOverduePhaseIsOverdue() {
        let plan = F.plan(phases: [F.phase("A", deadline: "2026-01-01", status: .inProgress), F.phase("B", deadline: "2027-01-01")])
        let status = F.compute([plan]).0.plans["RP-1"]!
        #expect(status.lifecycle == .overdue)
        #expect(status.open)
    }

    @Test func approvedWithAStartedPhaseIsInProgress() {
        let plan = F.plan(phases: [F.phase("A", deadline: "2026-12-31", status: .done), F.phase("B", deadline: "2027-01-01")])
        #expect(F.compute([plan]).0.plans["RP-1"]!.lifecycle == .inProgress)
    }

    @Test func approvedWithEveryPhasePlannedIsApproved() {
        let plan = F.plan(phases: [F.phase("A", deadline: "2026-12-31")])
        #expect(F.compute([plan]).0.plans["RP-1"]!.lifecycle == .approved)
    }

    @Test func approvedWithNoPhasesIsApprovedNotCompleted() {
        #expect(F.compute([F.plan()]).0.plans["RP-1"]!.lifecycle == .approved)
    }

    @Test func supersededComesFirst() {
        let old = F.plan("RP-1", approvals: [F.row("Plan Owner")])
        let status = F.compute([old, F.plan("RP-2", supersedes: "RP-1")]).0
        #expect(status.plans["RP-1"]!.lifecycle == .superseded)
        #expect(status.plans["RP-2"]!.lifecycle == .approved)
    }

    @Test(arguments: [
        ("completed", Lifecycle.completed), ("In Progress", .inProgress), ("in-progress", .inProgress),
        ("DRAFT", .draft), ("superseded", .superseded), ("overdue", .overdue), ("approved", .approved),
    ])
    func explicitStatusOverrides(text: String, lifecycle: Lifecycle) {
        let plan = F.plan(phases: [F.phase("A", deadline: "2027-01-01", status: .inProgress)], approvals: [F.row("Plan Owner")], status: text)
        let (status, diagnostics) = F.compute([plan])
        #expect(status.plans["RP-1"]!.lifecycle == lifecycle)
        #expect(diagnostics.allSatisfy { $0.code != .unknownStatus })
    }

    @Test func unknownExplicitStatusIsAnErrorAndTheDerivedStateIsUsed() {
        let plan = F.plan(approvals: [F.row("Plan Owner")], status: "finished")
        let (status, diagnostics) = F.compute([plan])
        #expect(status.plans["RP-1"]!.lifecycle == .draft)
        let error = diagnostics.first { $0.code == .unknownStatus }
        #expect(error?.severity == .error)
        #expect(error?.line == 7)
        #expect(error?.message.contains("finished") == true)
    }
}
