import PropertyBased
import Testing
@testable import PlanfolioKit

/// The timeline axis draws a bounded number of grid lines whatever dates a
/// plan gives, so a typo such as `0001-01-01` cannot make a page of megabytes.
@Suite struct TimeAxisTests {
    typealias F = ComputeFixtures

    @Test func theWidestSpanHasYearTicksOnJanuaryWithinTheBudget() throws {
        let axis = try #require(TimeAxis(days: [F.day("0001-01-01"), F.day("9999-11-30")], x0: 300, x1: 944))
        let months = axis.months
        #expect(!months.isEmpty && months.count <= TimeAxis.maximumTicks)
        #expect(months.allSatisfy { $0.day.month == 1 && $0.day.day == 1 })
        #expect(months.compactMap(\.label).allSatisfy { Int($0) != nil }, "year labels")
    }

    @Test func aPlanFromYearOneToYear9999HasASmallChart() throws {
        let plan = F.plan(phases: [
            F.phase("Design", start: "0001-01-01", deadline: "2026-08-28", status: .done),
            F.phase("Deploy", deadline: "9999-11-30"),
        ])
        let status = try #require(F.compute([plan]).0.plans["RP-1"])
        let svg = try #require(PlanTimelineChart.svg(plan: plan, status: status, today: F.day("2026-12-01"))?.text)
        let gridLines = svg.components(separatedBy: "class=\"grid\"").count - 1
        #expect(gridLines <= TimeAxis.maximumTicks + 1)
        #expect(svg.utf8.count < 64 * 1024, "\(svg.utf8.count) bytes")
    }

    static let day = zip(Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...28)).map { Day(year: $0, month: $1, day: $2)! }

    @Test func ticksAreFewSortedAndInsideTheAxisForAnyDates() async {
        await propertyCheck(count: 300, input: Self.day.array(of: 1...6)) { days in
            guard let axis = TimeAxis(days: days, x0: 300, x1: 944) else {
                // Only a span reaching past 9999-12 has no axis (no month after it).
                #expect(days.contains { $0.year == 9999 && $0.month == 12 })
                return
            }
            let months = axis.months
            #expect(months.count <= TimeAxis.maximumTicks)
            #expect(zip(months, months.dropFirst()).allSatisfy { $0.day < $1.day })
            #expect(months.allSatisfy { $0.day >= axis.first && $0.day < axis.end && $0.x >= 300 && $0.x <= 944 })
            let spanMonths = (axis.end.year - axis.first.year) * 12 + axis.end.month - axis.first.month
            if spanMonths <= TimeAxis.maximumTicks { #expect(months.count == spanMonths, "every month when they fit") }
        }
    }
}
