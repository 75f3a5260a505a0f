import Testing
@testable import PlanfolioKit

/// `Linker.shape`: what Link reads of the documents. While it is the same,
/// a build keeps the last links with the documents as they are now
/// (`Linker.relink`) instead of linking again, so every field Link reads
/// must change it, and the links kept must be the ones linking again gives.
@Suite struct LinkerShapeTests {
    typealias F = LinkFixture

    static func documents() -> [Document] {
        [
            F.document("FAF-2026-01-001", .assessment),
            F.document("DIR-1", .investigation, assessment: "FAF-2026-01-001"),
            F.document("RP-1", .plan, assessment: "FAF-2026-01-001", investigation: "DIR-1"),
            F.document("RP-2", .plan, system: "Pricing", assessment: "FAF-2026-01-001", investigation: "DIR-1", supersedes: "RP-1"),
            F.document("RP-3", .plan, system: nil, assessment: "FAF-2026-01-999"),
        ]
    }

    /// Each changes, in the third document, one field Link reads.
    static let linkedFields: [(name: String, change: @Sendable (inout Document) -> Void)] = [
        ("source", { $0.source = "plans/elsewhere.md" }),
        ("display path", { $0.displayPath = "Plans/plans/elsewhere.md" }),
        ("id", { $0.id = "RP-9" }),
        ("kind", { $0.kind = .investigation }),
        ("id line", { $0.idLine = 3 }),
        ("system", { $0.system = "Pricing" }),
        ("no system", { $0.system = nil }),
        ("empty system", { $0.system = "" }),
        ("assessment", { $0.references.assessment = Located("FAF-2026-01-002", line: 5) }),
        ("assessment's line", { $0.references.assessment = Located("FAF-2026-01-001", line: 9) }),
        ("no assessment", { $0.references.assessment = nil }),
        ("investigation", { $0.references.investigation = Located("DIR-2", line: 6) }),
        ("investigation's line", { $0.references.investigation = Located("DIR-1", line: 9) }),
        ("supersedes", { $0.references.supersedes = Located("RP-2", line: 7) }),
    ]

    @Test(arguments: linkedFields.indices)
    func everyFieldLinkReadsChangesTheShape(_ index: Int) {
        var documents = Self.documents()
        let before = Linker.shape(of: documents)
        Self.linkedFields[index].change(&documents[2])
        #expect(Linker.shape(of: documents) != before, "\(Self.linkedFields[index].name)")
    }

    /// Title, owner, dates, tags, status and tables: what a page shows, not what links.
    static func edited(_ documents: [Document]) -> [Document] {
        var documents = documents
        documents[2].title = "A new title"
        documents[2].owner = "Dana Ortiz"
        documents[3].tags = ["urgent"]
        documents[3].status = Located("completed", line: 4)
        documents[0].date = Day(year: 2026, month: 1, day: 2)
        return documents
    }

    @Test func whatLinkDoesNotReadLeavesTheShape() {
        let documents = Self.documents()
        #expect(Linker.shape(of: Self.edited(documents)) == Linker.shape(of: documents))
    }

    @Test func relinkingGivesWhatLinkingAgainGives() {
        let (linked, diagnostics) = Linker.link(Self.documents())
        #expect(!diagnostics.isEmpty, "an unknown assessment, so that there are diagnostics to keep")
        let edited = Self.edited(Self.documents())
        let relinked = Linker.relink(linked, with: edited)
        let (again, againDiagnostics) = Linker.link(edited)
        #expect(relinked.documents.map(\.id) == again.documents.map(\.id))
        #expect(relinked.documents.map(\.title) == again.documents.map(\.title))
        #expect(relinked.documents.map(\.owner) == again.documents.map(\.owner))
        #expect(relinked.documents.map(\.tags) == again.documents.map(\.tags))
        #expect(relinked.referencedBy == again.referencedBy)
        #expect(relinked.supersededBy == again.supersededBy)
        #expect(relinked.systems.map(\.name) == again.systems.map(\.name))
        #expect(relinked.systems.map(\.documentIDs) == again.systems.map(\.documentIDs))
        #expect(diagnostics == againDiagnostics)
    }
}
