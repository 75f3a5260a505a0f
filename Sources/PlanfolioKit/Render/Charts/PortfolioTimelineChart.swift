/// Every open plan on one chart: months across, plans down grouped by
/// system, each phase a thin bar, a line at today; overdue phases hatched
/// and labelled "Overdue".
enum PortfolioTimelineChart {
    static let width = 1200.0
    static let labelX = 8.0
    static let x0 = 380.0
    static let x1 = 1184.0
    static let systemRow = 30.0
    static let planRow = 26.0
    static let phaseRow = 22.0

    /// One plan to draw: its document and status, in display order.
    struct Entry {
        var plan: Document
        var status: PlanStatus
    }

    /// Nil when no open plan has a date.
    static func svg(groups: [(system: String, entries: [Entry])], today: Day) -> SVGMarkup? {
        var days: [Day] = [today]
        var phaseCount = 0
        var planCount = 0
        var overdue = 0
        for group in groups {
            for entry in group.entries {
                planCount += 1
                for phase in entry.status.phases {
                    phaseCount += 1
                    if phase.overdue { overdue += 1 }
                    if let start = phase.start { days.append(start) }
                    if let deadline = phase.phase.deadline { days.append(deadline) }
                }
            }
        }
        guard days.count > 1, let axis = TimeAxis(days: days, x0: x0, x1: x1) else { return nil }
        let prefix = "ptl"
        let top = 28.0 + 24.0
        let height = top + Double(groups.count) * systemRow + Double(planCount) * planRow + Double(phaseCount) * phaseRow + 24
        var svg = SVGWriter(width: Int(width), height: Int(height), id: prefix, title: "Timeline of every open plan",
                            description: "\(planCount) open plans with \(phaseCount) phases, \(axis.first) to \(axis.end); \(overdue) phases overdue; today is \(today). The table after the chart has the same data.",
                            className: "chart chart-portfolio-timeline")
        ChartStyle.definitions(&svg, prefix: prefix)
        PlanTimelineChart.legend(&svg, prefix: prefix, milestones: false)
        PlanTimelineChart.axisLines(&svg, axis: axis, top: 28, bottom: height - 20)

        var y = top
        for group in groups {
            svg.text("text", ["x": .n(labelX), "y": .n(y + 20), "fill": "currentColor", "font-size": 14, "font-weight": "700", "class": "system"],
                     ChartStyle.truncate(group.system, 48))
            svg.empty("line", ["x1": .n(labelX), "y1": .n(y + systemRow - 2), "x2": .n(x1), "y2": .n(y + systemRow - 2), "stroke": "#8a929c", "stroke-width": 1, "class": "rule"])
            y += systemRow
            for entry in group.entries {
                svg.begin("g", ["class": "plan"])
                svg.text("title", [:], "\(entry.plan.id): \(entry.plan.title)")
                svg.text("text", ["x": .n(labelX + 8), "y": .n(y + 18), "fill": "currentColor", "font-weight": "600"],
                         ChartStyle.truncate("\(entry.plan.id) \(entry.plan.title)", 50))
                svg.end()
                y += planRow
                for phase in entry.status.phases {
                    phaseRowMarkup(&svg, phase: phase, axis: axis, y: y, prefix: prefix)
                    y += phaseRow
                }
            }
        }
        if today >= axis.first && today < axis.end {
            PlanTimelineChart.todayLine(&svg, x: axis.x(today), top: 32, bottom: height - 18, today: today, labelY: height - 5)
        }
        return svg.finish()
    }

    static func phaseRowMarkup(_ svg: inout SVGWriter, phase: PhaseStatus, axis: TimeAxis, y: Double, prefix: String) {
        let name = phase.phase.name
        let flag = ChartStyle.flag(phase)
        svg.begin("g", ["class": phase.overdue ? "row row-overdue" : "row"])
        svg.text("title", [:], "\(name): \(ChartStyle.statusWord(phase.phase.status))\(flag.map { " · " + $0 } ?? ""); \(phase.start?.description ?? "no start") to \(phase.phase.deadline?.description ?? "no deadline")")
        svg.text("text", ["x": .n(labelX + 24), "y": .n(y + 15), "fill": "currentColor", "font-size": 12], ChartStyle.truncate(name, 34))
        if let flag {
            svg.text("text", ["x": .n(x0 - 8), "y": .n(y + 15), "fill": phase.overdue ? "#9b1c1c" : "#7a4a00", "font-size": 12, "font-weight": "700",
                              "text-anchor": "end", "class": phase.overdue ? "flag-overdue" : "flag-due-soon"], flag)
        }
        let (fill, className) = ChartStyle.phaseFill(phase, prefix: prefix)
        if let start = phase.start, let deadline = phase.phase.deadline, start <= deadline {
            let left = axis.x(start)
            let right = max(axis.x(deadline), left + 3)
            svg.empty("rect", ["x": .n(left), "y": .n(y + 4), "width": .n(right - left), "height": 14, "fill": fill,
                               "stroke": "#1b1f24", "stroke-width": phase.overdue ? 2 : 1, "class": className])
            if phase.overdue {
                let after = right + 6 + 56 < axis.x1
                svg.text("text", ["x": .n(after ? right + 6 : left - 6), "y": .n(y + 15), "fill": "#9b1c1c", "font-size": 12, "font-weight": "700",
                                  "text-anchor": after ? "start" : "end", "class": "flag-overdue"], "Overdue")
            }
        } else if let deadline = phase.phase.deadline {
            svg.empty("path", ["d": .diamond(x: axis.x(deadline), y: y + 11, r: 7), "fill": fill,
                               "stroke": "#1b1f24", "stroke-width": 1, "class": className])
        }
        svg.end()
    }
}
