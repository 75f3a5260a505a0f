import Foundation

/// The words and tones of status badges (UI.md: words first, colour second).
///
/// Each is a `Badge` for the `status-badges` partial.
enum StatusBadges {
    static func lifecycle(_ status: PlanStatus) -> Badge {
        switch status.lifecycle {
        case .draft: Badge("Draft", "grey")
        case .approved: Badge("Approved", "green")
        case .inProgress: Badge("In progress", "blue")
        case .completed: Badge("Completed", "green")
        case .overdue: Badge("Overdue", "red")
        case .superseded: Badge(status.supersededBy.map { "Superseded by \($0)" } ?? "Superseded", "grey", superseded: true)
        }
    }

    static func approval(_ approval: ApprovalStatus) -> Badge {
        switch approval.state {
        case .approved: Badge("Approved: \(approval.signed) of \(approval.required) signed", "green")
        case .partial: Badge("\(approval.signed) of \(approval.required) signed", "blue")
        case .awaiting: Badge("Awaiting approval: 0 of \(approval.required) signed", "grey")
        }
    }

    /// Every badge of a plan's header, in reading order.
    static func plan(_ status: PlanStatus) -> [Badge] {
        var badges = [lifecycle(status), approval(status.approval)]
        if status.approval.stale { badges.append(Badge("Stale: re-approval needed", "red")) }
        if status.open, let soonest = status.phases.filter(\.dueSoon).compactMap(\.daysLeft).min() {
            badges.append(Badge(soonest == 0 ? "Due today" : "Due in \(ChartStyle.days(soonest))", "amber"))
        }
        return badges
    }

    static func review(_ status: ReviewStatus) -> [Badge] {
        var badges = [status.open ? Badge("Open", "blue") : Badge("Closed", "green")]
        if !status.breaches.isEmpty {
            badges.append(Badge(status.breaches.count == 1 ? "1 breach" : "\(status.breaches.count) breaches", "red"))
        }
        if let successor = status.supersededBy { badges.append(Badge("Superseded by \(successor)", "grey")) }
        return badges
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
