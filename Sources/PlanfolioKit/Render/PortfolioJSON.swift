/// `portfolio.json` (spec section 8): every document's metadata and computed
/// status, for other tools.
///
/// Keys are written in the order the spec lists them; documents sorted by
/// kind, then id; dates as `YYYY-MM-DD` strings; absent values `null`.
/// `docs/portfolio.schema.json` describes the result and a test checks the
/// sample's file against it. Where Compute gave no status for a document
/// (a build that did not run it), the computed fields are `null` and a
/// plan's phases are listed as written, none overdue or due soon.
public enum PortfolioJSON {
    public static func value(portfolio: Portfolio, status: PortfolioStatus, generator: String) -> JSONValue {
        let documents = portfolio.documents.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        return .object([
            ("generator", .string(generator)),
            ("today", .day(status.today)),
            ("documents", .array(ConcurrentMap.map(documents) { document(for: $0, portfolio: portfolio, status: status) })),
            ("systems", .array(portfolio.systems.map { system in
                .object([
                    ("name", .string(system.name)),
                    ("slug", .string(system.slug)),
                    ("documents", .array(system.documentIDs.map { .string($0) })),
                ])
            })),
        ])
    }

    public static func text(portfolio: Portfolio, status: PortfolioStatus, generator: String) -> String {
        value(portfolio: portfolio, status: status, generator: generator).pretty()
    }

    static func document(for document: Document, portfolio: Portfolio, status: PortfolioStatus) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(document.id)),
            ("kind", .string(document.kind.rawValue)),
            ("title", .string(document.title)),
            ("system", .string(document.system)),
            ("date", .day(document.date)),
            ("updated", .day(document.updated)),
            ("owner", .string(document.owner)),
            ("tags", .array(document.tags.map { .string($0) })),
            ("source", .string(document.source)),
            ("url", .string(document.url)),
            ("references", .object([
                ("assessment", .string(document.references.assessment?.value)),
                ("investigation", .string(document.references.investigation?.value)),
                ("supersedes", .string(document.references.supersedes?.value)),
            ])),
            ("referencedBy", .array((portfolio.referencedBy[document.id] ?? []).sorted().map { .string($0) })),
        ]
        switch document.kind {
        case .plan:
            let plan = status.plans[document.id]
            let sections = document.plan ?? PlanSections()
            members.append(("lifecycle", .string(plan?.lifecycle.rawValue)))
            members.append(("approval", plan.map { approval($0.approval) } ?? .null))
            let phases: [JSONValue]
            if let plan {
                phases = plan.phases.map { phase($0.phase, start: $0.start, overdue: $0.overdue, dueSoon: $0.dueSoon) }
            } else {
                phases = sections.phases.map { phase($0, start: $0.start, overdue: false, dueSoon: false) }
            }
            members.append(("phases", .array(phases)))
            members.append(("interventions", .array(sections.interventions.map { intervention in
                .object([
                    ("number", .int(intervention.number)),
                    ("name", .string(intervention.name)),
                    ("targetDate", .day(intervention.targetDate)),
                    ("estimatedDuration", .string(intervention.estimatedDuration)),
                ])
            })))
            members.append(("validationPeriod", .string(sections.validationPeriod)))
        case .assessment, .investigation:
            let review = status.reviews[document.id]
            members.append(("open", review.map { .bool($0.open) } ?? .null))
            members.append(("metrics", .array(document.metrics.map { metric in
                .object([
                    ("name", .string(metric.name)),
                    ("group", .string(metric.group)),
                    ("value", .double(metric.value)),
                    ("threshold", .double(metric.threshold)),
                    ("baseline", metric.baseline.map { .double($0) } ?? .null),
                    ("limit", .string(metric.limit.rawValue)),
                    ("breach", .bool(metric.isBreach)),
                ])
            })))
        }
        return .object(members)
    }

    static func approval(_ approval: ApprovalStatus) -> JSONValue {
        .object([
            ("state", .string(approval.state.rawValue)),
            ("signed", .int(approval.signed)),
            ("required", .int(approval.required)),
            ("stale", .bool(approval.stale)),
            ("roles", .array(approval.roles.map { role in
                .object([
                    ("role", .string(role.role)),
                    ("name", .string(role.name.isEmpty ? nil : role.name)),
                    ("signature", .string(role.signature.isEmpty ? nil : role.signature)),
                    ("date", .day(role.date)),
                    ("required", .bool(role.required)),
                    ("signed", .bool(role.signed)),
                    ("stale", .bool(role.stale)),
                ])
            })),
        ])
    }

    static func phase(_ phase: Phase, start: Day?, overdue: Bool, dueSoon: Bool) -> JSONValue {
        .object([
            ("name", .string(phase.name)),
            ("start", .day(start)),
            ("deadline", .day(phase.deadline)),
            ("status", .string(phase.status.rawValue)),
            ("owner", .string(phase.owner.isEmpty ? nil : phase.owner)),
            ("overdue", .bool(overdue)),
            ("dueSoon", .bool(dueSoon)),
        ])
    }
}
