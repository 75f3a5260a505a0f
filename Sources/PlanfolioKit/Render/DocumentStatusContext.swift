import PlanfolioMarkdown

/// The computed parts of a document page: badges, the plan's timeline (with
/// its phase table) and approval panel, the metric chart, and the body cut
/// where they go (`segments` from `BodySplitter`).
///
/// Merged into `DocumentPage`'s context by `SiteRenderer`; keys are listed in
/// `docs/status.md`.
enum DocumentStatusContext {
    static func context(_ document: Document, status: PortfolioStatus, segments: [[String: Any]], root: String = "") -> [String: Any] {
        var context: [String: Any] = [:]
        if document.kind == .plan, let plan = status.plans[document.id] {
            context["badges"] = StatusBadges.plan(plan)
            context["hasBadges"] = true
            context["isSuperseded"] = plan.lifecycle == .superseded
            if let chart = planTimeline(document, plan, today: status.today) {
                context["planTimeline"] = chart
            }
            context["approvalPanel"] = approvalPanel(document, plan, root: root)
        } else if let review = status.reviews[document.id] {
            context["badges"] = StatusBadges.review(review)
            context["hasBadges"] = true
            if let chart = metricChart(document, review) { context["metricChart"] = chart }
        }
        context["bodySegments"] = segments
        return context
    }

    static func planTimeline(_ document: Document, _ status: PlanStatus, today: Day) -> [String: Any]? {
        let interventions = document.plan?.interventions ?? []
        guard !status.phases.isEmpty || !interventions.isEmpty else { return nil }
        let rows: [[String: Any]] = status.phases.enumerated().map { index, phase in
            let flag = ChartStyle.flag(phase)
            let badge = PlanSectionsContext.badge(phase.phase.status)
            // A start the plan does not give is computed (SPEC 4.2): said so in words.
            let computed = phase.phase.start == nil && phase.start != nil
            return [
                "name": phase.phase.name,
                "activities": phase.phase.activities,
                "deliverable": phase.phase.deliverable,
                "start": phase.start?.description ?? "",
                "hasStart": phase.start != nil,
                "startComputed": computed,
                "startNote": index == 0 ? "computed: the plan's date" : "computed: after the previous phase",
                "deadline": phase.phase.deadline?.description ?? "",
                "hasDeadline": phase.phase.deadline != nil,
                "status": ChartStyle.statusWord(phase.phase.status),
                "statusLabel": badge.label,
                "statusTone": badge.tone,
                "owner": phase.phase.owner,
                "flag": flag ?? "",
                "hasFlag": flag != nil,
                "tone": phase.overdue ? "red" : "amber",
            ]
        }
        let milestones: [[String: Any]] = interventions.map { intervention in
            ["number": intervention.number, "name": intervention.name, "targetDate": intervention.targetDate?.description ?? "",
             "hasTargetDate": intervention.targetDate != nil,
             "duration": intervention.estimatedDuration ?? "", "hasDuration": intervention.estimatedDuration != nil]
        }
        var chart: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "milestones": milestones, "hasMilestones": !milestones.isEmpty,
                                    "hasComputedStart": rows.contains { $0["startComputed"] as? Bool == true }]
        if let svg = PlanTimelineChart.svg(plan: document, status: status, today: today) {
            chart["svg"] = svg
            chart["hasSVG"] = true
        }
        return chart
    }

    static func approvalPanel(_ document: Document, _ status: PlanStatus, root: String = "") -> [String: Any] {
        let rows: [[String: Any]] = status.approval.roles.map { role in
            let mark: (String, String)
            var cause: [String: Any]?
            if role.signed && role.stale, let since = role.staleSince {
                // With git history: what changed, when, in which commit, linking its diff.
                mark = ("Stale since \(since.day)", "red")
                cause = staleCause(since, document: document, root: root)
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
            return [
                "role": role.role,
                "name": role.name,
                "signature": role.signature,
                "date": role.date?.description ?? "",
                "required": role.required ? "Required" : "Optional",
                "mark": mark.0,
                "tone": mark.1,
                "state": role.signed ? (role.stale ? "stale" : "signed") : "missing",
                "hasStaleCause": cause != nil,
                "staleCause": cause ?? [:],
            ]
        }
        return ["rows": rows, "summary": StatusBadges.approval(status.approval), "stale": status.approval.stale]
    }

    /// A stale signature's cause: `{sections, day, commit, href}` (the revision's page).
    static func staleCause(_ change: GovernedChange, document: Document, root: String) -> [String: Any] {
        [
            "sections": change.sections.joined(separator: ", "),
            "day": change.day.description,
            "commit": change.commit?.shortID ?? "the working tree",
            "href": root + SiteHistory.path(documentID: document.id, key: change.pageKey),
        ]
    }

    static func metricChart(_ document: Document, _ review: ReviewStatus) -> [String: Any]? {
        guard !document.metrics.isEmpty else { return nil }
        let breaches = Set(review.breaches)
        let rows: [[String: Any]] = document.metrics.enumerated().map { index, metric in
            [
                "anchor": "pf-metric-\(index + 1)",
                "name": metric.name,
                "group": metric.group,
                "value": MetricChart.number(metric.value),
                "threshold": "\(metric.limit == .min ? "at least" : "at most") \(MetricChart.number(metric.threshold))",
                "baseline": metric.baseline.map(MetricChart.number) ?? "",
                "breach": breaches.contains(index),
            ]
        }
        var chart: [String: Any] = ["rows": rows]
        if let svg = MetricChart.svg(document: document, breaches: review.breaches) {
            chart["svg"] = svg
            chart["hasSVG"] = true
        }
        return chart
    }
}
