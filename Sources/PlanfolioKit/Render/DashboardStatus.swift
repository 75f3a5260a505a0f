/// The dashboard's status sections: counts by lifecycle and approval state
/// (each linking to the filtered list), the overdue and due-soon tables,
/// and the metric breaches. Its members are `DashboardPage`'s.
struct DashboardStatus: TemplateValue {
    static let lifecycleOrder: [Lifecycle] = [.overdue, .draft, .approved, .inProgress, .completed, .superseded]

    /// Plans by lifecycle, in `lifecycleOrder`.
    var lifecycleCounts: [StatusCount]
    /// Plans awaiting approval, partially approved, approved; stale signatures.
    var approvalCounts: [StatusCount]
    /// Open assessments, open investigations, breaches in open documents.
    var reviewCounts: [StatusCount]
    /// Phases of open plans past their deadline, soonest deadline first.
    var overdue: [DeadlineRow]
    var hasOverdue: Bool
    /// Phases of open plans due within `dueSoonDays`.
    var dueSoon: [DeadlineRow]
    var hasDueSoon: Bool
    var dueSoonDays: Int
    /// Metrics past their threshold in open assessments and investigations.
    var breaches: [BreachRow]
    var hasBreaches: Bool
    /// Always true: the dashboard has these sections.
    var hasStatus = true

