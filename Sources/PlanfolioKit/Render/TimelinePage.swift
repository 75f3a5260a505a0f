/// `timeline.html`: every open plan by month on one chart, then the same data as a table.
enum TimelinePage {
    static let noSystem = "(no system)"

    static func context(portfolio: Portfolio, status: PortfolioStatus, root: String) -> [String: Any] {
        var bySystem: [String: [PortfolioTimelineChart.Entry]] = [:]
        for plan in portfolio.documents(of: .plan) {
            guard let planStatus = status.plans[plan.id], planStatus.open else { continue }
            bySystem[plan.system ?? noSystem, default: []].append(.init(plan: plan, status: planStatus))
        }
        let names = bySystem.keys.sorted { ($0 == noSystem ? 1 : 0, $0) < ($1 == noSystem ? 1 : 0, $1) }
        let groups = names.map { (system: $0, entries: bySystem[$0] ?? []) }
        var rows: [[String: Any]] = []
        for group in groups {
            for entry in group.entries {
                for phase in entry.status.phases {
                    let flag = ChartStyle.flag(phase)
                    rows.append([
                        "system": group.system,
                        "planID": entry.plan.id,
                        "planTitle": entry.plan.title,
                        "href": root + entry.plan.url + "#pf-timeline",
                        "phase": phase.phase.name,
                        "start": phase.start?.description ?? "",
                        "deadline": phase.phase.deadline?.description ?? "",
                        "status": ChartStyle.statusWord(phase.phase.status),
                        "flag": flag ?? "",
                        "hasFlag": flag != nil,
                        "tone": phase.overdue ? "red" : "amber",
                        "overdue": phase.overdue,
                    ])
                }
            }
        }
        var context: [String: Any] = [
            "rows": rows,
            "hasRows": !rows.isEmpty,
            "openPlans": groups.reduce(0) { $0 + $1.entries.count },
        ]
        if let svg = PortfolioTimelineChart.svg(groups: groups, today: status.today) {
            context["svg"] = svg
            context["hasSVG"] = true
        }
        return context
    }
}
