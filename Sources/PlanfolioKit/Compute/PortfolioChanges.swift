/// What `changes.html` compares of the portfolio at one point: each
/// document's id, title, content, state, phase deadlines and breaches.
///
/// The portfolio at the `since` point is built from git's objects through
/// the same parse, link and compute stages as the current one, and both
/// are reduced to this; `PortfolioChanges` compares the two. Pure.
struct PortfolioSnapshot: Sendable, Equatable {
    struct Phase: Sendable, Equatable {
        var name: String
        var deadline: Day?
    }

    struct Breach: Sendable, Equatable {
        var metric: String
        var group: String
        var value: Double
        var threshold: Double
        var limit: Metric.Limit
    }

    struct Entry: Sendable, Equatable {
        var id: String
        var kind: DocumentKind
        var title: String
        var url: String
        /// The git id of its file's bytes: equal ids, no change.
        var content: String
        var lifecycle: Lifecycle?
        var approval: ApprovalState?
        var signed = 0
        var required = 0
        var stale = false
        var phases: [Phase] = []
        var breaches: [Breach] = []
        var supersededBy: String?
    }

    /// Sorted by kind (plans first), then id.
    var entries: [Entry]

    /// `portfolio` with `status`; `content` gives each document's git id.
    static func of(_ portfolio: Portfolio, status: PortfolioStatus, content: (Document) -> String) -> PortfolioSnapshot {
        var entries: [Entry] = []
        entries.reserveCapacity(portfolio.documents.count)
        for document in portfolio.documents {
            var entry = Entry(id: document.id, kind: document.kind, title: document.title, url: document.url, content: content(document))
            entry.supersededBy = portfolio.supersededBy[document.id]
            if let plan = status.plans[document.id] {
                entry.lifecycle = plan.lifecycle
                entry.approval = plan.approval.state
                entry.signed = plan.approval.signed
                entry.required = plan.approval.required
                entry.stale = plan.approval.stale
                entry.phases = plan.phases.map { Phase(name: $0.phase.name, deadline: $0.phase.deadline) }
            }
            if let review = status.reviews[document.id] {
                entry.breaches = review.breaches.compactMap { index in
                    guard document.metrics.indices.contains(index) else { return nil }
                    let metric = document.metrics[index]
                    return Breach(metric: metric.name, group: metric.group, value: metric.value, threshold: metric.threshold, limit: metric.limit)
                }
            }
            entries.append(entry)
        }
        entries.sort { Self.order($0) < Self.order($1) }
        return PortfolioSnapshot(entries: entries)
    }

    static func order(_ entry: Entry) -> (Int, String) {
        (DocumentKind.allCases.firstIndex(of: entry.kind) ?? 0, entry.id)
    }
}

/// What changed between the portfolio at the `since` point and now
/// (SPEC 7, `changes.html`): documents added, changed, removed or
/// superseded; plans whose lifecycle or approval moved; phases whose
/// deadline moved, and by how much; breaches that are new. Found by
/// comparing two `PortfolioSnapshot`s, never from commit messages.
struct PortfolioChanges: Sendable, Equatable {
    typealias Entry = PortfolioSnapshot.Entry

    struct StateChange: Sendable, Equatable {
        var entry: Entry
        var from: String
        var to: String
    }

    struct DeadlineMove: Sendable, Equatable {
        var entry: Entry
        var phase: String
        var from: Day
        var to: Day
        /// Positive when the deadline moved later.
        var days: Int { from.days(until: to) }
    }

    struct NewBreach: Sendable, Equatable {
        var entry: Entry
        var breach: PortfolioSnapshot.Breach
    }

    var added: [Entry] = []
    var changed: [Entry] = []
    var removed: [Entry] = []
    var superseded: [Entry] = []
    var lifecycles: [StateChange] = []
    var approvals: [StateChange] = []
    var deadlines: [DeadlineMove] = []
    var breaches: [NewBreach] = []

    var isEmpty: Bool {
        added.isEmpty && changed.isEmpty && removed.isEmpty && superseded.isEmpty && lifecycles.isEmpty && approvals.isEmpty
            && deadlines.isEmpty && breaches.isEmpty
    }

    /// Every document whose entry appears in some list, by id (for the feed).
    var documentIDs: [String] {
        var seen: Set<String> = []
        var ids: [String] = []
        let all = added + changed + removed + superseded + lifecycles.map(\.entry) + approvals.map(\.entry) + deadlines.map(\.entry)
            + breaches.map(\.entry)
        for entry in all.sorted(by: { PortfolioSnapshot.order($0) < PortfolioSnapshot.order($1) }) where seen.insert(entry.id).inserted {
            ids.append(entry.id)
        }
        return ids
    }

    static func compare(_ old: PortfolioSnapshot, _ new: PortfolioSnapshot) -> PortfolioChanges {
        var changes = PortfolioChanges()
        var before: [String: Entry] = [:]
        for entry in old.entries where before[entry.id] == nil { before[entry.id] = entry }
        var now: Set<String> = []
        for entry in new.entries {
            guard now.insert(entry.id).inserted else { continue }
            guard let was = before[entry.id] else {
                changes.added.append(entry)
                continue
            }
            if was.content != entry.content { changes.changed.append(entry) }
            if was.supersededBy == nil, entry.supersededBy != nil { changes.superseded.append(entry) }
            if let from = was.lifecycle, let to = entry.lifecycle, from != to {
                changes.lifecycles.append(StateChange(entry: entry, from: from.rawValue, to: to.rawValue))
            }
            if was.approval != nil, entry.approval != nil, approvalText(was) != approvalText(entry) {
                changes.approvals.append(StateChange(entry: entry, from: approvalText(was), to: approvalText(entry)))
            }
            for phase in entry.phases {
                guard let to = phase.deadline, let from = was.phases.first(where: { $0.name == phase.name })?.deadline, from != to else { continue }
                changes.deadlines.append(DeadlineMove(entry: entry, phase: phase.name, from: from, to: to))
            }
            for breach in entry.breaches where !was.breaches.contains(where: { $0.metric == breach.metric && $0.group == breach.group }) {
                changes.breaches.append(NewBreach(entry: entry, breach: breach))
            }
        }
        for entry in old.entries where !now.contains(entry.id) && before[entry.id] == entry { changes.removed.append(entry) }
        return changes
    }

    /// The ids of the documents whose content differs between the two (added and removed ones too), sorted.
    static func changedContent(_ old: [String: String], _ new: [String: String]) -> [String] {
        var ids: [String] = []
        for (id, content) in new where old[id] != content { ids.append(id) }
        for id in old.keys where new[id] == nil { ids.append(id) }
        return ids.sorted()
    }

    /// An approval state in words, with its count: "partial (2 of 4)", "approved, stale".
    static func approvalText(_ entry: Entry) -> String {
        var text: String
        switch entry.approval {
        case .approved?: text = "approved"
        case .partial?: text = "partially approved (\(entry.signed) of \(entry.required))"
        case .awaiting?: text = "awaiting approval"
        case nil: text = ""
        }
        if entry.stale { text += ", re-approval needed" }
        return text
    }
}
