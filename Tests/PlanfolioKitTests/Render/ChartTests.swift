import Testing
@testable import PlanfolioKit

@Suite struct ChartTests {
    typealias F = ComputeFixtures
    static let hostile = "<script>alert('x')</script> & \"quoted\""

    func hostilePlan() -> (Document, PlanStatus) {
        var plan = F.plan(phases: [
            F.phase(Self.hostile, start: "2026-10-01", deadline: "2026-11-01", status: .inProgress),
            F.phase("Ship", deadline: "2026-12-01"),
        ])
        plan.plan?.interventions = [Intervention(number: 1, name: Self.hostile, targetDate: F.day("2026-11-15"), estimatedDuration: "2 weeks", line: 20)]
        let status = F.compute([plan]).0.plans["RP-1"]!
        return (plan, status)
    }

    @Test func planTimelineEscapesTextAndHasNoStyleOrScript() throws {
        let (plan, status) = hostilePlan()
        let svg = try #require(PlanTimelineChart.svg(plan: plan, status: status, today: F.day("2026-11-25"))?.text)
        #expect(!svg.contains("style="))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"tl-RP-1-title tl-RP-1-desc\""))
        #expect(svg.contains("<title id=\"tl-RP-1-title\">Timeline of RP-1</title>"))
    }

    @Test func overduePhaseIsHatchedAndSaysSoInWords() throws {
        let (plan, status) = hostilePlan()
        let svg = try #require(PlanTimelineChart.svg(plan: plan, status: status, today: F.day("2026-11-25"))?.text)
        #expect(status.phases[0].overdue)
        #expect(svg.contains("<pattern id=\"tl-RP-1-hatch\""))
        #expect(svg.contains("fill=\"url(#tl-RP-1-hatch)\""))
        #expect(svg.contains(">Overdue<"))
        #expect(svg.contains("Overdue by 24 days"))
        #expect(svg.contains("Today 2026-11-25"))
    }

    @Test func planWithoutDatesHasNoChart() {
        var plan = F.plan(phases: [F.phase("Undated", deadline: nil)])
        plan.date = nil
        let status = F.compute([plan]).0.plans["RP-1"]!
        #expect(PlanTimelineChart.svg(plan: plan, status: status, today: F.day("2026-11-25"))?.text == nil)
    }

    @Test func portfolioTimelineEscapesAndMarksOverdue() throws {
        let (plan, status) = hostilePlan()
        let svg = try #require(PortfolioTimelineChart.svg(groups: [(system: "<b>System</b>", entries: [.init(plan: plan, status: status)])],
                                                          today: F.day("2026-11-25"))?.text)
        #expect(!svg.contains("style="))
        #expect(!svg.contains("<script") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;b&gt;System&lt;/b&gt;"))
        #expect(svg.contains("Overdue by 24 days"))
        #expect(svg.contains("url(#ptl-hatch)"))
    }

    @Test func metricChartEscapesAndMarksBreaches() throws {
        var assessment = F.review("FAF-2026-01-001", kind: .assessment)
        assessment.metrics = [
            Metric(name: Self.hostile, group: "<i>g</i>", value: 0.7, threshold: 0.8, baseline: 0.9, limit: .min, line: 3),
            Metric(name: "gap", group: "all", value: 0.01, threshold: 0.05, baseline: nil, limit: .max, line: 4),
        ]
        let svg = try #require(MetricChart.svg(document: assessment, breaches: [0])?.text)
        #expect(!svg.contains("style=") && !svg.contains("<script") && !svg.contains("<i>"))
        #expect(svg.contains("&lt;i&gt;g&lt;/i&gt;"))
        #expect(svg.contains("0.7 · at least 0.8 · baseline 0.9 · Breach"))
        #expect(svg.contains("0.01 · at most 0.05 · within limit"))
    }

    /// A document's numbers are untrusted: a typo such as `1e300` must give
    /// a chart, not an `Int` overflow trap (it crashed the build before).
    @Test func hugeMetricValuesDrawWithoutOverflow() throws {
        var assessment = F.review("FAF-2026-01-001", kind: .assessment)
        assessment.metrics = [
            Metric(name: "ratio", group: "a", value: 1e300, threshold: 1e308, baseline: -1e300, limit: .min, line: 3),
            Metric(name: "gap", group: "b", value: -.greatestFiniteMagnitude, threshold: .greatestFiniteMagnitude, baseline: nil, limit: .max, line: 4),
            Metric(name: "count", group: "c", value: 9.3e15, threshold: 1e16, baseline: 9.2e18, limit: .max, line: 5),
        ]
        let svg = try #require(MetricChart.svg(document: assessment, breaches: [0])?.text)
        #expect(svg.contains("1e+300 · at least 1e+308 · baseline -1e+300 · Breach"))
        #expect(svg.contains("9.3e+15 · at most 1e+16"))
        #expect(SVGValue.format(1e300) == "100000000000000" && SVGValue.format(-1e300) == "-100000000000000")
    }

    @Test func sameInputSameBytes() {
        let (plan, status) = hostilePlan()
        let a = PlanTimelineChart.svg(plan: plan, status: status, today: F.day("2026-11-25"))?.text
        let b = PlanTimelineChart.svg(plan: plan, status: status, today: F.day("2026-11-25"))?.text
        #expect(a != nil && a == b)
    }

    @Test(arguments: [(0.0, "0"), (-0.04, "0"), (12.0, "12"), (1.25, "1.3"), (-3.46, "-3.5"), (0.1, "0.1")])
    func svgNumbers(value: Double, text: String) {
        #expect(SVGValue.format(value) == text)
    }

    @Test(arguments: [(0.8, "0.8"), (0.081, "0.081"), (2.1, "2.1"), (-0.0204, "-0.02"), (12.0, "12"), (0.0004, "0")])
    func metricNumbers(value: Double, text: String) {
        #expect(MetricChart.number(value) == text)
    }

    @Test(arguments: [(0.97, 1.0), (1.01, 1.2), (0.085, 0.1), (0.031, 0.04), (2.3, 2.5), (0.0, 1.0)])
    func niceCeilings(value: Double, nice: Double) {
        #expect(abs(MetricChart.niceCeiling(value) - nice) < 1e-9)
    }

    @Test func timeAxisSpansWholeMonthsAndLabelsYears() throws {
        let axis = try #require(TimeAxis(days: [F.day("2026-11-20"), F.day("2027-02-03")], x0: 0, x1: 1000))
        #expect(axis.first == F.day("2026-11-01"))
        #expect(axis.end == F.day("2027-03-01"))
        #expect(axis.x(axis.first) == 0)
        #expect(axis.x(axis.end) == 1000)
        #expect(axis.months.map(\.label) == ["Nov 2026", "Dec", "Jan 2027", "Feb"])
    }
}