    struct StatusCount: TemplateValue {
        var label: String
        var count: Int
        /// The list or register filtered to these, e.g. `plans.html#lifecycle=overdue`.
        var href: String
        var tone: String
        /// A name for the count, e.g. `overdue`, `awaiting`, `open-assessments`.
        var key: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .label: label
            case .count: count
            case .href: href
            case .tone: tone
            case .key: key
            default: nil
            }
        }
    }

    struct DeadlineRow: TemplateValue {
        var phase: String
        var planID: String
        var planTitle: String
        /// The plan's timeline.
        var href: String
        /// The phase's owner, else the plan's.
        var owner: String
        var deadline: String
        /// "Overdue by 12 days", "Due in 9 days": the plan page's words.
        var days: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .phase: phase
            case .planID: planID
            case .planTitle: planTitle
            case .href: href
            case .owner: owner
            case .deadline: deadline
            case .days: days
            default: nil
            }
        }
    }

    struct BreachRow: TemplateValue {
        var documentID: String
        var kindLabel: String
        /// The metric's row on the document's page.
        var href: String
        var metric: String
        var group: String
        var value: String
        /// "at least 0.8", "at most 0.1".
        var threshold: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .documentID: documentID
            case .kindLabel: kindLabel
            case .href: href
            case .metric: metric
            case .group: group
            case .value: value
            case .threshold: threshold
            default: nil
            }
        }
    }

    init(portfolio: Portfolio, status: PortfolioStatus, config: SiteConfig, root: String) {
        let plans = portfolio.documents(of: .plan).compactMap { plan in status.plans[plan.id].map { (plan, $0) } }

        // Every count in one pass, reading the fields in place: a plan with its status is large to copy.
        var byLifecycle: [Lifecycle: Int] = [:], byApproval: [ApprovalState: Int] = [:]
        var stale = 0
        for index in plans.indices {
            byLifecycle[plans[index].1.lifecycle, default: 0] += 1
            byApproval[plans[index].1.approval.state, default: 0] += 1
            if plans[index].1.approval.stale { stale += 1 }
        }
        lifecycleCounts = Self.lifecycleOrder.map { lifecycle in
            let slug = StatusBadges.slug(lifecycle)
            return StatusCount(label: StatusBadges.lifecycleWord(lifecycle), count: byLifecycle[lifecycle] ?? 0,
                               href: root + "plans.html#lifecycle=" + slug, tone: StatusBadges.lifecycleTone(lifecycle), key: slug)
        }
        approvalCounts = [
            StatusCount(label: "Awaiting approval", count: byApproval[.awaiting] ?? 0,
                        href: root + "plans.html#approval=awaiting", tone: "grey", key: "awaiting"),
            StatusCount(label: "Partially approved", count: byApproval[.partial] ?? 0,
                        href: root + "plans.html#approval=partial", tone: "blue", key: "partial"),
            StatusCount(label: "Approved", count: byApproval[.approved] ?? 0,
                        href: root + "plans.html#approval=approved", tone: "green", key: "approved"),
            StatusCount(label: "Stale signatures", count: stale,
                        href: root + "approvals.html#stale=stale", tone: "red", key: "stale"),
        ]

        var overdue: [(Day, String, DeadlineRow)] = []
        var dueSoon: [(Day, String, DeadlineRow)] = []
        for (plan, planStatus) in plans where planStatus.open {
            for phase in planStatus.phases where phase.overdue || phase.dueSoon {
                guard let deadline = phase.phase.deadline, let left = phase.daysLeft else { continue }
                let row = DeadlineRow(
                    phase: phase.phase.name,
                    planID: plan.id,
                    planTitle: plan.title,
                    href: root + plan.url + "#pf-timeline",
                    owner: phase.phase.owner.isEmpty ? (plan.owner ?? "") : phase.phase.owner,
                    deadline: deadline.description,
                    // The same words as the plan page's flags (UI.md's badges): "Overdue by 12 days", "Due in 9 days".
                    days: ChartStyle.flag(phase) ?? (phase.overdue ? "\(ChartStyle.days(-left)) late" : "\(ChartStyle.days(left)) left"))
                if phase.overdue { overdue.append((deadline, plan.id, row)) } else { dueSoon.append((deadline, plan.id, row)) }
            }
        }
        let byDeadline: ((Day, String, DeadlineRow), (Day, String, DeadlineRow)) -> Bool = { ($0.0, $0.1) < ($1.0, $1.1) }

        var breaches: [BreachRow] = []
        var openByKind: [DocumentKind: Int] = [:]
        for document in portfolio.documents where document.kind != .plan {
            guard let review = status.reviews[document.id] else { continue }
            guard review.open else { continue }
            openByKind[document.kind, default: 0] += 1
            for index in review.breaches {
                let metric = document.metrics[index]
                breaches.append(BreachRow(
                    documentID: document.id,
                    kindLabel: document.kind.displayName,
                    href: root + document.url + "#pf-metric-\(index + 1)",
                    metric: metric.name,
                    group: metric.group,
                    value: MetricChart.number(metric.value),
                    threshold: "\(metric.limit == .min ? "at least" : "at most") \(MetricChart.number(metric.threshold))"))
            }
        }
        reviewCounts = [
            StatusCount(label: "Open assessments", count: openByKind[.assessment] ?? 0, href: root + "assessments.html#open=true",
                        tone: "blue", key: "open-assessments"),
            StatusCount(label: "Open investigations", count: openByKind[.investigation] ?? 0, href: root + "investigations.html#open=true",
                        tone: "blue", key: "open-investigations"),
            StatusCount(label: "Breaches in open documents", count: breaches.count, href: "#pf-breaches", tone: "red", key: "breaches"),
        ]
        self.overdue = overdue.sorted(by: byDeadline).map(\.2)
        hasOverdue = !self.overdue.isEmpty
        self.dueSoon = dueSoon.sorted(by: byDeadline).map(\.2)
        hasDueSoon = !self.dueSoon.isEmpty
        dueSoonDays = config.dueSoonDays
        self.breaches = breaches
        hasBreaches = !breaches.isEmpty
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .lifecycleCounts: lifecycleCounts
        case .approvalCounts: approvalCounts
        case .reviewCounts: reviewCounts
        case .overdue: overdue
        case .hasOverdue: hasOverdue
        case .dueSoon: dueSoon
        case .hasDueSoon: hasDueSoon
        case .dueSoonDays: dueSoonDays
        case .breaches: breaches
        case .hasBreaches: hasBreaches
        case .hasStatus: hasStatus
        default: nil
        }
    }
}
