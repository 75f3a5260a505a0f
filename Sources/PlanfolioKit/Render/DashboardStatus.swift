/// The dashboard's status sections: counts by lifecycle and approval state
/// (each linking to the filtered list), the overdue and due-soon tables,
/// and the metric breaches. Merged into `DashboardPage`'s context.
enum DashboardStatus {
    static let lifecycleOrder: [Lifecycle] = [.overdue, .draft, .approved, .inProgress, .completed, .superseded]

    static func context(portfolio: Portfolio, status: PortfolioStatus, config: SiteConfig, root: String) -> [String: Any] {
        let plans = portfolio.documents(of: .plan).compactMap { plan in status.plans[plan.id].map { (plan, $0) } }

        let lifecycleCounts: [[String: Any]] = lifecycleOrder.map { lifecycle in
            let slug = StatusBadges.slug(lifecycle)
            return ["label": StatusBadges.lifecycleWord(lifecycle), "count": plans.count(where: { $0.1.lifecycle == lifecycle }),
                    "href": root + "plans.html#lifecycle=" + slug, "tone": StatusBadges.lifecycleTone(lifecycle), "key": slug]
        }
        let approvalCounts: [[String: Any]] = [
            ["label": "Awaiting approval", "count": plans.count(where: { $0.1.approval.state == .awaiting }),
             "href": root + "plans.html#approval=awaiting", "tone": "grey", "key": "awaiting"],
            ["label": "Partially approved", "count": plans.count(where: { $0.1.approval.state == .partial }),
             "href": root + "plans.html#approval=partial", "tone": "blue", "key": "partial"],
            ["label": "Approved", "count": plans.count(where: { $0.1.approval.state == .approved }),
             "href": root + "plans.html#approval=approved", "tone": "green", "key": "approved"],
            ["label": "Stale signatures", "count": plans.count(where: { $0.1.approval.stale }),
             "href": root + "approvals.html#stale=stale", "tone": "red", "key": "stale"],
        ]

        var overdue: [(Day, String, [String: Any])] = []
        var dueSoon: [(Day, String, [String: Any])] = []
        for (plan, planStatus) in plans where planStatus.open {
            for phase in planStatus.phases where phase.overdue || phase.dueSoon {
                guard let deadline = phase.phase.deadline, let left = phase.daysLeft else { continue }
                let row: [String: Any] = [
                    "phase": phase.phase.name,
                    "planID": plan.id,
                    "planTitle": plan.title,
                    "href": root + plan.url + "#pf-timeline",
                    "owner": phase.phase.owner.isEmpty ? (plan.owner ?? "") : phase.phase.owner,
                    "deadline": deadline.description,
                    "days": phase.overdue ? "\(-left) late" : (left == 0 ? "due today" : "\(left) left"),
                ]
                if phase.overdue { overdue.append((deadline, plan.id, row)) } else { dueSoon.append((deadline, plan.id, row)) }
            }
        }
        let byDeadline: ((Day, String, [String: Any]), (Day, String, [String: Any])) -> Bool = { ($0.0, $0.1) < ($1.0, $1.1) }

        var breaches: [[String: Any]] = []
        var openByKind: [DocumentKind: Int] = [:]
        for document in portfolio.documents where document.kind != .plan {
            guard let review = status.reviews[document.id] else { continue }
            guard review.open else { continue }
            openByKind[document.kind, default: 0] += 1
            for index in review.breaches {
                let metric = document.metrics[index]
                breaches.append([
                    "documentID": document.id,
                    "kindLabel": document.kind.displayName,
                    "href": root + document.url + "#pf-metric-\(index + 1)",
                    "metric": metric.name,
                    "group": metric.group,
                    "value": MetricChart.number(metric.value),
                    "threshold": "\(metric.limit == .min ? "at least" : "at most") \(MetricChart.number(metric.threshold))",
                                    ])
            }
        }
        let reviewCounts: [[String: Any]] = [
            ["label": "Open assessments", "count": openByKind[.assessment] ?? 0, "href": root + "assessments.html#open=true", "tone": "blue", "key": "open-assessments"],
            ["label": "Open investigations", "count": openByKind[.investigation] ?? 0, "href": root + "investigations.html#open=true", "tone": "blue", "key": "open-investigations"],
            ["label": "Breaches in open documents", "count": breaches.count, "href": "#pf-breaches", "tone": "red", "key": "breaches"],
        ]
        let overdueRows = overdue.sorted(by: byDeadline).map(\.2)
        let dueSoonRows = dueSoon.sorted(by: byDeadline).map(\.2)
        return [
            "lifecycleCounts": lifecycleCounts,
            "approvalCounts": approvalCounts,
            "reviewCounts": reviewCounts,
            "overdue": overdueRows,
            "hasOverdue": !overdueRows.isEmpty,
            "dueSoon": dueSoonRows,
            "hasDueSoon": !dueSoonRows.isEmpty,
            "dueSoonDays": config.dueSoonDays,
            "breaches": breaches,
            "hasBreaches": !breaches.isEmpty,
            "hasStatus": true,
        ]
    }
}
