/// The `plan` key of a plan page: what the template's sections say, as
/// template data for the `plan-sections` partial.
///
/// Render stage. Only what the plan states is here (phases as written,
/// interventions, responsibilities, validation period); what is computed
/// from today (timeline, overdue, approval state) comes from Compute.
enum PlanSectionsContext {
    /// `["plan": ...]` for a plan, empty for other documents, to merge into a page context.
    static func entries(for document: Document) -> [String: Any] {
        guard let plan = document.plan else { return [:] }
        return ["plan": context(plan)]
    }

    static func context(_ plan: PlanSections) -> [String: Any] {
        let phases = plan.phases.enumerated().map { index, phase -> [String: Any] in
            let badge = badge(phase.status)
            return [
                "name": phase.name,
                "activities": phase.activities,
                "deliverable": phase.deliverable,
                "start": phase.start?.description ?? "",
                "hasStart": phase.start != nil,
                // Said when Start is empty: where the phase begins by default (SPEC 4.2).
                "startNote": index == 0 ? "from the plan's date" : "after the previous phase",
                "deadline": phase.deadline?.description ?? "",
                "hasDeadline": phase.deadline != nil,
                "owner": phase.owner,
                "status": phase.status.rawValue,
                "statusLabel": badge.label,
                "statusTone": badge.tone,
            ]
        }
        let interventions = plan.interventions.map { intervention -> [String: Any] in
            [
                "number": intervention.number,
                "name": intervention.name,
                "targetDate": intervention.targetDate?.description ?? "",
                "hasTargetDate": intervention.targetDate != nil,
                "estimatedDuration": intervention.estimatedDuration ?? "",
                "hasEstimatedDuration": intervention.estimatedDuration != nil,
                "description": intervention.description ?? "",
                "hasDescription": intervention.description != nil,
            ]
        }
        let responsibilities = plan.responsibilities.map { row -> [String: Any] in
            ["role": row.role, "nameOrTeam": row.nameOrTeam, "responsibility": row.responsibility]
        }
        return [
            "phases": phases,
            "hasPhases": !phases.isEmpty,
            "interventions": interventions,
            "hasInterventions": !interventions.isEmpty,
            "responsibilities": responsibilities,
            "hasResponsibilities": !responsibilities.isEmpty,
            "validationPeriod": plan.validationPeriod ?? "",
            "hasValidationPeriod": plan.validationPeriod != nil,
            "hasAny": !phases.isEmpty || !interventions.isEmpty || !responsibilities.isEmpty || plan.validationPeriod != nil,
        ]
    }

    /// A phase status in words with its tone (UI.md): done green, in progress
    /// blue, planned grey, blocked red.
    static func badge(_ status: Phase.Status) -> (label: String, tone: String) {
        switch status {
        case .planned: ("Planned", "grey")
        case .inProgress: ("In progress", "blue")
        case .done: ("Done", "green")
        case .blocked: ("Blocked", "red")
        }
    }
}
