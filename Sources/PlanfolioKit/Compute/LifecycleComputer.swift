/// Spec 4.3: where a plan stands in its life.
///
/// Derived as the first that applies: superseded, draft (not approved),
/// completed (it has phases and every one is done), overdue, in progress (a
/// phase not `planned`), approved. An explicit `status` overrides the
/// derived state; one that names no lifecycle state is an error and the
/// derived state is used.
enum LifecycleComputer {
    static func derive(supersededBy: String?, approval: ApprovalStatus, phases: [PhaseStatus]) -> Lifecycle {
        if supersededBy != nil { return .superseded }
        if approval.state != .approved { return .draft }
        if !phases.isEmpty && phases.allSatisfy({ $0.phase.status == .done }) { return .completed }
        if phases.contains(where: \.overdue) { return .overdue }
        if phases.contains(where: { $0.phase.status != .planned }) { return .inProgress }
        return .approved
    }

    /// The explicit `status` of a plan, when it names a lifecycle state.
    static func explicit(_ plan: Document) -> (Lifecycle?, [Diagnostic]) {
        guard let status = plan.status else { return (nil, []) }
        if let lifecycle = parse(status.value) { return (lifecycle, []) }
        let allowed = Lifecycle.allCases.map(\.rawValue).joined(separator: ", ")
        return (nil, [.error(.unknownStatus, "status '\(status.value)' is not a plan lifecycle state (\(allowed))",
                             file: plan.displayPath, line: status.line)])
    }

    /// Case-insensitive; `in progress`, `in-progress` and `in_progress` alike.
    static func parse(_ text: String) -> Lifecycle? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" })
        return Lifecycle(rawValue: words.joined(separator: " "))
    }
}
