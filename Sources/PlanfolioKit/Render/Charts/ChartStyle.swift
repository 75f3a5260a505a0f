/// What the charts share: patterns, fills and words per state, and how long
/// a label may be. Fills are presentation attributes with a class beside
/// them, so the stylesheet can restyle charts for dark mode and print
/// without any `style=` attribute.
enum ChartStyle {
    /// `<defs>` with the patterns one chart uses; ids start with `prefix`, unique on the page.
    static func definitions(_ svg: inout SVGWriter, prefix: String) {
        svg.append(definitionsMarkup, prefix: prefix)
    }

    /// `writeDefinitions`, recorded once.
    static let definitionsMarkup = PrefixedMarkup(writeDefinitions)

    static func writeDefinitions(_ svg: inout SVGWriter, prefix: String) {
        svg.begin("defs")
        // Overdue and breach: red diagonal hatching, legible in black and white.
        svg.begin("pattern", ["id": .string(prefix + "-hatch"), "width": 6, "height": 6, "patternUnits": "userSpaceOnUse", "patternTransform": "rotate(45)"])
        svg.empty("rect", ["width": 6, "height": 6, "fill": "#fbe4e4", "class": "pat-bg"])
        svg.empty("line", ["x1": 0, "y1": 0, "x2": 0, "y2": 6, "stroke": "#9b1c1c", "stroke-width": 3, "class": "pat-ink-red"])
        svg.end()
        // In progress: blue dots.
        svg.begin("pattern", ["id": .string(prefix + "-dots"), "width": 5, "height": 5, "patternUnits": "userSpaceOnUse"])
        svg.empty("rect", ["width": 5, "height": 5, "fill": "#cfe0f5", "class": "pat-bg"])
        svg.empty("circle", ["cx": 2.5, "cy": 2.5, "r": 1.3, "fill": "#0d4a8a", "class": "pat-ink-blue"])
        svg.end()
        // Blocked: cross-hatching.
        svg.begin("pattern", ["id": .string(prefix + "-cross"), "width": 6, "height": 6, "patternUnits": "userSpaceOnUse"])
        svg.empty("rect", ["width": 6, "height": 6, "fill": "#fbe4e4", "class": "pat-bg"])
        svg.empty("path", ["d": "M0 0L6 6M6 0L0 6", "stroke": "#9b1c1c", "stroke-width": 1.2, "class": "pat-ink-red"])
        svg.end()
        svg.end()
    }

    /// Fill and class of a phase bar: overdue wins over the phase's own status.
    static func phaseFill(_ phase: PhaseStatus, prefix: String) -> (fill: SVGValue, className: SVGValue) {
        if phase.overdue { return (.pattern(prefix: prefix, name: .hatch), "bar bar-overdue") }
        switch phase.phase.status {
        case .done: return ("#2e6b3f", "bar bar-done")
        case .inProgress: return (.pattern(prefix: prefix, name: .dots), "bar bar-in-progress")
        case .blocked: return (.pattern(prefix: prefix, name: .cross), "bar bar-blocked")
        case .planned: return (phase.dueSoon ? "#fdf0d5" : "#ffffff", phase.dueSoon ? "bar bar-due-soon" : "bar bar-planned")
        }
    }

    static func statusWord(_ status: Phase.Status) -> String {
        switch status {
        case .planned: "Planned"
        case .inProgress: "In progress"
        case .done: "Done"
        case .blocked: "Blocked"
        }
    }

    /// "Overdue by 3 days", "Due today", "Due in 5 days", or nil.
    static func flag(_ phase: PhaseStatus) -> String? {
        guard let left = phase.daysLeft else { return nil }
        if phase.overdue { return "Overdue by \(days(-left))" }
        if phase.dueSoon { return left == 0 ? "Due today" : "Due in \(days(left))" }
        return nil
    }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// At most `limit` characters, an ellipsis marking the cut.
    static func truncate(_ text: String, _ limit: Int) -> String {
        // A character is at least one byte: few enough bytes need no count of characters.
        text.utf8.count <= limit || text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// A legend entry: a swatch (drawn by `swatch`) and its word.
    static func legend(_ svg: inout SVGWriter, x: inout Double, y: Double, word: String, swatch: (inout SVGWriter, Double, Double) -> Void) {
        swatch(&svg, x, y)
        svg.text("text", ["x": .n(x + 22), "y": .n(y + 11), "fill": "currentColor", "font-size": 12], word)
        x += 40 + Double(word.count) * 7.5
    }
}
