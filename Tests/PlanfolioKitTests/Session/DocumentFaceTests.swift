import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// `DocumentFace`: a document's face comes back whole, the same face is the
/// same bytes, and any change to it changes them (the incremental rebuild
/// trusts "same bytes" to mean "no other page can change").
@Suite struct DocumentFaceTests {
    static func decode(_ bytes: [UInt8], body: MarkdownNode = MarkdownNode(.document)) -> Document? {
        var reader = RecordReader(bytes)
        let document = DocumentFace.decode(&reader, body: body)
        #expect(reader.isAtEnd || document == nil, "a face is read to its last byte")
        return document
    }

    @Test func everyFieldRoundTrips() throws {
        let document = CacheFixtures.fullDocument()
        let body = MarkdownNode(.document, children: [MarkdownNode(.paragraph)])
        let decoded = try #require(Self.decode(DocumentFace.encode(document), body: body))
        CacheFixtures.expectSameFace(document, decoded)
        #expect(decoded.body == body, "the body is the one given to decode, not stored")
        #expect(DocumentFace.encode(decoded) == DocumentFace.encode(document))
    }

    @Test func anEmptyDocumentRoundTrips() throws {
        for kind in DocumentKind.allCases {
            let document = Document(id: "", kind: kind, title: "", source: "", displayPath: "", body: MarkdownNode(.document))
            let decoded = try #require(Self.decode(DocumentFace.encode(document)))
            CacheFixtures.expectSameFace(document, decoded)
        }
    }

    @Test func specialNumbersRoundTripBitForBit() throws {
        var document = CacheFixtures.fullDocument()
        document.metrics = [Metric(name: "m", group: "g", value: .nan, threshold: -.infinity, baseline: -0.0, limit: .max, line: Int.max),
                            Metric(name: "n", group: "", value: Double(bitPattern: 0x7FF4_0000_0000_0001), threshold: 0, baseline: .nan,
                                   limit: .min, line: 0)]
        document.idLine = Int.min
        document.plan?.interventions[0].number = Int.max
        let decoded = try #require(Self.decode(DocumentFace.encode(document)))
        CacheFixtures.expectSameFace(document, decoded)
    }

    @Test func theSameDocumentGivesTheSameBytes() {
        let first = DocumentFace.encode(CacheFixtures.fullDocument())
        let second = DocumentFace.encode(CacheFixtures.fullDocument())
        #expect(first == second)
        #expect(first.count > 100)
        // Into a writer that already holds something: the same bytes after it.
        var writer = RecordWriter()
        writer.string("before")
        DocumentFace.encode(CacheFixtures.fullDocument(), into: &writer)
        #expect(Array(writer.bytes.suffix(first.count)) == first)
    }

