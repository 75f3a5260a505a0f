/// `timeline.html`: every open plan by month on one chart, then the same data as a table.
struct TimelinePage: TemplateValue {
    static let noSystem = "(no system)"

    /// One per phase of an open plan, by system (no system last), then plan, then phase.
    var rows: [Row]
    var hasRows: Bool
    var openPlans: Int
    /// The chart (raw: `{{{svg}}}`); no member when there is none.
    var svg: SVGMarkup?

    struct Row: TemplateValue {
        var system: String
        var planID: String
        var planTitle: String
        /// The plan's timeline.
        var href: String
        var phase: String
        var start: String
        var deadline: String
        /// `planned`, `in progress`, `done`, `blocked`.
        var status: String
        /// "Overdue by N days", "Due in N days"; else "".
        var flag: String
        var hasFlag: Bool
        var tone: String
        var overdue: Bool

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .system: system
            case .planID: planID
            case .planTitle: planTitle
            case .href: href
            case .phase: phase
            case .start: start
            case .deadline: deadline
            case .status: status
            case .flag: flag
            case .hasFlag: hasFlag
            case .tone: tone
            case .overdue: overdue
            default: nil
            }
        }
    }

    init(portfolio: Portfolio, status: PortfolioStatus, root: String) {
        var bySystem: [String: [PortfolioTimelineChart.Entry]] = [:]
        for plan in portfolio.documents(of: .plan) {
            guard let planStatus = status.plans[plan.id], planStatus.open else { continue }
            bySystem[plan.system ?? Self.noSystem, default: []].append(.init(plan: plan, status: planStatus))
        }
        let names = bySystem.keys.sorted { ($0 == Self.noSystem ? 1 : 0, $0) < ($1 == Self.noSystem ? 1 : 0, $1) }
        let groups = names.map { (system: $0, entries: bySystem[$0] ?? []) }
        var rows: [Row] = []
        for group in groups {
            for entry in group.entries {
                for phase in entry.status.phases {
                    let flag = ChartStyle.flag(phase)
                    rows.append(Row(
                        system: group.system,
                        planID: entry.plan.id,
                        planTitle: entry.plan.title,
                        href: root + entry.plan.url + "#pf-timeline",
                        phase: phase.phase.name,
                        start: phase.start?.description ?? "",
                        deadline: phase.phase.deadline?.description ?? "",
                        status: ChartStyle.statusWord(phase.phase.status),
                        flag: flag ?? "",
                        hasFlag: flag != nil,
                        tone: phase.overdue ? "red" : "amber",
                        overdue: phase.overdue))
                }
            }
        }
        self.rows = rows
        hasRows = !rows.isEmpty
        openPlans = groups.reduce(0) { $0 + $1.entries.count }
        svg = PortfolioTimelineChart.svg(groups: groups, today: status.today)
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .rows: rows
        case .hasRows: hasRows
        case .openPlans: openPlans
        case .svg: svg
        case .hasSVG: svg.map { _ in true }
        default: nil
        }
    }
}
