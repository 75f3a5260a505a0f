/// The `plan` member of a plan page: what the template's sections say, as
/// template data (the `plan-responsibilities` partial reads its
/// responsibilities; the phase table and approval panel come from Compute).
///
/// Render stage. Only what the plan states is here (phases as written,
/// interventions, responsibilities, validation period); what is computed
/// from today (timeline, overdue, approval state) comes from Compute.
struct PlanSectionsContext: TemplateValue {
    var phases: [PhaseRow]
    var hasPhases: Bool
    var interventions: [InterventionRow]
    var hasInterventions: Bool
    var responsibilities: [ResponsibilityRow]
    var hasResponsibilities: Bool
    var validationPeriod: String
    var hasValidationPeriod: Bool
    /// Any of the above is present.
    var hasAny: Bool

    /// A phase as the plan writes it.
    struct PhaseRow: TemplateValue {
        var name: String
        var activities: String
        var deliverable: String
        var start: String
        var hasStart: Bool
        /// Said when Start is empty: where the phase begins by default (SPEC 4.2).
        var startNote: String
        var deadline: String
        var hasDeadline: Bool
        var owner: String
        /// `planned`, `in progress`, `done`, `blocked`.
        var status: String
        var statusLabel: String
        var statusTone: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .name: self.name
            case .activities: activities
            case .deliverable: deliverable
            case .start: start
            case .hasStart: hasStart
            case .startNote: startNote
            case .deadline: deadline
            case .hasDeadline: hasDeadline
            case .owner: owner
            case .status: status
            case .statusLabel: statusLabel
            case .statusTone: statusTone
            default: nil
            }
        }
    }

    struct InterventionRow: TemplateValue {
        var number: Int
        var name: String
        var targetDate: String
        var hasTargetDate: Bool
        var estimatedDuration: String
        var hasEstimatedDuration: Bool
        var description: String
        var hasDescription: Bool

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .number: number
            case .name: self.name
            case .targetDate: targetDate
            case .hasTargetDate: hasTargetDate
            case .estimatedDuration: estimatedDuration
            case .hasEstimatedDuration: hasEstimatedDuration
            case .description: description
            case .hasDescription: hasDescription
            default: nil
            }
        }
    }

    struct ResponsibilityRow: TemplateValue {
        var role: String
        var nameOrTeam: String
        var responsibility: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .role: role
            case .nameOrTeam: nameOrTeam
            case .responsibility: responsibility
            default: nil
            }
        }
    }

    init(_ plan: PlanSections) {
        phases = plan.phases.enumerated().map { index, phase in
            let badge = Self.badge(phase.status)
            return PhaseRow(
                name: phase.name,
                activities: phase.activities,
                deliverable: phase.deliverable,
                start: phase.start?.description ?? "",
                hasStart: phase.start != nil,
                startNote: index == 0 ? "from the plan's date" : "after the previous phase",
                deadline: phase.deadline?.description ?? "",
                hasDeadline: phase.deadline != nil,
                owner: phase.owner,
                status: phase.status.rawValue,
                statusLabel: badge.label,
                statusTone: badge.tone)
        }
        interventions = plan.interventions.map { intervention in
            InterventionRow(
                number: intervention.number,
                name: intervention.name,
                targetDate: intervention.targetDate?.description ?? "",
                hasTargetDate: intervention.targetDate != nil,
                estimatedDuration: intervention.estimatedDuration ?? "",
                hasEstimatedDuration: intervention.estimatedDuration != nil,
                description: intervention.description ?? "",
                hasDescription: intervention.description != nil)
        }
        responsibilities = plan.responsibilities.map {
            ResponsibilityRow(role: $0.role, nameOrTeam: $0.nameOrTeam, responsibility: $0.responsibility)
        }
        hasPhases = !phases.isEmpty
        hasInterventions = !interventions.isEmpty
        hasResponsibilities = !responsibilities.isEmpty
        validationPeriod = plan.validationPeriod ?? ""
        hasValidationPeriod = plan.validationPeriod != nil
        hasAny = hasPhases || hasInterventions || hasResponsibilities || hasValidationPeriod
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .phases: phases
        case .hasPhases: hasPhases
        case .interventions: interventions
        case .hasInterventions: hasInterventions
        case .responsibilities: responsibilities
        case .hasResponsibilities: hasResponsibilities
        case .validationPeriod: validationPeriod
        case .hasValidationPeriod: hasValidationPeriod
        case .hasAny: hasAny
        default: nil
        }
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
