import Testing
@testable import PlanfolioKit

@Suite struct DayTests {
    @Test(arguments: ["2026-9-7", "2026-06-31", "2026-02-29", "26-01-01", "2026/01/01", "2026-13-01", "2026-00-10", " 2026-01-01", "2026-01-01T00:00"])
    func rejectsWhatIsNotExactlyARealDate(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func acceptsRealDates() {
        #expect(Day("2024-02-29")?.description == "2024-02-29")
        #expect(Day("2026-11-25")?.description == "2026-11-25")
    }

    @Test func arithmeticRoundTrips() {
        let day = Day("2026-11-25")!
        #expect(day.adding(days: 14).description == "2026-12-09")
        #expect(day.adding(days: -366).description == "2025-11-24")
        #expect(Day(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(day.days(until: Day("2027-01-01")!) == 37)
    }

    @Test func sourceDateEpochCountsWholeDaysInUTC() {
        #expect(Day(unixSeconds: 1_795_651_199).description == "2026-11-25")  // 2026-11-25T23:59:59Z
        #expect(Day(unixSeconds: 1_795_651_200).description == "2026-11-26")
    }
}
