import Testing
@testable import PlanfolioKit

@Suite struct OpennessComputerTests {
    typealias F = ComputeFixtures

    @Test(arguments: [
        // name, value, threshold, explicit limit, breach
        ("Equal opportunity difference", 0.06, 0.05, nil as Metric.Limit?, true),  // max by default
        ("Equal opportunity difference", 0.05, 0.05, nil, false),                 // at the threshold is fine
        ("Disparate impact ratio", 0.79, 0.80, nil, true),                         // "ratio": min by default
        ("Disparate impact ratio", 0.80, 0.80, nil, false),
        ("Calibration gap", 0.79, 0.80, nil, false),                               // not a ratio
        ("Selection rate", 0.70, 0.75, .min, true),                                // explicit min
        ("Ratio of approvals", 0.9, 0.8, .max, true),                              // explicit max wins
        ("Ratios", 0.5, 0.8, nil, false),                                          // not the whole word
    ])
    func breachPerLimit(name: String, value: Double, threshold: Double, limit: Metric.Limit?, breach: Bool) {
        let assessment = F.review("FAF-2026-01-001", kind: .assessment, metrics: [F.metric(name, value: value, threshold: threshold, limit: limit)])
        let review = F.compute([assessment]).0.reviews["FAF-2026-01-001"]!
        #expect(review.breaches == (breach ? [0] : []))
        #expect(review.open == breach) // no plan: open while it has a breach
    }

    @Test func openUntilEveryReferringPlanIsCompleted() {
        let assessment = F.review("A", kind: .assessment)
        let investigation = F.review("I", kind: .investigation, assessment: "A")
        let done = F.plan("P1", phases: [F.phase("x", deadline: "2026-01-01", status: .done)], investigation: "I")
        let running = F.plan("P2", phases: [F.phase("x", deadline: "2027-01-01", status: .inProgress)], assessment: "A")
        let status = F.compute([assessment, investigation, done, running]).0
        #expect(status.reviews["A"]!.open)           // P2 (direct) still running
        #expect(!status.reviews["I"]!.open)          // its only plan P1 is completed
    }

    @Test func assessmentClosesThroughItsInvestigationsPlans() {
        let assessment = F.review("A", kind: .assessment, metrics: [F.metric("Gap", value: 0.2, threshold: 0.1)])
        let investigation = F.review("I", kind: .investigation, assessment: "A")
        let done = F.plan("P1", phases: [F.phase("x", deadline: "2026-01-01", status: .done)], investigation: "I")
        #expect(!F.compute([assessment, investigation, done]).0.reviews["A"]!.open) // despite the breach
    }

    @Test func supersededPlansDoNotKeepItOpen() {
        let assessment = F.review("A", kind: .assessment)
        let old = F.plan("P1", phases: [F.phase("x", deadline: "2026-01-01")], assessment: "A")
        let new = F.plan("P2", phases: [F.phase("x", deadline: "2026-02-01", status: .done)], assessment: "A", supersedes: "P1")
        #expect(!F.compute([assessment, old, new]).0.reviews["A"]!.open)
    }

    @Test func onlySupersededPlansFallBackToBreaches() {
        let assessment = F.review("A", kind: .assessment, metrics: [F.metric("Gap", value: 0.2, threshold: 0.1)])
        let old = F.plan("P1", assessment: "A", supersedes: nil)
        let newer = F.plan("P2", supersedes: "P1")
        #expect(F.compute([assessment, old, newer]).0.reviews["A"]!.open)
    }

    @Test(arguments: [("closed", false), ("Open", true), ("CLOSED", false)])
    func explicitOpenOrClosed(text: String, open: Bool) {
        let assessment = F.review("A", kind: .assessment, metrics: [F.metric("Gap", value: 0.2, threshold: 0.1)], status: text)
        let (status, diagnostics) = F.compute([assessment])
        #expect(status.reviews["A"]!.open == open)
        #expect(diagnostics.isEmpty)
    }

    @Test func unknownReviewStatusIsAnError() {
        let investigation = F.review("I", kind: .investigation, status: "completed")
        let (_, diagnostics) = F.compute([investigation])
        #expect(diagnostics.map(\.code) == [.unknownStatus])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line == 6)
    }
}
