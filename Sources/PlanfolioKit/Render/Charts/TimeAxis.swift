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

    /// Each month's first day, its x, and its label (`Jan 2027` at a year's
    /// start and at the left edge, else `Feb`); labels thinned when months are narrow.
    var months: [(day: Day, x: Double, label: String?)] {
        var out: [(Day, Double, String?)] = []
        var day = first
        var index = 0
        var all: [Day] = []
        while day < end {
            all.append(day)
            day = day.month == 12 ? Day(year: day.year + 1, month: 1, day: 1) ?? end : Day(year: day.year, month: day.month + 1, day: 1) ?? end
        }
        let width = (x1 - x0) / Double(max(1, all.count))
        let step = max(1, Int((56 / width).rounded(.up)))
        for month in all {
            let name = TimeAxis.monthNames[month.month - 1]
            var label: String?
            if index % step == 0 {
                label = (index == 0 || month.month == 1) ? "\(name) \(month.year)" : name
            }
            out.append((month, x(month), label))
            index += 1
        }
        return out
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
