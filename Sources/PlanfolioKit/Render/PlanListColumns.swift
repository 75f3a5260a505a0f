/// The plan list's status columns: lifecycle, approval and next deadline,
/// plus the `data-lifecycle`, `data-approval` and `data-stale` values that
/// filter scripts read. Added to each row of `ListPage` for plans.
enum PlanListColumns {
    static func columns(for plan: Document, status: PortfolioStatus) -> [String: Any] {
        guard let planStatus = status.plans[plan.id] else { return [:] }
        var columns: [String: Any] = [
            "hasStatus": true,
            "lifecycle": StatusBadges.slug(planStatus.lifecycle),
            "lifecycleBadge": StatusBadges.badge(StatusBadges.lifecycleWord(planStatus.lifecycle), StatusBadges.lifecycleTone(planStatus.lifecycle)),
            "approval": planStatus.approval.state.rawValue,
            "approvalBadge": shortApproval(planStatus.approval),
            "stale": planStatus.approval.stale,
            "nextDeadline": "",
            "nextDeadlineNote": "",
        ]
        let pending = planStatus.phases.compactMap { phase in
            phase.phase.status == .done ? nil : phase.phase.deadline.map { (deadline: $0, phase: phase) }
        }
        if planStatus.open, let next = pending.min(by: { ($0.deadline, $0.phase.phase.line) < ($1.deadline, $1.phase.phase.line) }) {
            columns["nextDeadline"] = next.deadline.description
            columns["hasNextDeadline"] = true
            columns["nextDeadlineNote"] = ChartStyle.flag(next.phase) ?? next.phase.phase.name
            columns["nextDeadlineTone"] = next.phase.overdue ? "red" : (next.phase.dueSoon ? "amber" : "none")
        }
        return columns
    }

    /// Short enough for a list column: "Approved", "2 of 4 signed", "Awaiting".
    static func shortApproval(_ approval: ApprovalStatus) -> [String: Any] {
        switch approval.state {
        case .approved: StatusBadges.badge("Approved", "green")
        case .partial: StatusBadges.badge("\(approval.signed) of \(approval.required) signed", "blue")
        case .awaiting: StatusBadges.badge("Awaiting", "grey")
        }
    }
}
