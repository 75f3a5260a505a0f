import Testing
@testable import PlanfolioKit

/// The digit-by-digit number and date texts against the interpolating
/// versions they replaced (kept here as the reference), on many inputs.
@Suite struct DecimalTextTests {
    /// `SVGValue.format` before `DecimalText`, with coordinates held within ±10^15 tenths (as since c8b8f04).
    static func referenceSVGNumber(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int(min(max((value * 10).rounded(), -1e15), 1e15))
        if tenths == 0 { return "0" }
        let magnitude = tenths.magnitude
        var out = tenths < 0 ? "-" : ""
        out += String(magnitude / 10)
        if magnitude % 10 != 0 {
            out += "."
            out += String(magnitude % 10)
        }
        return out
    }

    /// `MetricChart.number` before `DecimalText`; from 10^15 on, Swift's own text (as since c8b8f04).
    static func referenceMetricNumber(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `Day.description` before it wrote its ten bytes in place.
    static func referenceDay(_ day: Day) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(day.year, 4))-\(pad(day.month, 2))-\(pad(day.day, 2))"
    }

    /// Values around every rounding edge, both signs, small and large.
    static let values: [Double] = {
        var out: [Double] = [0, -0.0, .nan, .infinity, -.infinity, 1e9, -1e9, 1e15, -1e15, 123_456_789.987, .ulpOfOne, -.ulpOfOne]
        for step in -3000...3000 {
            let value = Double(step)
            out += [value * 0.01, value * 0.05, value * 0.0005, value * 0.00049, value * 0.0001 + 0.00005, value * 0.37, value * 13.31]
        }
        return out
    }()

    @Test func svgNumbersAreWrittenAsBefore() {
        for value in Self.values {
            #expect(SVGValue.format(value) == Self.referenceSVGNumber(value), "\(value)")
        }
    }

    @Test func svgNumbersAppendedAreTheFormattedText() {
        var buffer = ByteBuffer(capacity: 16)
        var expected = ""
        for value in Self.values.prefix(2000) {
            SVGValue.append(value, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            expected += Self.referenceSVGNumber(value) + ","
        }
        #expect(String(decoding: buffer.array, as: UTF8.self) == expected)
    }

    @Test func metricNumbersAreWrittenAsBefore() {
        for value in Self.values {
            #expect(MetricChart.number(value) == Self.referenceMetricNumber(value), "\(value)")
        }
    }

    @Test(arguments: [(0, 0, "0"), (-7, 0, "-7"), (Int.max, 0, "9223372036854775807"), (Int.min, 0, "-9223372036854775808"),
                      (Int.min, 3, "-9223372036854775.808"), (1, 18, "0.000000000000000001"), (-1200, 3, "-1.2"), (100, 2, "1")])
    func edges(scaled: Int, decimals: Int, text: String) {
        #expect(DecimalText.string(scaled: scaled, decimals: decimals) == text)
    }

    @Test func daysAreWrittenAsBefore() {
        // Every day of 1999-2031, and a sample from year -300 to past 9999 (the padded fallback).
        for days in 10_500...22_500 {
            let day = Day(daysSinceEpoch: days)
            #expect(day.description == Self.referenceDay(day))
        }
        for days in stride(from: -830_000, through: 3_000_000, by: 997) {
            let day = Day(daysSinceEpoch: days)
            #expect(day.description == Self.referenceDay(day), "\(days)")
        }
        #expect(Day(daysSinceEpoch: -800_000).description == Self.referenceDay(Day(daysSinceEpoch: -800_000)))
        #expect(Day(year: 7, month: 3, day: 9)?.description == "0007-03-09")
    }
}
