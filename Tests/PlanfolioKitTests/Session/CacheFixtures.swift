import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// Documents and comparisons for the build session's tests.
enum CacheFixtures {
    static func day(_ text: String) -> Day {
        guard let day = Day(text) else { preconditionFailure("bad test date \(text)") }
        return day
    }

    static let body = MarkdownNode(.document, children: [MarkdownNode(.paragraph, children: [MarkdownNode(.text, literal: "Body text.")])])

    /// A plan with every field of `Document` (and of everything it holds) set to something other than its default.
    static func fullDocument() -> Document {
        var document = Document(id: "RP-2026-042", kind: .plan, title: "Fix the scorer — “ü” ✓", source: "plans/RP-2026-042.md",
                                displayPath: "Plans/plans/RP-2026-042.md", body: body)
        document.system = "Credit Scorer"
        document.date = day("2026-01-15")
        document.updated = day("2026-02-28")
        document.owner = "Risk Team"
        document.status = Located("in progress", line: 7)
        document.tags = ["fairness", "", "日本語"]
        document.references = References(assessment: Located("FAF-2026-01-001", line: 4), investigation: Located("DIR-2026-003", line: 5),
                                          supersedes: Located("RP-2025-009", line: 6))
        document.metrics = [
            Metric(name: "Demographic parity ratio", group: "Age 60+", value: 0.72, threshold: 0.8, baseline: 0.65, limit: .min, line: 12),
            Metric(name: "Equalized odds gap", group: "Women", value: -0.0, threshold: .infinity, baseline: nil, limit: .max, line: 13),
        ]
        document.extra = [
            (key: "reviewer", value: .string("Ana\u{0}B")),
            (key: "links", value: .list([.string("a"), .list([]), .map([(key: "k", value: .string("v"))])])),
            (key: "nested", value: .map([(key: "inner", value: .list([.string("x"), .string("y")])), (key: "empty", value: .map([]))])),
        ]
        document.idLine = 3
        var plan = PlanSections()
        plan.phases = [
            Phase(name: "Analyse", activities: "Read the data", deliverable: "Report", start: day("2026-01-20"), deadline: day("2026-02-10"),
                  owner: "Ana", status: .inProgress, line: 30),
            Phase(name: "Ship", activities: "", deliverable: "", start: nil, deadline: nil, owner: "", status: .blocked, line: 31),
        ]
        plan.responsibilities = [Responsibility(role: "Lead", nameOrTeam: "Ana", responsibility: "Everything", line: 40)]
        plan.interventions = [
            Intervention(number: 1, name: "Reweigh", targetDate: day("2026-03-01"), estimatedDuration: "2 weeks", line: 50, description: "Reweigh the training set."),
            Intervention(number: 2, name: "Threshold", targetDate: nil, estimatedDuration: nil, line: 55, description: nil),
        ]
        plan.validationPeriod = "30 days"
        plan.approvals = [
            ApprovalRow(role: "Model Owner", name: "Ben", signature: "B.", date: day("2026-01-16"), dateText: "2026-01-16", line: 60),
            ApprovalRow(role: "Ethics", name: "", signature: "", date: nil, dateText: "soon", line: 61),
        ]
        plan.hasApprovalTable = true
        document.plan = plan
        return document
    }

    /// Every field of `a` and `b` but the body, recorded as an issue when they differ (`Document` is not `Equatable`).
    static func expectSameFace(_ a: Document, _ b: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        func check(_ same: Bool, _ field: String) {
            #expect(same, "field \(field) differs", sourceLocation: sourceLocation)
        }
        check(a.id == b.id, "id")
        check(a.kind == b.kind, "kind")
        check(a.title == b.title, "title")
        check(a.system == b.system, "system")
        check(a.date == b.date, "date")
        check(a.updated == b.updated, "updated")
        check(a.owner == b.owner, "owner")
        check(a.status == b.status, "status")
        check(a.tags == b.tags, "tags")
        check(a.references == b.references, "references")
        // By bit pattern: NaN is not equal to itself, and -0.0 is equal to 0.0.
        check(a.metrics.count == b.metrics.count, "metrics.count")
        for (x, y) in zip(a.metrics, b.metrics) {
            check(x.name == y.name && x.group == y.group && x.limit == y.limit && x.line == y.line, "metric \(x.name)")
            check(x.value.bitPattern == y.value.bitPattern && x.threshold.bitPattern == y.threshold.bitPattern, "metric \(x.name) numbers")
            check(x.baseline?.bitPattern == y.baseline?.bitPattern, "metric \(x.name) baseline")
        }
        check(a.extra.map(\.key) == b.extra.map(\.key) && a.extra.map(\.value) == b.extra.map(\.value), "extra")
        check(a.source == b.source, "source")
        check(a.displayPath == b.displayPath, "displayPath")
        check(a.idLine == b.idLine, "idLine")
        check(a.plan == b.plan, "plan")
    }
}
