@testable import PlanfolioKit

/// The history's page models for a test portfolio, over a made-up history
/// that reaches each of their members: a plan with an added, a governed
/// and an uncommitted revision and one that cannot be read; a `since`
/// point from which every kind of change happened; a stale signature with
/// its cause.
enum HistoryPageModels {
    static let texts: [String: String] = [
        "b1": "# Plan\n\n## Remediation Goals\n\nRatio above 0.8.\n\n## Problem Summary\n\nA gap.\n",
        "b2": "# Plan\n\n## Remediation Goals\n\nRatio above 0.9.\n\n## Problem Summary\n\nA gap.\n",
        "b3": "# Plan\n\n## Remediation Goals\n\nRatio above 0.9.\n\n## Problem Summary\n\nA wide gap.\n",
    ]

    static func commit(_ id: String, day: Day) -> Commit {
        Commit(id: String(repeating: id, count: 40), author: "Ana", email: "ana@example.org", date: "\(day)T10:00:00+00:00",
               day: day, subject: "Edit \(id)")
    }

    static func pages(portfolio: Portfolio, status: PortfolioStatus) -> [(String, any TemplateValue)] {
        guard let plan = portfolio.documents(of: .plan).first else { return [] }
        let today = status.today
        let first = commit("a", day: today.adding(days: -20)), second = commit("b", day: today.adding(days: -10))
        let revisions = [
            Revision(commit: nil, change: .modified, oldPath: plan.source, newPath: plan.source, oldBlob: "b2", newBlob: "b3"),
            Revision(commit: second, change: .renamed, oldPath: "old.md", newPath: plan.source, oldBlob: "b1", newBlob: "b2"),
            Revision(commit: first, change: .added, oldPath: nil, newPath: "old.md", oldBlob: nil, newBlob: "b1"),
        ]
        var history = SiteHistory(revisions: [plan.source: revisions], spans: [:], content: [:])
        for (id, text) in texts {
            history.texts[id] = Array(text.utf8)
            history.spans[id] = SectionSpans.of(text)
        }
        for document in portfolio.documents { history.content[document.source] = "now-" + document.id }

        // The portfolio at the `since` point: the first document not there yet, one since removed,
        // every other with other bytes, plans in another state with earlier deadlines, no breaches, no successors.
        let now = PortfolioSnapshot.of(portfolio, status: status) { history.content[$0.source] ?? "" }
        var then = now.entries.dropFirst().map { entry in
            var entry = entry
            entry.content = "then-" + entry.id
            entry.supersededBy = nil
            entry.breaches = []
            if entry.lifecycle != nil {
                entry.lifecycle = entry.lifecycle == .draft ? .approved : .draft
                entry.approval = entry.approval == .awaiting ? .approved : .awaiting
                entry.phases = entry.phases.map { .init(name: $0.name, deadline: $0.deadline?.adding(days: -3)) }
            }
            return entry
        }
        then.append(.init(id: "RP-1999-001", kind: .plan, title: "Gone", url: "plans/RP-1999-001.html", content: "gone"))
        history.since = SinceSnapshot(key: .none, commit: first.id, day: first.day, label: first.day.description,
                                      snapshot: PortfolioSnapshot(entries: then))

        // A signature made stale by the governed revision.
        var stale = status
        if var planStatus = stale.plans[plan.id], let index = planStatus.approval.roles.firstIndex(where: \.signed) {
            planStatus.approval.roles[index].stale = true
            planStatus.approval.roles[index].staleSince = GovernedChange(day: second.day, commit: second, sections: ["Remediation Goals"],
                                                                         pageKey: revisions[1].pageKey)
            stale.plans[plan.id] = planStatus
        }

        var pages: [(String, any TemplateValue)] = []
        pages.append(("changes", ChangesPage(portfolio: portfolio, status: status, history: history, root: "")))
        pages.append(("changes without history", ChangesPage(portfolio: portfolio, status: status, history: nil, root: "")))
        for revision in revisions {
            pages.append(("revision \(revision.pageKey)", RevisionPage(plan, revision: revision, history: history, today: today, root: "../")))
        }
        let unreadable = Revision(commit: first, change: .deleted, oldPath: plan.source, newPath: nil, oldBlob: "gone", newBlob: nil)
        pages.append(("unreadable revision", RevisionPage(plan, revision: unreadable, history: history, today: today, root: "../")))
        pages.append(("revision list", RevisionList(plan, history: history, today: today, root: "../")))
        pages.append(("approvals with a stale cause", ApprovalsPage(portfolio: portfolio, status: stale, config: SiteConfig(), root: "")))
        let blocks = BodyOutline.blocks(of: plan.body)
        let panels = PlanPanel.panels(for: plan, status: stale)
        let (segments, body) = BodySplitter.render(blocks, layout: PlanBodyLayout.place(panels, in: blocks, plan: plan.plan),
                                                   panels: panels, linker: nil)
        var page = DocumentPage(plan, body: body, segments: segments, portfolio: portfolio, status: stale, root: "../")
        page.history = RevisionList(plan, history: history, today: today, root: "../")
        pages.append(("\(plan.id) with history", page))
        return pages
    }
}
