import Testing
@testable import PlanfolioKit

@Suite struct TimelineComputerTests {
    typealias F = ComputeFixtures

    @Test func startDefaultsToPreviousDeadlineThenPlanDate() {
        let plan = F.plan(date: "2026-03-01", phases: [
            F.phase("One", deadline: "2026-04-01"),
            F.phase("Two", deadline: "2026-05-01"),
            F.phase("Three", start: "2026-05-10", deadline: "2026-06-01"),
        ])
        let phases = F.compute([plan]).0.plans["RP-1"]!.phases
        #expect(phases.map { $0.start?.description } == ["2026-03-01", "2026-04-01", "2026-05-10"])
    }

    @Test func startFallsBackToPreviousStartWhenPreviousHasNoDeadline() {
        let plan = F.plan(date: "2026-03-01", phases: [
            F.phase("One", start: "2026-03-05", deadline: nil),
            F.phase("Two", deadline: "2026-05-01"),
        ])
        let phases = F.compute([plan]).0.plans["RP-1"]!.phases
        #expect(phases[1].start == F.day("2026-03-05"))
    }

    @Test(arguments: [
        // deadline, status, overdue, dueSoon, daysLeft
        ("2026-11-24", Phase.Status.planned, true, false, -1),
        ("2026-11-25", .planned, false, true, 0),       // deadline today: not overdue, due soon
        ("2026-12-09", .inProgress, false, true, 14),   // exactly 14 days: due soon
        ("2026-12-10", .planned, false, false, 15),     // 15 days: not yet
        ("2026-11-01", .done, false, false, -24),       // done is never overdue
        ("2026-11-30", .done, false, false, 5),         // nor due soon
        ("2026-11-01", .blocked, true, false, -24),
    ])
    func overdueAndDueSoonAtTheEdges(deadline: String, status: Phase.Status, overdue: Bool, dueSoon: Bool, daysLeft: Int) {
        let plan = F.plan(phases: [F.phase("P", deadline: deadline, status: status)])
        let phase = F.compute([plan], today: "2026-11-25").0.plans["RP-1"]!.phases[0]
        #expect(phase.overdue == overdue)
        #expect(phase.dueSoon == dueSoon)
        #expect(phase.daysLeft == daysLeft)
    }

    @Test func dueSoonDaysComesFromConfig() {
        var config = SiteConfig()
        config.dueSoonDays = 3
        let plan = F.plan(phases: [F.phase("P", deadline: "2026-11-29"), F.phase("Q", deadline: "2026-11-28")])
        let phases = F.compute([plan], config: config).0.plans["RP-1"]!.phases
        #expect(phases.map(\.dueSoon) == [false, true])
    }

    @Test func supersededPlanPhasesAreNeverOverdueOrDueSoon() {
        let old = F.plan("RP-1", phases: [F.phase("Late", deadline: "2026-01-01"), F.phase("Soon", deadline: "2026-11-30")])
        let new = F.plan("RP-2", supersedes: "RP-1")
        let status = F.compute([old, new]).0
        #expect(status.plans["RP-1"]!.lifecycle == .superseded)
        #expect(status.plans["RP-1"]!.supersededBy == "RP-2")
        #expect(status.plans["RP-1"]!.phases.allSatisfy { !$0.overdue && !$0.dueSoon })
        #expect(status.plans["RP-1"]!.open == false)
    }

    @Test func explicitlyCompletedPlanHasNoOverduePhases() {
        let plan = F.plan(phases: [F.phase("Late", deadline: "2026-01-01")], status: "completed")
        let status = F.compute([plan]).0.plans["RP-1"]!
        #expect(status.lifecycle == .completed)
        #expect(status.phases[0].overdue == false)
    }

    @Test func phaseWithoutDeadlineIsNeitherOverdueNorDueSoon() {
        let plan = F.plan(phases: [F.phase("P", deadline: nil)])
        let phase = F.compute([plan]).0.plans["RP-1"]!.phases[0]
        #expect(!phase.overdue && !phase.dueSoon && phase.daysLeft == nil)
    }
}
