import Foundation

/// The words and tones of status badges (UI.md: words first, colour second).
///
/// Each badge is `["label": words, "tone": green|blue|grey|amber|red]` for
/// the `status-badges` partial; tones map to `.tone-*` classes.
enum StatusBadges {
    static func lifecycle(_ status: PlanStatus) -> [String: Any] {
        switch status.lifecycle {
        case .draft: return badge("Draft", "grey")
        case .approved: return badge("Approved", "green")
        case .inProgress: return badge("In progress", "blue")
        case .completed: return badge("Completed", "green")
        case .overdue: return badge("Overdue", "red")
        case .superseded:
            var entry = badge(status.supersededBy.map { "Superseded by \($0)" } ?? "Superseded", "grey")
            entry["superseded"] = true
            return entry
        }
    }

    static func approval(_ approval: ApprovalStatus) -> [String: Any] {
        switch approval.state {
        case .approved: return badge("Approved: \(approval.signed) of \(approval.required) signed", "green")
        case .partial: return badge("\(approval.signed) of \(approval.required) signed", "blue")
        case .awaiting: return badge("Awaiting approval: 0 of \(approval.required) signed", "grey")
        }
    }

    /// Every badge of a plan's header, in reading order.
    static func plan(_ status: PlanStatus) -> [[String: Any]] {
        var badges = [lifecycle(status), approval(status.approval)]
        if status.approval.stale { badges.append(badge("Stale: re-approval needed", "red")) }
        if status.open, let soonest = status.phases.filter(\.dueSoon).compactMap(\.daysLeft).min() {
            badges.append(badge(soonest == 0 ? "Due today" : "Due in \(ChartStyle.days(soonest))", "amber"))
        }
        return badges
    }

    static func review(_ status: ReviewStatus) -> [[String: Any]] {
        var badges = [status.open ? badge("Open", "blue") : badge("Closed", "green")]
        if !status.breaches.isEmpty {
            badges.append(badge(status.breaches.count == 1 ? "1 breach" : "\(status.breaches.count) breaches", "red"))
        }
        if let successor = status.supersededBy { badges.append(badge("Superseded by \(successor)", "grey")) }
        return badges
    }

    static func badge(_ label: String, _ tone: String) -> [String: Any] {
        ["label": label, "tone": tone]
    }

    /// `in progress` -> `in-progress`: the form used in `data-*` attributes and URL fragments.
    static func slug(_ lifecycle: Lifecycle) -> String {
        lifecycle.rawValue.replacingOccurrences(of: " ", with: "-")
    }

    static func lifecycleWord(_ lifecycle: Lifecycle) -> String {
        switch lifecycle {
        case .draft: "Draft"
        case .approved: "Approved"
        case .inProgress: "In progress"
        case .completed: "Completed"
        case .overdue: "Overdue"
        case .superseded: "Superseded"
        }
    }

    static func lifecycleTone(_ lifecycle: Lifecycle) -> String {
        switch lifecycle {
        case .draft, .superseded: "grey"
        case .approved, .completed: "green"
        case .inProgress: "blue"
        case .overdue: "red"
        }
    }
}
