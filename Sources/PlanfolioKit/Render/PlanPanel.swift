/// A structured block of a plan page that takes the place of one of the
/// plan's own Markdown tables (or, when the plan lacks that table, goes
/// where a reader of the template looks for it).
///
/// The raw value is the key the `document` template's `bodySegments` carry
/// where the panel goes (`{{#timelineHere}}{{> plan-timeline}}{{/timelineHere}}`).
enum PlanPanel: String, CaseIterable, Sendable {
    /// Timeline chart, the phase table and the intervention milestones: replaces
    /// the "Phases and Milestones" table.
    case timeline = "timelineHere"
    /// The responsibilities table: replaces the "Responsibilities" table.
    case responsibilities = "responsibilitiesHere"
    /// The approval panel: replaces the "Approval" table.
    case approvals = "approvalsHere"

    /// The panels a document's page has: plans only, and only those with
    /// something to show (a timeline needs phases or milestones; a
    /// responsibilities table needs rows; the approval panel needs Compute).
    static func panels(for document: Document, status: PortfolioStatus) -> [PlanPanel] {
        guard document.kind == .plan, let plan = status.plans[document.id] else { return [] }
        var panels: [PlanPanel] = []
        if !plan.phases.isEmpty || !(document.plan?.interventions.isEmpty ?? true) { panels.append(.timeline) }
        if !(document.plan?.responsibilities.isEmpty ?? true) { panels.append(.responsibilities) }
        panels.append(.approvals)
        return panels
    }
}