    /// One change per stored field (and per field of what it holds), each to a value the fixture does not have.
    static let changes: [(String, @Sendable (inout Document) -> Void)] = [
        ("id", { $0.id = "RP-2026-043" }),
        ("kind", { $0.kind = .investigation }),
        ("title", { $0.title += "!" }),
        ("system", { $0.system = nil }),
        ("system text", { $0.system = "Credit scorer" }),
        ("date", { $0.date = CacheFixtures.day("2026-01-16") }),
        ("date nil", { $0.date = nil }),
        ("updated", { $0.updated = CacheFixtures.day("2027-02-28") }),
        ("owner", { $0.owner = "" }),
        ("status", { $0.status?.value = "completed" }),
        ("status line", { $0.status?.line = 8 }),
        ("status nil", { $0.status = nil }),
        ("tags", { $0.tags.removeLast() }),
        ("tags order", { $0.tags.swapAt(0, 2) }),
        ("assessment", { $0.references.assessment?.value = "FAF-2026-01-002" }),
        ("assessment line", { $0.references.assessment?.line = 40 }),
        ("investigation", { $0.references.investigation = nil }),
        ("supersedes", { $0.references.supersedes?.value = "RP-2025-010" }),
        ("metric name", { $0.metrics[0].name = "Parity ratio" }),
        ("metric group", { $0.metrics[0].group = "Age 61+" }),
        ("metric value", { $0.metrics[0].value = 0.73 }),
        ("metric value -0", { $0.metrics[1].value = 0 }),
        ("metric threshold", { $0.metrics[1].threshold = -.infinity }),
        ("metric baseline", { $0.metrics[0].baseline = 0.66 }),
        ("metric baseline nil", { $0.metrics[0].baseline = nil }),
        ("metric baseline set", { $0.metrics[1].baseline = 0 }),
        ("metric limit", { $0.metrics[0].limit = .max }),
        ("metric line", { $0.metrics[1].line = 14 }),
        ("metrics order", { $0.metrics.swapAt(0, 1) }),
        ("extra key", { $0.extra[0].key = "reviewers" }),
        ("extra string", { $0.extra[0].value = .string("Ana B") }),
        ("extra string to list", { $0.extra[0].value = .list([.string("Ana\u{0}B")]) }),
        ("extra nested list", { $0.extra[1].value = .list([.string("a"), .list([.string("")]), .map([(key: "k", value: .string("v"))])]) }),
        ("extra nested map key", { $0.extra[2].value = .map([(key: "inner", value: .list([.string("x"), .string("y")])), (key: "empti", value: .map([]))]) }),
        ("extra order", { $0.extra.swapAt(1, 2) }),
        ("extra removed", { $0.extra.removeLast() }),
        ("source", { $0.source = "plans/RP-2026-042.markdown" }),
        ("displayPath", { $0.displayPath = "plans/RP-2026-042.md" }),
        ("idLine", { $0.idLine = 2 }),
        ("plan nil", { $0.plan = nil }),
        ("phase name", { $0.plan?.phases[0].name = "Analyze" }),
        ("phase activities", { $0.plan?.phases[0].activities = "" }),
        ("phase deliverable", { $0.plan?.phases[1].deliverable = "x" }),
        ("phase start", { $0.plan?.phases[0].start = nil }),
        ("phase deadline", { $0.plan?.phases[1].deadline = CacheFixtures.day("2026-04-01") }),
        ("phase owner", { $0.plan?.phases[0].owner = "Ben" }),
        ("phase status", { $0.plan?.phases[0].status = .done }),
        ("phase line", { $0.plan?.phases[1].line = 32 }),
        ("phases", { $0.plan?.phases.removeAll() }),
        ("responsibility role", { $0.plan?.responsibilities[0].role = "Lead " }),
        ("responsibility name", { $0.plan?.responsibilities[0].nameOrTeam = "Team A" }),
        ("responsibility text", { $0.plan?.responsibilities[0].responsibility = "All" }),
        ("responsibility line", { $0.plan?.responsibilities[0].line = 41 }),
        ("intervention number", { $0.plan?.interventions[1].number = 3 }),
        ("intervention name", { $0.plan?.interventions[0].name = "Reweight" }),
        ("intervention target", { $0.plan?.interventions[1].targetDate = CacheFixtures.day("2026-03-02") }),
        ("intervention duration", { $0.plan?.interventions[0].estimatedDuration = nil }),
        ("intervention line", { $0.plan?.interventions[0].line = 51 }),
        ("intervention description", { $0.plan?.interventions[0].description = "Reweigh it." }),
        ("intervention description set", { $0.plan?.interventions[1].description = "" }),
        ("validation period", { $0.plan?.validationPeriod = nil }),
        ("validation period text", { $0.plan?.validationPeriod = "31 days" }),
        ("approval role", { $0.plan?.approvals[0].role = "Owner" }),
        ("approval name", { $0.plan?.approvals[1].name = "Cy" }),
        ("approval signature", { $0.plan?.approvals[0].signature = "" }),
        ("approval date", { $0.plan?.approvals[0].date = nil }),
        ("approval date text", { $0.plan?.approvals[1].dateText = "later" }),
        ("approval line", { $0.plan?.approvals[0].line = 62 }),
        ("approvals", { $0.plan?.approvals.removeLast() }),
        ("approval table", { $0.plan?.hasApprovalTable = false }),
    ]

    @Test(arguments: changes.indices)
    func changingOneFieldChangesTheBytes(_ index: Int) throws {
        let (name, change) = Self.changes[index]
        let original = CacheFixtures.fullDocument()
        var changed = original
        change(&changed)
        let bytes = DocumentFace.encode(changed)
        #expect(bytes != DocumentFace.encode(original), "changing \(name) left the face as it was")
        // And the change comes back.
        let decoded = try #require(Self.decode(bytes), "\(name)")
        CacheFixtures.expectSameFace(changed, decoded)
    }

    @Test func theBodyIsNotPartOfTheFace() {
        let original = CacheFixtures.fullDocument()
        var changed = original
        changed.body = MarkdownNode(.document, children: [MarkdownNode(.paragraph, children: [MarkdownNode(.text, literal: "Other text.")])])
        #expect(DocumentFace.encode(changed) == DocumentFace.encode(original))
    }

