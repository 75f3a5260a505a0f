import Testing
@testable import PlanfolioKit

/// What `changes.html` lists, from two snapshots of the portfolio.
@Suite struct PortfolioChangesTests {
    typealias Entry = PortfolioSnapshot.Entry

    static func plan(_ id: String, content: String = "c", lifecycle: Lifecycle = .draft, approval: ApprovalState = .awaiting,
                     deadline: String? = "2026-05-01", supersededBy: String? = nil) -> Entry {
        var entry = Entry(id: id, kind: .plan, title: "Plan \(id)", url: "plans/\(id).html", content: content)
        entry.lifecycle = lifecycle
        entry.approval = approval
        entry.required = 4
        entry.phases = [PortfolioSnapshot.Phase(name: "Build", deadline: deadline.flatMap { Day($0) })]
        entry.supersededBy = supersededBy
        return entry
    }

    static func assessment(_ id: String, breaches: [String]) -> Entry {
        var entry = Entry(id: id, kind: .assessment, title: "A", url: "assessments/\(id).html", content: breaches.joined())
        entry.breaches = breaches.map { PortfolioSnapshot.Breach(metric: $0, group: "g", value: 0.5, threshold: 0.8, limit: .min) }
        return entry
    }

    @Test func everyKindOfChangeIsFound() {
        let old = PortfolioSnapshot(entries: [Self.plan("RP-1"), Self.plan("RP-2"), Self.plan("RP-3"), Self.assessment("FAF-1", breaches: ["ratio"])])
        var approved = Self.plan("RP-1", content: "d", lifecycle: .approved, approval: .approved, deadline: "2026-05-15")
        approved.signed = 4
        let new = PortfolioSnapshot(entries: [approved, Self.plan("RP-2", supersededBy: "RP-4"), Self.plan("RP-4"),
                                              Self.assessment("FAF-1", breaches: ["ratio", "gap"])])
        let changes = PortfolioChanges.compare(old, new)
        #expect(changes.added.map(\.id) == ["RP-4"])
        #expect(changes.removed.map(\.id) == ["RP-3"])
        #expect(changes.changed.map(\.id) == ["RP-1", "FAF-1"])
        #expect(changes.superseded.map(\.id) == ["RP-2"])
        #expect(changes.lifecycles.map { "\($0.entry.id) \($0.from)>\($0.to)" } == ["RP-1 draft>approved"])
        #expect(changes.approvals.map { "\($0.from)>\($0.to)" } == ["awaiting approval>approved"])
        #expect(changes.deadlines.map(\.days) == [14])
        #expect(changes.breaches.map(\.breach.metric) == ["gap"])
        #expect(ChangesPage.movedText(14) == "14 days later" && ChangesPage.movedText(-1) == "1 day earlier")
        #expect(PortfolioChanges.compare(new, new).isEmpty)
    }

    @Test func beforeTheFirstCommitEverythingIsNew() {
        let new = PortfolioSnapshot(entries: [Self.plan("RP-1")])
        let changes = PortfolioChanges.compare(PortfolioSnapshot(entries: []), new)
        #expect(changes.added.map(\.id) == ["RP-1"])
        #expect(changes.documentIDs == ["RP-1"])
    }

    @Test func changedContentListsEveryIDThatDiffers() {
        #expect(PortfolioChanges.changedContent(["a": "1", "b": "2", "c": "3"], ["a": "1", "b": "9", "d": "4"]) == ["b", "c", "d"])
    }
}
