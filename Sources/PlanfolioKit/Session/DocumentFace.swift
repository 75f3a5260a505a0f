import PlanfolioMarkdown

/// A parsed document without its Markdown tree: what every page but the
/// document's own reads of it.
///
/// Link, Compute and the site-wide pages never look at a body (only the
/// document's own page does; what `LinkedFiles`, the search index and the
/// prose linker take from it is collected when it is parsed:
/// `BuildSession.ParsedDocument`). So when an edit leaves a document's face
/// as it was, no other page of the site can change (`SitePlan.viewKey`
/// hashes it). The face is kept in the session (`SessionStore`) in
/// `RecordWriter`'s form, and the same document always gives the same bytes.
///
/// Every stored field of `Document` but `body` is written, the light part
/// (`decodeLight`) first; `DocumentFaceTests` fails when `Document` gains a
/// field this does not write.
enum DocumentFace {
    static func encode(_ document: Document) -> [UInt8] {
        var writer = RecordWriter(capacity: 1_024)
        encode(document, into: &writer)
        return writer.bytes
    }

    static func encode(_ document: Document, into writer: inout RecordWriter) {
        // The light part first (`decodeLight`): what locates the document and links it.
        writer.string(document.id)
        writer.string(document.kind.rawValue)
        writer.string(document.title)
        writer.optional(document.system) { $0.string($1) }
        writer.optional(document.owner) { $0.string($1) }
        writer.optional(document.references.assessment, located)
        writer.optional(document.references.investigation, located)
        writer.optional(document.references.supersedes, located)
        writer.string(document.source)
        writer.string(document.displayPath)
        writer.int(document.idLine)
        // The rest.
        writer.optional(document.date, day)
        writer.optional(document.updated, day)
        writer.optional(document.status, located)
        writer.array(document.tags) { $0.string($1) }
        writer.array(document.metrics, metric)
        writer.array(document.extra) { writer, entry in
            writer.string(entry.key)
            extra(&writer, entry.value)
        }
        writer.optional(document.plan, plan)
    }

    /// The document `encode` wrote, with `body` as its tree; nil (and `reader.failed`) when the bytes are not one.
    static func decode(_ reader: inout RecordReader, body: MarkdownNode) -> Document? {
        guard var document = decodeLight(&reader, body: body) else { return nil }
        let date = reader.optional(day) ?? nil
        let updated = reader.optional(day) ?? nil
        let status = reader.optional(located)
        let tags = reader.array { $0.string() }
        let metrics = reader.array(metric).compactMap { $0 }
        let extras = reader.array { reader -> (key: String, value: ExtraValue) in
            let key = reader.string()
            return (key, extra(&reader))
        }
        let plan = reader.optional(plan) ?? nil
        guard !reader.failed else { return nil }
        document.date = date
        document.updated = updated
        document.status = status
        document.tags = tags
        document.metrics = metrics
        document.extra = extras
        document.plan = plan
        return document
    }

    /// The light part of a face alone: id, kind, title, system, owner,
    /// references, source and id line, which are all that linking, the
    /// site's keys, the prose linker, the search index and the cards a page
    /// shows of other documents read. A session restored from disk holds
    /// its documents so until a stage needs more (`BuildSession.full`).
    static func decodeLight(_ reader: inout RecordReader, body: MarkdownNode) -> Document? {
        let id = reader.string()
        guard let kind = reader.enumeration(DocumentKind.self) else { return nil }
        let title = reader.string()
        let system = reader.optional { $0.string() }
        let owner = reader.optional { $0.string() }
        let references = References(assessment: reader.optional(located), investigation: reader.optional(located),
                                    supersedes: reader.optional(located))
        let source = reader.string()
        let displayPath = reader.string()
        let idLine = reader.int()
        guard !reader.failed else { return nil }
        var document = Document(id: id, kind: kind, title: title, source: source, displayPath: displayPath, body: body)
        document.system = system
        document.owner = owner
        document.references = references
        document.idLine = idLine
        return document
    }

    // MARK: The parts

    private static func day(_ writer: inout RecordWriter, _ day: Day) {
        writer.int(day.year)
        writer.int(day.month)
        writer.int(day.day)
    }

    private static func day(_ reader: inout RecordReader) -> Day? {
        let year = reader.int(), month = reader.int(), dayOfMonth = reader.int()
        guard let day = Day(year: year, month: month, day: dayOfMonth) else {
            reader.fail()
            return nil
        }
        return day
    }

    private static func located(_ writer: inout RecordWriter, _ value: Located<String>) {
        writer.string(value.value)
        writer.int(value.line)
    }

    private static func located(_ reader: inout RecordReader) -> Located<String> {
        let value = reader.string()
        return Located(value, line: reader.int())
    }

