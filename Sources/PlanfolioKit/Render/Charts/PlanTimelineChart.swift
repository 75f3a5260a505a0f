/// A plan's timeline as inline SVG: phases as bars from start to deadline,
/// intervention milestones as diamonds at their target dates, and a line
/// at today. Overdue phases are hatched and say so in words.
enum PlanTimelineChart {
    static let width = 960.0
    static let labelX = 8.0
    static let x0 = 300.0
    static let x1 = 944.0
    static let legendHeight = 28.0
    static let axisHeight = 24.0
    static let phaseRow = 40.0
    static let milestoneRow = 30.0

    /// Nil when the plan has no date to place on a timeline.
    static func svg(plan: Document, status: PlanStatus, today: Day) -> SVGMarkup? {
        let interventions = (plan.plan?.interventions ?? []).filter { $0.targetDate != nil }
        var days: [Day] = []
        for phase in status.phases {
            if let start = phase.start { days.append(start) }
            if let deadline = phase.phase.deadline { days.append(deadline) }
        }
        days += interventions.compactMap(\.targetDate)
        guard !days.isEmpty else { return nil }
        if status.open { days.append(today) }
        guard let axis = TimeAxis(days: days, x0: x0, x1: x1) else { return nil }

        let prefix = "tl-" + plan.id
        let top = legendHeight + axisHeight
        let height = top + Double(status.phases.count) * phaseRow + Double(interventions.count) * milestoneRow + 24
        let overdue = status.phases.filter(\.overdue).count
        let description = "\(status.phases.count) phases from \(axis.first) to \(axis.end)"
            + (overdue > 0 ? "; \(overdue) overdue" : "") + "; today is \(today). The table after the chart has the same data."
        var svg = SVGWriter(width: Int(width), height: Int(height), id: prefix, title: "Timeline of \(plan.id)",
                            description: description, className: "chart chart-timeline")
        ChartStyle.definitions(&svg, prefix: prefix)
        legend(&svg, prefix: prefix)
        axisLines(&svg, axis: axis, top: legendHeight, bottom: height - 20)

        var y = top
        for phase in status.phases {
            row(&svg, phase: phase, axis: axis, y: y, prefix: prefix)
            y += phaseRow
        }
        for intervention in interventions {
            milestone(&svg, intervention: intervention, axis: axis, y: y)
            y += milestoneRow
        }
        if today >= axis.first && today < axis.end {
            todayLine(&svg, x: axis.x(today), top: legendHeight + 4, bottom: height - 18, today: today, labelY: height - 5)
        }
        return svg.finish()
    }

    static func legend(_ svg: inout SVGWriter, prefix: String, milestones: Bool = true) {
        svg.append(milestones ? legendMarkup : legendWithoutMilestonesMarkup, prefix: prefix)
    }

    /// `writeLegend`, recorded once for each form.
    static let legendMarkup = PrefixedMarkup { writeLegend(&$0, prefix: $1, milestones: true) }
    static let legendWithoutMilestonesMarkup = PrefixedMarkup { writeLegend(&$0, prefix: $1, milestones: false) }

    static func writeLegend(_ svg: inout SVGWriter, prefix: String, milestones: Bool) {
        var x = labelX
        let entries: [(word: String, fill: SVGValue, className: SVGValue)] = [
            ("Done", "#2e6b3f", "bar bar-done"), ("In progress", .pattern(prefix: prefix, name: .dots), "bar bar-in-progress"),
            ("Planned", "#ffffff", "bar bar-planned"), ("Blocked", .pattern(prefix: prefix, name: .cross), "bar bar-blocked"),
            ("Overdue", .pattern(prefix: prefix, name: .hatch), "bar bar-overdue"),
        ]
        svg.begin("g", ["class": "legend", "aria-hidden": "true"])
        for (word, fill, className) in entries {
            ChartStyle.legend(&svg, x: &x, y: 4, word: word) { svg, x, y in
                svg.empty("rect", ["x": .n(x), "y": .n(y), "width": 16, "height": 14, "fill": fill, "stroke": "#1b1f24", "stroke-width": 1, "class": className])
            }
        }
        if milestones {
            ChartStyle.legend(&svg, x: &x, y: 4, word: "Milestone") { svg, x, y in
                svg.empty("path", ["d": .diamond(x: x + 8, y: y + 7, r: 6), "fill": "#1b1f24", "class": "mark"])
            }
        }
        ChartStyle.legend(&svg, x: &x, y: 4, word: "Today") { svg, x, y in
            svg.empty("line", ["x1": .n(x + 8), "y1": .n(y - 1), "x2": .n(x + 8), "y2": .n(y + 15), "stroke": "#9b1c1c", "stroke-width": 2, "stroke-dasharray": "4 3", "class": "today"])
        }
        svg.end()
    }

