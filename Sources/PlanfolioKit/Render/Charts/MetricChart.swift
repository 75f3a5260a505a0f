/// The metrics of an assessment or investigation as inline SVG: one row per
/// metric and group, the value as a bar on its own scale, the threshold as a
/// line, the baseline as a diamond, and a breach hatched and said in words.
enum MetricChart {
    static let width = 960.0
    static let labelX = 8.0
    static let x0 = 470.0
    static let x1 = 930.0
    static let rowHeight = 50.0

    static func svg(document: Document, breaches: [Int]) -> SVGMarkup? {
        guard !document.metrics.isEmpty else { return nil }
        let prefix = "mc-" + document.id
        let top = 30.0
        let height = top + Double(document.metrics.count) * rowHeight + 8
        let breachSet = Set(breaches)
        var svg = SVGWriter(width: Int(width), height: Int(height), id: prefix, title: "Metrics of \(document.id)",
                            description: "\(document.metrics.count) measurements, \(breaches.count) on the wrong side of their threshold. The table after the chart has the same data.",
                            className: "chart chart-metrics")
        ChartStyle.definitions(&svg, prefix: prefix)
        svg.append(legendMarkup, prefix: prefix)

        var y = top
        for (index, metric) in document.metrics.enumerated() {
            row(&svg, metric: metric, breach: breachSet.contains(index), y: y, prefix: prefix)
            y += rowHeight
        }
        return svg.finish()
    }

    /// `writeLegend`, recorded once.
    static let legendMarkup = PrefixedMarkup(writeLegend)

    static func writeLegend(_ svg: inout SVGWriter, prefix: String) {
        var x = labelX
        svg.begin("g", ["class": "legend", "aria-hidden": "true"])
        ChartStyle.legend(&svg, x: &x, y: 4, word: "Value") { svg, x, y in
            svg.empty("rect", ["x": .n(x), "y": .n(y), "width": 16, "height": 14, "fill": "#5b6673", "class": "bar bar-value"])
        }
        ChartStyle.legend(&svg, x: &x, y: 4, word: "Breach") { svg, x, y in
            svg.empty("rect", ["x": .n(x), "y": .n(y), "width": 16, "height": 14, "fill": .pattern(prefix: prefix, name: .hatch), "stroke": "#9b1c1c", "class": "bar bar-overdue"])
        }
        ChartStyle.legend(&svg, x: &x, y: 4, word: "Threshold") { svg, x, y in
            svg.empty("line", ["x1": .n(x + 8), "y1": .n(y - 2), "x2": .n(x + 8), "y2": .n(y + 16), "stroke": "#1b1f24", "stroke-width": 3, "class": "threshold"])
        }
        ChartStyle.legend(&svg, x: &x, y: 4, word: "Baseline") { svg, x, y in
            svg.empty("path", ["d": .diamond(x: x + 8, y: y + 7, r: 6), "fill": "#ffffff", "stroke": "#1b1f24", "stroke-width": 2, "class": "baseline"])
        }
        svg.end()
    }

    static func row(_ svg: inout SVGWriter, metric: Metric, breach: Bool, y: Double, prefix: String) {
        let values = [0, metric.value, metric.threshold] + (metric.baseline.map { [$0] } ?? [])
        let low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low <= 0 { high = low + 1 }
        let padded = niceCeiling(high + (high - low) * 0.05)
        func x(_ value: Double) -> Double { x0 + (x1 - x0) * (value - low) / (padded - low) }

        let value = number(metric.value)
        let threshold = number(metric.threshold)
        let baseline = metric.baseline.map(number)
        /// The measurement in words: "0.7, at least 0.8, baseline 0.9, Breach" with `separator` ", ".
        func words(_ svg: inout SVGWriter, separator: String) {
            svg.content(value)
            svg.content(separator)
            svg.content(metric.limit == .min ? "at least " : "at most ")
            svg.content(threshold)
            if let baseline {
                svg.content(separator)
                svg.content("baseline ")
                svg.content(baseline)
            }
            svg.content(separator)
            svg.content(breach ? "Breach" : "within limit")
        }
        svg.begin("g", ["class": breach ? "row row-breach" : "row"])
        svg.begin("title")
        svg.content(metric.name)
        svg.content(", ")
        svg.content(metric.group)
        svg.content(": ")
        words(&svg, separator: ", ")
        svg.end()
        svg.text("text", ["x": .n(labelX), "y": .n(y + 18), "fill": "currentColor", "font-weight": "600"],
                 ChartStyle.truncate(metric.group.isEmpty ? metric.name : "\(metric.name) — \(metric.group)", 54))
        svg.begin("text", ["x": .n(labelX), "y": .n(y + 36), "fill": breach ? "#9b1c1c" : "currentColor", "font-size": 12,
                           "font-weight": breach ? "700" : "400", "class": breach ? "words words-overdue" : "words"])
        words(&svg, separator: " · ")
        svg.end()
        svg.empty("line", ["x1": .n(x0), "y1": .n(y + 40), "x2": .n(x1), "y2": .n(y + 40), "stroke": "#d0d4da", "stroke-width": 1, "class": "grid"])
        let zero = x(0)
        let end = x(metric.value)
        svg.empty("rect", ["x": .n(min(zero, end)), "y": .n(y + 12), "width": .n(max(1, abs(end - zero))), "height": 22,
                           "fill": breach ? .pattern(prefix: prefix, name: .hatch) : "#5b6673", "stroke": breach ? "#9b1c1c" : "none",
                           "stroke-width": breach ? 2 : 0, "class": breach ? "bar bar-overdue" : "bar bar-value"])
        if let baseline = metric.baseline {
            svg.empty("path", ["d": .diamond(x: x(baseline), y: y + 23, r: 7), "fill": "#ffffff", "stroke": "#1b1f24",
                               "stroke-width": 2, "class": "baseline"])
        }
        let limitX = x(metric.threshold)
        svg.empty("line", ["x1": .n(limitX), "y1": .n(y + 6), "x2": .n(limitX), "y2": .n(y + 40), "stroke": "#1b1f24", "stroke-width": 3, "class": "threshold"])
        svg.text("text", ["x": .n(x0), "y": .n(y + 49), "fill": "currentColor", "font-size": 10, "class": "scale"], number(low))
        svg.text("text", ["x": .n(x1), "y": .n(y + 49), "fill": "currentColor", "font-size": 10, "text-anchor": "end", "class": "scale"], number(padded))
        svg.end()
    }

    /// The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten at or above `value`: a round scale end.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where step * power >= value - 1e-12 {
            return step * power
        }
        return 10 * power
    }

    /// Up to three decimals, trailing zeros dropped: `0.8`, `0.021`, `12`.
    /// A value too large for that (a typo such as `1e300` in a document) is
    /// written as Swift writes it, `1e+300`, rather than overflowing.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        return DecimalText.string(scaled: Int((value * 1000).rounded()), decimals: 3)
    }
}
