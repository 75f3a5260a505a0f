/// The computed parts of a document page: badges, the plan's timeline (with
/// its phase table) and approval panel, the metric chart, and the body cut
/// where they go (`bodySegments`, from `BodySplitter`). Its members are
/// `DocumentPage`'s (docs/status.md).
struct DocumentStatusContext: TemplateValue {
    /// A plan's or a review's badges, when Compute judged the document; else no member.
    var badges: [Badge]?
    /// A plan's: whether its lifecycle is superseded; no member on other documents.
    var isSuperseded: Bool?
    /// A plan's, when it has phases or interventions.
    var planTimeline: PlanTimeline?
    var approvalPanel: ApprovalPanel?
    /// An assessment's or investigation's, when it has metrics.
    var metricChart: MetricTable?
    var bodySegments: [BodySplitter.Segment]

    /// The `plan-timeline` partial's data.
    struct PlanTimeline: TemplateValue {
        /// One per phase.
        var rows: [PhaseRow]
        var hasRows: Bool
        /// One per intervention.
        var milestones: [Milestone]
        var hasMilestones: Bool
        /// Some phase's start is computed.
        var hasComputedStart: Bool
        /// The chart (raw: `{{{svg}}}`); no member when there is none.
        var svg: SVGMarkup?

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .rows: rows
            case .hasRows: hasRows
            case .milestones: milestones
            case .hasMilestones: hasMilestones
            case .hasComputedStart: hasComputedStart
            case .svg: svg
            case .hasSVG: svg.map { _ in true }
            default: nil
            }
        }
    }

    struct PhaseRow: TemplateValue {
        var name: String
        var activities: String
        var deliverable: String
        /// The start as given, else as computed; "" when unknown.
        var start: String
        var hasStart: Bool
        /// The plan gives no Start: it is computed (SPEC 4.2).
        var startComputed: Bool
        /// How it is computed, in words.
        var startNote: String
        var deadline: String
        var hasDeadline: Bool
        /// `planned`, `in progress`, `done`, `blocked`.
        var status: String
        var statusLabel: String
        var statusTone: String
        var owner: String
        /// "Overdue by N days", "Due in N days"; else "".
        var flag: String
        var hasFlag: Bool
        /// The flag's: `red` when overdue, else `amber`.
        var tone: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .name: self.name
            case .activities: activities
            case .deliverable: deliverable
            case .start: start
            case .hasStart: hasStart
            case .startComputed: startComputed
            case .startNote: startNote
            case .deadline: deadline
            case .hasDeadline: hasDeadline
            case .status: status
            case .statusLabel: statusLabel
            case .statusTone: statusTone
            case .owner: owner
            case .flag: flag
            case .hasFlag: hasFlag
            case .tone: tone
            default: nil
            }
        }
    }

    struct Milestone: TemplateValue {
        var number: Int
        var name: String
        var targetDate: String
        var hasTargetDate: Bool
        /// The intervention's estimated duration.
        var duration: String
        var hasDuration: Bool

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .number: number
            case .name: self.name
            case .targetDate: targetDate
            case .hasTargetDate: hasTargetDate
            case .duration: duration
            case .hasDuration: hasDuration
            default: nil
            }
        }
    }

    /// The `approval-panel` partial's data.
    struct ApprovalPanel: TemplateValue {
        var rows: [Row]
        var summary: Badge
        var stale: Bool

        struct Row: TemplateValue {
            var role: String
            var name: String
            var signature: String
            var date: String
            /// `Required` or `Optional`.
            var required: String
            /// "Signed", "Missing", "Stale since DATE", ...
            var mark: String
            var tone: String
            /// `signed`, `stale` or `missing`.
            var state: String
            /// With git history, what made a stale signature stale; else nil.
            var staleCause: StaleCause?

            func member(_ name: TemplateName) -> (any TemplateValue)? {
                switch name.key {
                case .role: role
                case .name: self.name
                case .signature: signature
                case .date: date
                case .required: required
                case .mark: mark
                case .tone: tone
                case .state: state
                case .hasStaleCause: staleCause != nil
                case .staleCause: staleCause
                default: nil
                }
            }
        }

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .rows: rows
            case .summary: summary
            case .stale: stale
            default: nil
            }
        }
    }

    /// The `metric-chart` partial's data.
    struct MetricTable: TemplateValue {
        var rows: [Row]
        /// The chart (raw: `{{{svg}}}`); no member when there is none.
        var svg: SVGMarkup?

        struct Row: TemplateValue {
            /// The row's id, `pf-metric-N`.
            var anchor: String
            var name: String
            var group: String
            var value: String
            /// "at least 0.8", "at most 0.1".
            var threshold: String
            var baseline: String
            var breach: Bool

            func member(_ name: TemplateName) -> (any TemplateValue)? {
                switch name.key {
                case .anchor: anchor
                case .name: self.name
                case .group: group
                case .value: value
                case .threshold: threshold
                case .baseline: baseline
                case .breach: breach
                default: nil
                }
            }
        }

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .rows: rows
            case .svg: svg
            case .hasSVG: svg.map { _ in true }
            default: nil
            }
        }
    }

    /// `root` leads from the page to the site's top (a stale cause links its revision's page).
    init(_ document: Document, status: PortfolioStatus, segments: [BodySplitter.Segment], root: String) {
        if document.kind == .plan, let plan = status.plans[document.id] {
            badges = StatusBadges.plan(plan)
            isSuperseded = plan.lifecycle == .superseded
            planTimeline = Self.planTimeline(document, plan, today: status.today)
            approvalPanel = Self.approvalPanel(document, plan, root: root)
        } else if let review = status.reviews[document.id] {
            badges = StatusBadges.review(review)
            metricChart = Self.metricChart(document, review)
        }
        bodySegments = segments
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .badges: badges
        // Present, and true, exactly when there are badges.
        case .hasBadges: badges.map { _ in true }
        case .isSuperseded: isSuperseded
        case .planTimeline: planTimeline
        case .approvalPanel: approvalPanel
        case .metricChart: metricChart
        case .bodySegments: bodySegments
        default: nil
        }
    }

    static func planTimeline(_ document: Document, _ status: PlanStatus, today: Day) -> PlanTimeline? {
        let interventions = document.plan?.interventions ?? []
        guard !status.phases.isEmpty || !interventions.isEmpty else { return nil }
        let rows = status.phases.enumerated().map { index, phase in
            let flag = ChartStyle.flag(phase)
            let badge = PlanSectionsContext.badge(phase.phase.status)
            return PhaseRow(
                name: phase.phase.name,
                activities: phase.phase.activities,
                deliverable: phase.phase.deliverable,
                start: phase.start?.description ?? "",
                hasStart: phase.start != nil,
                // A start the plan does not give is computed (SPEC 4.2): said so in words.
                startComputed: phase.phase.start == nil && phase.start != nil,
                startNote: index == 0 ? "computed: the plan's date" : "computed: after the previous phase",
                deadline: phase.phase.deadline?.description ?? "",
                hasDeadline: phase.phase.deadline != nil,
                status: ChartStyle.statusWord(phase.phase.status),
                statusLabel: badge.label,
                statusTone: badge.tone,
                owner: phase.phase.owner,
                flag: flag ?? "",
                hasFlag: flag != nil,
                tone: phase.overdue ? "red" : "amber")
        }
        let milestones = interventions.map { intervention in
            Milestone(number: intervention.number, name: intervention.name, targetDate: intervention.targetDate?.description ?? "",
                      hasTargetDate: intervention.targetDate != nil,
                      duration: intervention.estimatedDuration ?? "", hasDuration: intervention.estimatedDuration != nil)
        }
        return PlanTimeline(rows: rows, hasRows: !rows.isEmpty, milestones: milestones, hasMilestones: !milestones.isEmpty,
                            hasComputedStart: rows.contains(where: \.startComputed),
                            svg: PlanTimelineChart.svg(plan: document, status: status, today: today))
    }

    static func approvalPanel(_ document: Document, _ status: PlanStatus, root: String) -> ApprovalPanel {
        let rows = status.approval.roles.map { role in
            let mark: (String, String)
            var cause: StaleCause?
            if role.signed && role.stale, let since = role.staleSince {
                // With git history: what changed, when, in which commit, linking its diff.
                mark = ("Stale since \(since.day)", "red")
                cause = StaleCause(since, document: document, root: root)
            } else if role.signed && role.stale {
                // Worded as in the approvals register (UI.md: "stale since DATE").
                mark = ("Stale since \(document.updated?.description ?? "")", "red")
            } else if role.signed {
                mark = ("Signed", "green")
            } else if role.line == nil {
                mark = ("Missing: no row in the table", "red")
            } else {
                mark = (role.required ? "Missing" : "Not signed", role.required ? "red" : "grey")
            }
            return ApprovalPanel.Row(
                role: role.role,
                name: role.name,
                signature: role.signature,
                date: role.date?.description ?? "",
                required: role.required ? "Required" : "Optional",
                mark: mark.0,
                tone: mark.1,
                state: role.signed ? (role.stale ? "stale" : "signed") : "missing",
                staleCause: cause)
        }
        return ApprovalPanel(rows: rows, summary: StatusBadges.approval(status.approval), stale: status.approval.stale)
    }

    static func metricChart(_ document: Document, _ review: ReviewStatus) -> MetricTable? {
        guard !document.metrics.isEmpty else { return nil }
        let breaches = Set(review.breaches)
        let rows = document.metrics.enumerated().map { index, metric in
            MetricTable.Row(
                anchor: "pf-metric-\(index + 1)",
                name: metric.name,
                group: metric.group,
                value: MetricChart.number(metric.value),
                threshold: "\(metric.limit == .min ? "at least" : "at most") \(MetricChart.number(metric.threshold))",
                baseline: metric.baseline.map(MetricChart.number) ?? "",
                breach: breaches.contains(index))
        }
        return MetricTable(rows: rows, svg: MetricChart.svg(document: document, breaches: review.breaches))
    }
}