    static func axisLines(_ svg: inout SVGWriter, axis: TimeAxis, top: Double, bottom: Double) {
        svg.begin("g", ["class": "axis", "aria-hidden": "true"])
        for month in axis.months {
            svg.empty("line", ["x1": .n(month.x), "y1": .n(top + 18), "x2": .n(month.x), "y2": .n(bottom), "stroke": "#d0d4da", "stroke-width": 1, "class": "grid"])
            if let label = month.label {
                svg.text("text", ["x": .n(month.x + 3), "y": .n(top + 14), "fill": "currentColor", "font-size": 12], label)
            }
        }
        svg.empty("line", ["x1": .n(axis.x1), "y1": .n(top + 18), "x2": .n(axis.x1), "y2": .n(bottom), "stroke": "#d0d4da", "stroke-width": 1, "class": "grid"])
        svg.end()
    }

    static func row(_ svg: inout SVGWriter, phase: PhaseStatus, axis: TimeAxis, y: Double, prefix: String) {
        let name = phase.phase.name
        let flag = ChartStyle.flag(phase)
        /// "In progress · Overdue by 3 days", or the status alone.
        func words(_ svg: inout SVGWriter) {
            svg.content(ChartStyle.statusWord(phase.phase.status))
            if let flag {
                svg.content(" · ")
                svg.content(flag)
            }
        }
        svg.begin("g", ["class": phase.overdue ? "row row-overdue" : "row"])
        svg.begin("title")
        svg.content(name)
        svg.content(": ")
        words(&svg)
        svg.content("; ")
        svg.content(phase.start?.description ?? "no start")
        svg.content(" to ")
        svg.content(phase.phase.deadline?.description ?? "no deadline")
        svg.end()
        svg.text("text", ["x": .n(labelX), "y": .n(y + 16), "fill": "currentColor", "font-weight": "600"], ChartStyle.truncate(name, 40))
        svg.begin("text", ["x": .n(labelX), "y": .n(y + 32), "fill": "currentColor", "font-size": 12,
                           "class": phase.overdue ? "words words-overdue" : "words"])
        words(&svg)
        svg.end()
        let (fill, className) = ChartStyle.phaseFill(phase, prefix: prefix)
        if let start = phase.start, let deadline = phase.phase.deadline, start <= deadline {
            let left = axis.x(start)
            let right = max(axis.x(deadline), left + 3)
            svg.empty("rect", ["x": .n(left), "y": .n(y + 8), "width": .n(right - left), "height": 22, "fill": fill,
                               "stroke": "#1b1f24", "stroke-width": phase.overdue ? 2 : 1, "class": className])
            if phase.overdue {
                let label = "Overdue"
                let after = right + 6 + 56 < axis.x1
                svg.text("text", ["x": .n(after ? right + 6 : left - 6), "y": .n(y + 24), "fill": "#9b1c1c", "font-weight": "700",
                                  "text-anchor": after ? "start" : "end", "class": "flag-overdue"], label)
            }
        } else if let deadline = phase.phase.deadline {
            svg.empty("path", ["d": .diamond(x: axis.x(deadline), y: y + 19, r: 8), "fill": fill, "stroke": "#1b1f24",
                               "stroke-width": 1, "class": className])
        }
        svg.end()
    }

    static func milestone(_ svg: inout SVGWriter, intervention: Intervention, axis: TimeAxis, y: Double) {
        guard let date = intervention.targetDate else { return }
        let label = "Intervention \(intervention.number): \(intervention.name)"
        let x = axis.x(date)
        svg.begin("g", ["class": "milestone"])
        svg.text("title", [:], "\(label), target \(date)")
        svg.text("text", ["x": .n(labelX), "y": .n(y + 19), "fill": "currentColor", "font-size": 12], ChartStyle.truncate(label, 46))
        svg.empty("path", ["d": .diamond(x: x, y: y + 15, r: 7), "fill": "#1b1f24", "class": "mark"])
        let after = x + 10 + 80 < axis.x1
        svg.text("text", ["x": .n(after ? x + 11 : x - 11), "y": .n(y + 19), "fill": "currentColor", "font-size": 12,
                          "text-anchor": after ? "start" : "end"], date.description)
        svg.end()
    }

    static func todayLine(_ svg: inout SVGWriter, x: Double, top: Double, bottom: Double, today: Day, labelY: Double) {
        svg.begin("g", ["class": "today-marker"])
        svg.empty("line", ["x1": .n(x), "y1": .n(top), "x2": .n(x), "y2": .n(bottom), "stroke": "#9b1c1c", "stroke-width": 2,
                           "stroke-dasharray": "5 4", "class": "today"])
        let anchor: SVGValue = x > x1 - 60 ? "end" : (x < x0 + 60 ? "start" : "middle")
        svg.text("text", ["x": .n(x), "y": .n(labelY), "fill": "currentColor", "font-size": 12, "font-weight": "600", "text-anchor": anchor],
                 "Today \(today)")
        svg.end()
    }

}