    /// The fields `DocumentFace.encode` writes, by their stored names, and
    /// `body`, which it leaves out on purpose. If this test fails, `Document`
    /// (or a type it holds) gained or lost a stored field: write it in
    /// `DocumentFace` (encode and decode), add a change for it to `changes`
    /// above and bump `SessionStore.format`, then update this list. A field
    /// the face does not write would let an edit of it pass as "no other
    /// page can change", and the incremental rebuild would leave stale pages.
    static let faceFields: [String: Set<String>] = [
        "Document": ["id", "kind", "title", "system", "date", "updated", "owner", "status", "tags", "references", "metrics", "extra",
                     "source", "displayPath", "idLine", "plan", "body"],
        "References": ["assessment", "investigation", "supersedes"],
        "Located": ["value", "line"],
        "Metric": ["name", "group", "value", "threshold", "baseline", "limit", "line"],
        "Day": ["year", "month", "day"],
        "PlanSections": ["phases", "responsibilities", "interventions", "validationPeriod", "approvals", "hasApprovalTable"],
        "Phase": ["name", "activities", "deliverable", "start", "deadline", "owner", "status", "line"],
        "Responsibility": ["role", "nameOrTeam", "responsibility", "line"],
        "Intervention": ["number", "name", "targetDate", "estimatedDuration", "line", "description"],
        "ApprovalRow": ["role", "name", "signature", "date", "dateText", "line"],
    ]

    static func storedNames(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    @Test func documentStoresExactlyTheFieldsTheFaceWrites() throws {
        let document = CacheFixtures.fullDocument()
        // `Document` keeps its fields in a private class: mirror that.
        let outer = Mirror(reflecting: document).children.map { ($0.label, $0.value) }
        #expect(outer.map(\.0) == ["storage"], "Document's own stored properties changed")
        let storage = try #require(outer.first?.1)
        #expect(Self.storedNames(storage) == Self.faceFields["Document"])
    }

    @Test func theTypesADocumentHoldsStoreExactlyTheFieldsTheFaceWrites() throws {
        let document = CacheFixtures.fullDocument()
        let plan = try #require(document.plan)
        let held: [(String, Any)] = [
            ("References", document.references), ("Located", try #require(document.status)), ("Metric", document.metrics[0]),
            ("Day", try #require(document.date)), ("PlanSections", plan), ("Phase", plan.phases[0]),
            ("Responsibility", plan.responsibilities[0]), ("Intervention", plan.interventions[0]), ("ApprovalRow", plan.approvals[0]),
        ]
        #expect(Set(held.map(\.0)).union(["Document"]) == Set(Self.faceFields.keys))
        for (name, value) in held {
            #expect(Self.storedNames(value) == Self.faceFields[name], "\(name)")
        }
    }

    @Test func extraValueHasTheCasesTheFaceWrites() {
        // A new case would fall into `extra`'s `default`, which fails the read: every case must round-trip.
        let values: [ExtraValue] = [.string("s"), .list([.string("l")]), .map([(key: "k", value: .string("v"))])]
        for value in values {
            var document = CacheFixtures.fullDocument()
            document.extra = [(key: "x", value: value)]
            #expect(Self.decode(DocumentFace.encode(document))?.extra.first?.value == value)
        }
    }

    @Test func aBadKindOrDateOrTagFailsTheRead() {
        // Unknown kind.
        var writer = RecordWriter()
        writer.string("RP-1")
        writer.string("memo")
        var reader = RecordReader(writer.bytes)
        #expect(DocumentFace.decode(&reader, body: MarkdownNode(.document)) == nil)
        #expect(reader.failed)
        // 2026-02-30 is no day.
        var document = CacheFixtures.fullDocument()
        document.date = nil
        var bytes = DocumentFace.encode(document)
        // The date follows the light part (`decodeLight`), which reads exactly that far.
        var light = RecordReader(bytes)
        #expect(DocumentFace.decodeLight(&light, body: MarkdownNode(.document))?.id == document.id)
        let prefix = light.offset
        #expect(bytes[prefix] == 0, "date is nil")
        var badDate = RecordWriter()
        badDate.byte(1)
        badDate.int(2026)
        badDate.int(2)
        badDate.int(30)
        bytes.replaceSubrange(prefix..<prefix + 1, with: badDate.bytes)
        #expect(Self.decode(bytes) == nil)
        // And with 2026-02-28 in the same place it reads.
        bytes.replaceSubrange(prefix..<prefix + badDate.bytes.count, with: [1] + { var w = RecordWriter(); w.int(2026); w.int(2); w.int(28); return w.bytes }())
        #expect(Self.decode(bytes)?.date == CacheFixtures.day("2026-02-28"))
    }
}
