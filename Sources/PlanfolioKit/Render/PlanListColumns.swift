/// The plan list's status columns: lifecycle, approval and next deadline,
/// plus the `data-lifecycle`, `data-approval` and `data-stale` values that
/// filter scripts read. Its members are those of the plan's `ListPage.Row`.
struct PlanListColumns: TemplateValue {
    /// Always true.
    var hasStatus = true
    /// `draft`, `in-progress`, ...: the form of `data-*` attributes and URL fragments.
    var lifecycle: String
    /// "Superseded by ID" for a superseded plan (UI.md's badge words).
    var lifecycleBadge: Badge
    /// `approved`, `partial`, `awaiting`.
    var approval: String
    /// Short enough for a column (`shortApproval`).
    var approvalBadge: Badge
    var stale: Bool
    /// The earliest deadline of a phase not done, while the plan is open; else "".
    var nextDeadline: String
    /// Its flag ("Overdue by 3 days") or else the phase's name; else "".
    var nextDeadlineNote: String
    /// True when there is a next deadline; no member otherwise.
    var hasNextDeadline: Bool?
    /// `red` (overdue), `amber` (due soon) or `none`; no member without a next deadline.
    var nextDeadlineTone: String?

    init?(for plan: Document, status: PortfolioStatus) {
        guard let planStatus = status.plans[plan.id] else { return nil }
        lifecycle = StatusBadges.slug(planStatus.lifecycle)
        lifecycleBadge = StatusBadges.lifecycle(planStatus)
        approval = planStatus.approval.state.rawValue
        approvalBadge = Self.shortApproval(planStatus.approval)
        stale = planStatus.approval.stale
        nextDeadline = ""
        nextDeadlineNote = ""
        let pending = planStatus.phases.compactMap { phase in
            phase.phase.status == .done ? nil : phase.phase.deadline.map { (deadline: $0, phase: phase) }
        }
        if planStatus.open, let next = pending.min(by: { ($0.deadline, $0.phase.phase.line) < ($1.deadline, $1.phase.phase.line) }) {
            nextDeadline = next.deadline.description
            hasNextDeadline = true
            nextDeadlineNote = ChartStyle.flag(next.phase) ?? next.phase.phase.name
            nextDeadlineTone = next.phase.overdue ? "red" : (next.phase.dueSoon ? "amber" : "none")
        }
    }

    /// Short enough for a list column: "Approved", "2 of 4 signed", "Awaiting".
    static func shortApproval(_ approval: ApprovalStatus) -> Badge {
        switch approval.state {
        case .approved: Badge("Approved", "green")
        case .partial: Badge("\(approval.signed) of \(approval.required) signed", "blue")
        case .awaiting: Badge("Awaiting", "grey")
        }
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .hasStatus: hasStatus
        case .lifecycle: lifecycle
        case .lifecycleBadge: lifecycleBadge
        case .approval: approval
        case .approvalBadge: approvalBadge
        case .stale: stale
        case .nextDeadline: nextDeadline
        case .nextDeadlineNote: nextDeadlineNote
        case .hasNextDeadline: hasNextDeadline
        case .nextDeadlineTone: nextDeadlineTone
        default: nil
        }
    }
}
