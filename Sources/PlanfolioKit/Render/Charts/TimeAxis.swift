/// Maps days to x positions over whole months, with month ticks: the shared
/// horizontal scale of the plan and portfolio timelines.
struct TimeAxis {
    /// The first day of the first month shown.
    let first: Day
    /// The first day of the month after the last month shown.
    let end: Day
    let x0: Double
    let x1: Double

    /// Nil when there is no day to show.
    init?(days: [Day], x0: Double, x1: Double) {
        guard let low = days.min(), let high = days.max() else { return nil }
        guard let first = Day(year: low.year, month: low.month, day: 1) else { return nil }
        let nextMonth = high.month == 12 ? (high.year + 1, 1) : (high.year, high.month + 1)
        guard let end = Day(year: nextMonth.0, month: nextMonth.1, day: 1) else { return nil }
        self.first = first
        self.end = end
        self.x0 = x0
        self.x1 = x1
    }

    func x(_ day: Day) -> Double {
        let span = Double(max(1, first.days(until: end)))
        return x0 + (x1 - x0) * Double(first.days(until: day)) / span
    }

    /// At most this many grid lines, whatever the span: a timeline from a
    /// typo such as `0001-01-01` to `9999-11-30` has 119,987 months, and a
    /// line each would make an 11 MB page.
    static let maximumTicks = 120
    /// Months between grid lines, the first that keeps to `maximumTicks`:
    /// every month, quarters, half years, then years and their multiples
    /// (those ticks on January).
    static let tickSpans = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000]

    /// The first day of each month that has a grid line (every month when
    /// they fit, see `tickSpans`), its x, and its label (`Jan 2027` at a
    /// year's start and at the left edge, else `Feb`; the year alone when
    /// ticks are a year or more apart); labels thinned when ticks are narrow.
    var months: [(day: Day, x: Double, label: String?)] {
        let firstIndex = first.year * 12 + first.month - 1
        let endIndex = end.year * 12 + end.month - 1
        let count = endIndex - firstIndex
        let span = Self.tickSpans.first { (count + $0 - 1) / $0 <= Self.maximumTicks } ?? Self.tickSpans[Self.tickSpans.count - 1]
        var ticks: [Day] = []
        var index = span == 1 ? firstIndex : (firstIndex + span - 1) / span * span
        while index < endIndex {
            if let day = Day(year: index / 12, month: index % 12 + 1, day: 1) { ticks.append(day) }
            index += span
        }
        let width = (x1 - x0) / Double(max(1, ticks.count))
        let step = max(1, Int((56 / width).rounded(.up)))
        return ticks.enumerated().map { number, month in
            let name = TimeAxis.monthNames[month.month - 1]
            var label: String?
            if number % step == 0 {
                label = span >= 12 ? "\(month.year)" : (number == 0 || month.month == 1) ? "\(name) \(month.year)" : name
            }
            return (month, x(month), label)
        }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
