/// `portfolio.json` (spec section 8): every document's metadata and computed
/// status, for other tools.
///
/// Keys are written in the order the spec lists them; documents sorted by
/// kind, then id; dates as `YYYY-MM-DD` strings; absent values `null`.
/// `docs/portfolio.schema.json` describes the result and a test checks the
/// sample's file against it. Where Compute gave no status for a document
/// (a build that did not run it), the computed fields are `null` and a
/// plan's phases are listed as written, none overdue or due soon.
///
/// Written straight into bytes with `JSONWriter` (no `JSONValue` tree: at
/// 20,000 documents building and freeing the tree cost as much as writing
/// it), each document on its own core and joined in order.
public enum PortfolioJSON {
    /// The file's text: pretty, with a final line break.
    public static func text(portfolio: Portfolio, status: PortfolioStatus, generator: String, pretty: Bool = true) -> String {
        String(decoding: bytes(portfolio: portfolio, status: status, generator: generator, pretty: pretty), as: UTF8.self)
    }

    /// The file's UTF-8, as `text` (the final line break only when pretty).
    public static func bytes(portfolio: Portfolio, status: PortfolioStatus, generator: String, pretty: Bool = true) -> [UInt8] {
        let documents = portfolio.documents.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        // Each document is written at the level it stands at: in the
        // top-level object's "documents" array.
        let parts = ConcurrentMap.map(documents) { document in
            var part = JSONWriter(pretty: pretty, level: 2, capacity: 4_096)
            write(document, portfolio: portfolio, status: status, to: &part)
            return part.bytes
        }
        var writer = JSONWriter(pretty: pretty, capacity: parts.reduce(4_096) { $0 + $1.count + 8 })
        writer.object { writer in
            writer.key("generator")
            writer.string(generator)
            writer.key("today")
            writer.day(status.today)
            writer.key("documents")
            writer.array { writer in
                for part in parts { writer.fragment(part) }
            }
            writer.key("systems")
            writer.array { writer in
                for system in portfolio.systems {
                    writer.object { writer in
                        writer.key("name")
                        writer.string(system.name)
                        writer.key("slug")
                        writer.string(system.slug)
                        writer.key("documents")
                        writer.array { writer in
                            for id in system.documentIDs { writer.string(id) }
                        }
                    }
                }
            }
        }
        if pretty { writer.raw("\n") }
        return writer.bytes
    }

    static func write(_ document: Document, portfolio: Portfolio, status: PortfolioStatus, to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("id")
            writer.string(document.id)
            writer.key("kind")
            writer.string(document.kind.rawValue)
            writer.key("title")
            writer.string(document.title)
            writer.key("system")
            writer.string(document.system)
            writer.key("date")
            writer.day(document.date)
            writer.key("updated")
            writer.day(document.updated)
            writer.key("owner")
            writer.string(document.owner)
            writer.key("tags")
            writer.array { writer in
                for tag in document.tags { writer.string(tag) }
            }
            writer.key("source")
            writer.string(document.source)
            writer.key("url")
            writer.string(document.url)
            writer.key("references")
            writer.object { writer in
                writer.key("assessment")
                writer.string(document.references.assessment?.value)
                writer.key("investigation")
                writer.string(document.references.investigation?.value)
                writer.key("supersedes")
                writer.string(document.references.supersedes?.value)
            }
            writer.key("referencedBy")
            writer.array { writer in
                for id in (portfolio.referencedBy[document.id] ?? []).sorted() { writer.string(id) }
            }
            switch document.kind {
            case .plan:
                let plan = status.plans[document.id]
                let sections = document.plan ?? PlanSections()
                writer.key("lifecycle")
                writer.string(plan?.lifecycle.rawValue)
                writer.key("approval")
                if let plan {
                    write(plan.approval, to: &writer)
                } else {
                    writer.null()
                }
                writer.key("phases")
                writer.array { writer in
                    if let plan {
                        for phase in plan.phases {
                            write(phase.phase, start: phase.start, overdue: phase.overdue, dueSoon: phase.dueSoon, to: &writer)
                        }
                    } else {
                        for phase in sections.phases {
                            write(phase, start: phase.start, overdue: false, dueSoon: false, to: &writer)
                        }
                    }
                }
                writer.key("interventions")
                writer.array { writer in
                    for intervention in sections.interventions {
                        writer.object { writer in
                            writer.key("number")
                            writer.int(intervention.number)
                            writer.key("name")
                            writer.string(intervention.name)
                            writer.key("targetDate")
                            writer.day(intervention.targetDate)
                            writer.key("estimatedDuration")
                            writer.string(intervention.estimatedDuration)
                        }
                    }
                }
                writer.key("validationPeriod")
                writer.string(sections.validationPeriod)
            case .assessment, .investigation:
                writer.key("open")
                if let review = status.reviews[document.id] {
                    writer.bool(review.open)
                } else {
                    writer.null()
                }
                writer.key("metrics")
                writer.array { writer in
                    for metric in document.metrics {
                        writer.object { writer in
                            writer.key("name")
                            writer.string(metric.name)
                            writer.key("group")
                            writer.string(metric.group)
                            writer.key("value")
                            writer.double(metric.value)
                            writer.key("threshold")
                            writer.double(metric.threshold)
                            writer.key("baseline")
                            if let baseline = metric.baseline {
                                writer.double(baseline)
                            } else {
                                writer.null()
                            }
                            writer.key("limit")
                            writer.string(metric.limit.rawValue)
                            writer.key("breach")
                            writer.bool(metric.isBreach)
                        }
                    }
                }
            }
        }
    }

    static func write(_ approval: ApprovalStatus, to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("state")
            writer.string(approval.state.rawValue)
            writer.key("signed")
            writer.int(approval.signed)
            writer.key("required")
            writer.int(approval.required)
            writer.key("stale")
            writer.bool(approval.stale)
            writer.key("roles")
            writer.array { writer in
                for role in approval.roles {
                    writer.object { writer in
                        writer.key("role")
                        writer.string(role.role)
                        writer.key("name")
                        writer.string(role.name.isEmpty ? nil : role.name)
                        writer.key("signature")
                        writer.string(role.signature.isEmpty ? nil : role.signature)
                        writer.key("date")
                        writer.day(role.date)
                        writer.key("required")
                        writer.bool(role.required)
                        writer.key("signed")
                        writer.bool(role.signed)
                        writer.key("stale")
                        writer.bool(role.stale)
                    }
                }
            }
        }
    }

    static func write(_ phase: Phase, start: Day?, overdue: Bool, dueSoon: Bool, to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("name")
            writer.string(phase.name)
            writer.key("start")
            writer.day(start)
            writer.key("deadline")
            writer.day(phase.deadline)
            writer.key("status")
            writer.string(phase.status.rawValue)
            writer.key("owner")
            writer.string(phase.owner.isEmpty ? nil : phase.owner)
            writer.key("overdue")
            writer.bool(overdue)
            writer.key("dueSoon")
            writer.bool(dueSoon)
        }
    }
}