    private static func metric(_ writer: inout RecordWriter, _ metric: Metric) {
        writer.string(metric.name)
        writer.string(metric.group)
        writer.double(metric.value)
        writer.double(metric.threshold)
        writer.optional(metric.baseline) { $0.double($1) }
        writer.string(metric.limit.rawValue)
        writer.int(metric.line)
    }

    private static func metric(_ reader: inout RecordReader) -> Metric? {
        let name = reader.string(), group = reader.string()
        let value = reader.double(), threshold = reader.double()
        let baseline = reader.optional { $0.double() }
        guard let limit = reader.enumeration(Metric.Limit.self) else { return nil }
        return Metric(name: name, group: group, value: value, threshold: threshold, baseline: baseline, limit: limit, line: reader.int())
    }

    private static func extra(_ writer: inout RecordWriter, _ value: ExtraValue) {
        switch value {
        case .string(let string):
            writer.byte(0)
            writer.string(string)
        case .list(let list):
            writer.byte(1)
            writer.array(list, extra)
        case .map(let map):
            writer.byte(2)
            writer.array(map) { writer, entry in
                writer.string(entry.key)
                extra(&writer, entry.value)
            }
        }
    }

    private static func extra(_ reader: inout RecordReader) -> ExtraValue {
        switch reader.byte() {
        case 0: return .string(reader.string())
        case 1: return .list(reader.array(extra))
        case 2:
            return .map(reader.array { reader -> (key: String, value: ExtraValue) in
                let key = reader.string()
                return (key, extra(&reader))
            })
        default:
            reader.fail()
            return .string("")
        }
    }

    private static func plan(_ writer: inout RecordWriter, _ plan: PlanSections) {
        writer.array(plan.phases) { writer, phase in
            writer.string(phase.name)
            writer.string(phase.activities)
            writer.string(phase.deliverable)
            writer.optional(phase.start, day)
            writer.optional(phase.deadline, day)
            writer.string(phase.owner)
            writer.string(phase.status.rawValue)
            writer.int(phase.line)
        }
        writer.array(plan.responsibilities) { writer, row in
            writer.string(row.role)
            writer.string(row.nameOrTeam)
            writer.string(row.responsibility)
            writer.int(row.line)
        }
        writer.array(plan.interventions) { writer, intervention in
            writer.int(intervention.number)
            writer.string(intervention.name)
            writer.optional(intervention.targetDate, day)
            writer.optional(intervention.estimatedDuration) { $0.string($1) }
            writer.int(intervention.line)
            writer.optional(intervention.description) { $0.string($1) }
        }
        writer.optional(plan.validationPeriod) { $0.string($1) }
        writer.array(plan.approvals) { writer, row in
            writer.string(row.role)
            writer.string(row.name)
            writer.string(row.signature)
            writer.optional(row.date, day)
            writer.string(row.dateText)
            writer.int(row.line)
        }
        writer.bool(plan.hasApprovalTable)
    }

    private static func plan(_ reader: inout RecordReader) -> PlanSections? {
        var plan = PlanSections()
        plan.phases = reader.array { reader -> Phase in
            let name = reader.string(), activities = reader.string(), deliverable = reader.string()
            let start = reader.optional(day) ?? nil, deadline = reader.optional(day) ?? nil
            let owner = reader.string()
            let status = reader.enumeration(Phase.Status.self) ?? .planned
            return Phase(name: name, activities: activities, deliverable: deliverable, start: start, deadline: deadline,
                         owner: owner, status: status, line: reader.int())
        }
        plan.responsibilities = reader.array { reader -> Responsibility in
            let role = reader.string(), nameOrTeam = reader.string(), responsibility = reader.string()
            return Responsibility(role: role, nameOrTeam: nameOrTeam, responsibility: responsibility, line: reader.int())
        }
        plan.interventions = reader.array { reader -> Intervention in
            let number = reader.int(), name = reader.string()
            let targetDate = reader.optional(day) ?? nil
            let duration = reader.optional { $0.string() }
            let line = reader.int()
            return Intervention(number: number, name: name, targetDate: targetDate, estimatedDuration: duration, line: line,
                                description: reader.optional { $0.string() })
        }
        plan.validationPeriod = reader.optional { $0.string() }
        plan.approvals = reader.array { reader -> ApprovalRow in
            let role = reader.string(), name = reader.string(), signature = reader.string()
            let date = reader.optional(day) ?? nil
            let dateText = reader.string()
            return ApprovalRow(role: role, name: name, signature: signature, date: date, dateText: dateText, line: reader.int())
        }
        plan.hasApprovalTable = reader.bool()
        return reader.failed ? nil : plan
    }
}
