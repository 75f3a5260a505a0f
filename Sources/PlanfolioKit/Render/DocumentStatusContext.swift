import PlanfolioMarkdown

/// The computed parts of a document page: badges, the plan's timeline and
/// approval panel, the metric chart, and the body cut where they go.
///
/// Merged into `DocumentPage`'s context by `SiteRenderer`; keys are listed in
/// `docs/status.md`.
enum DocumentStatusContext {
    static func context(_ document: Document, status: PortfolioStatus, bodyHTML: String, headings: [RenderedHeading]) -> [String: Any] {
        var context: [String: Any] = [:]
        var timeline = false
        var approvals = false
        if document.kind == .plan, let plan = status.plans[document.id] {
            context["badges"] = StatusBadges.plan(plan)
            context["hasBadges"] = true
            context["isSuperseded"] = plan.lifecycle == .superseded
            if let chart = planTimeline(document, plan, today: status.today) {
                context["planTimeline"] = chart
                timeline = true
            }
            context["approvalPanel"] = approvalPanel(document, plan)
            approvals = true
        } else if let review = status.reviews[document.id] {
            context["badges"] = StatusBadges.review(review)
            context["hasBadges"] = true
            if let chart = metricChart(document, review) { context["metricChart"] = chart }
        }
        context["bodySegments"] = BodySplitter.segments(html: bodyHTML, headings: headings, timeline: timeline, approvals: approvals)
        return context
    }

    static func planTimeline(_ document: Document, _ status: PlanStatus, today: Day) -> [String: Any]? {
        let interventions = document.plan?.interventions ?? []
        guard !status.phases.isEmpty || !interventions.isEmpty else { return nil }
        let rows: [[String: Any]] = status.phases.map { phase in
            let flag = ChartStyle.flag(phase)
            return [
                "name": phase.phase.name,
                "start": phase.start?.description ?? "",
                "deadline": phase.phase.deadline?.description ?? "",
                "status": ChartStyle.statusWord(phase.phase.status),
                "owner": phase.phase.owner,
                "flag": flag ?? "",
                "hasFlag": flag != nil,
                "tone": phase.overdue ? "red" : "amber",
            ]
        }
        let milestones: [[String: Any]] = interventions.map { intervention in
            ["number": intervention.number, "name": intervention.name, "targetDate": intervention.targetDate?.description ?? "",
             "duration": intervention.estimatedDuration ?? ""]
        }
        var chart: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "milestones": milestones, "hasMilestones": !milestones.isEmpty]
        if let svg = PlanTimelineChart.svg(plan: document, status: status, today: today) {
            chart["svg"] = svg
            chart["hasSVG"] = true
        }
        return chart
    }

    static func approvalPanel(_ document: Document, _ status: PlanStatus) -> [String: Any] {
        let rows: [[String: Any]] = status.approval.roles.map { role in
            let mark: (String, String)
            if role.signed && role.stale {
                mark = ("Stale: signed before the update of \(document.updated?.description ?? "")", "red")
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
                "date": role.date?.description ?? "",
                "required": role.required ? "Required" : "Optional",
                "mark": mark.0,
                "tone": mark.1,
                "state": role.signed ? (role.stale ? "stale" : "signed") : "missing",
            ]
        }
        return ["rows": rows, "summary": StatusBadges.approval(status.approval), "stale": status.approval.stale]
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
