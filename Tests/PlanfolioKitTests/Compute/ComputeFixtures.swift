import PlanfolioMarkdown
@testable import PlanfolioKit

/// Small inline documents for Compute tests.
enum ComputeFixtures {
    static func day(_ text: String) -> Day {
        guard let day = Day(text) else { preconditionFailure("bad test date \(text)") }
        return day
    }

    static func row(_ role: String, _ name: String = "", _ signature: String = "", _ date: String = "", line: Int = 90) -> ApprovalRow {
        ApprovalRow(role: role, name: name, signature: signature, date: Day(date), dateText: date, line: line)
    }

    /// The template's four roles, each signed on `date`.
    static func signedRows(_ date: String = "2026-07-01") -> [ApprovalRow] {
        SiteConfig.templateRoles.enumerated().map { index, role in
            row(role, "Signer \(index)", "/s/ Signer \(index)", date, line: 90 + index)
        }
    }

    static func phase(_ name: String, start: String? = nil, deadline: String?, status: Phase.Status = .planned, line: Int = 50) -> Phase {
        Phase(name: name, start: start.flatMap { Day($0) }, deadline: deadline.flatMap { Day($0) }, owner: "Team", status: status, line: line)
    }

    static func plan(_ id: String = "RP-1", date: String? = "2026-01-01", updated: String? = nil,
                     phases: [Phase] = [], approvals: [ApprovalRow]? = nil, status: String? = nil,
                     assessment: String? = nil, investigation: String? = nil, supersedes: String? = nil) -> Document {
        var document = Document(id: id, kind: .plan, title: "Plan \(id)", source: "plans/\(id).md",
                                displayPath: "Plans/plans/\(id).md", body: MarkdownNode(.document))
        document.idLine = 3
        document.date = date.flatMap { Day($0) }
        document.updated = updated.flatMap { Day($0) }
        document.status = status.map { Located($0, line: 7) }
        document.references = References(assessment: assessment.map { Located($0, line: 8) },
                                         investigation: investigation.map { Located($0, line: 9) },
                                         supersedes: supersedes.map { Located($0, line: 10) })
        var sections = PlanSections()
        sections.phases = phases
        sections.approvals = approvals ?? signedRows()
        sections.hasApprovalTable = true
        document.plan = sections
        return document
    }

    static func review(_ id: String, kind: DocumentKind, assessment: String? = nil, metrics: [Metric] = [], status: String? = nil) -> Document {
        var document = Document(id: id, kind: kind, title: id, source: "\(kind.folder)/\(id).md",
                                displayPath: "Plans/\(kind.folder)/\(id).md", body: MarkdownNode(.document))
        document.references = References(assessment: assessment.map { Located($0, line: 5) })
        document.metrics = metrics
        document.status = status.map { Located($0, line: 6) }
        return document
    }

    static func metric(_ name: String, value: Double, threshold: Double, limit: Metric.Limit? = nil) -> Metric {
        Metric(name: name, group: "Group", value: value, threshold: threshold, baseline: nil,
               limit: limit ?? Metric.defaultLimit(forName: name), line: 12)
    }

    static func compute(_ documents: [Document], today: String = "2026-11-25", config: SiteConfig = SiteConfig())
        -> (PortfolioStatus, [Diagnostic]) {
        let (portfolio, _) = Linker.link(documents)
        return StatusComputer.compute(portfolio: portfolio, config: config, today: day(today))
    }
}
