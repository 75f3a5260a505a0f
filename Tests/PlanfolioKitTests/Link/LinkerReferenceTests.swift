import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// Documents made in code, for the Link stage's tests.
enum LinkFixture {
    static func document(_ id: String, _ kind: DocumentKind, system: String? = "Scoring",
                         assessment: String? = nil, investigation: String? = nil, supersedes: String? = nil) -> Document {
        let source = "\(kind.folder)/\(id).md"
        var document = Document(id: id, kind: kind, title: "Title of \(id)", source: source,
                                displayPath: "Plans/" + source, body: MarkdownNode(.document))
        document.system = system
        document.idLine = 2
        document.references = References(assessment: assessment.map { Located($0, line: 5) },
                                         investigation: investigation.map { Located($0, line: 6) },
                                         supersedes: supersedes.map { Located($0, line: 7) })
        return document
    }
}

@Suite("Linker: references between documents")
struct LinkerReferenceTests {
    typealias F = LinkFixture

    @Test func validChainHasNoDiagnosticsAndFillsReferencedBy() {
        let (portfolio, diagnostics) = Linker.link([
            F.document("RP-2", .plan, assessment: "FAF-2026-01-001", investigation: "DIR-1", supersedes: "RP-1"),
            F.document("RP-1", .plan, assessment: "FAF-2026-01-001", investigation: "DIR-1"),
            F.document("DIR-1", .investigation, assessment: "FAF-2026-01-001"),
            F.document("FAF-2026-01-001", .assessment),
        ])
        #expect(diagnostics.isEmpty)
        #expect(portfolio.documents.map(\.id) == ["FAF-2026-01-001", "DIR-1", "RP-1", "RP-2"])
        #expect(portfolio.referencedBy["FAF-2026-01-001"] == ["DIR-1", "RP-1", "RP-2"])
        #expect(portfolio.referencedBy["DIR-1"] == ["RP-1", "RP-2"])
        #expect(portfolio.referencedBy["RP-1"] == ["RP-2"])
        #expect(portfolio.referencedBy["RP-2"] == nil)
        #expect(portfolio.supersededBy == ["RP-1": "RP-2"])
    }

    @Test func unknownIDIsAnErrorAtTheReferenceLine() {
        let (portfolio, diagnostics) = Linker.link([
            F.document("RP-1", .plan, assessment: "FAF-2026-01-009", investigation: "dir-1"),
            F.document("DIR-1", .investigation),
        ])
        #expect(diagnostics.count == 2)
        let assessment = diagnostics.first { $0.line == 5 }
        #expect(assessment?.code == .unknownReference)
        #expect(assessment?.severity == .error)
        #expect(assessment?.file == "Plans/plans/RP-1.md")
        #expect(assessment?.message.contains("'FAF-2026-01-009'") == true)
        let investigation = diagnostics.first { $0.line == 6 }
        #expect(investigation?.code == .unknownReference)
        #expect(investigation?.message.contains("did you mean 'DIR-1'") == true)
        #expect(portfolio.referencedBy.isEmpty)
    }

    @Test func planInvestigationNamingAnAssessmentIsTheWrongKind() {
        let (_, diagnostics) = Linker.link([
            F.document("RP-1", .plan, investigation: "FAF-2026-01-001"),
            F.document("FAF-2026-01-001", .assessment),
        ])
        #expect(diagnostics.map(\.code) == [.wrongReferenceKind])
        #expect(diagnostics.first?.line == 6)
        #expect(diagnostics.first?.message.contains("which is an assessment") == true)
    }

    @Test func assessmentMustNameAnAssessment() {
        let (_, diagnostics) = Linker.link([
            F.document("DIR-1", .investigation, assessment: "RP-1"),
            F.document("RP-1", .plan),
        ])
        #expect(diagnostics.map(\.code) == [.wrongReferenceKind])
        #expect(diagnostics.first?.file == "Plans/investigations/DIR-1.md")
        #expect(diagnostics.first?.line == 5)
    }

    @Test func supersedesMustNameTheSameKind() {
        let (portfolio, diagnostics) = Linker.link([
            F.document("RP-1", .plan, supersedes: "DIR-1"),
            F.document("DIR-1", .investigation),
        ])
        #expect(diagnostics.map(\.code) == [.wrongReferenceKind])
        #expect(diagnostics.first?.line == 7)
        #expect(portfolio.supersededBy.isEmpty)
    }

    @Test func supersedesCycleIsOneErrorNamingTheChain() {
        let (portfolio, diagnostics) = Linker.link([
            F.document("RP-3", .plan, supersedes: "RP-1"),
            F.document("RP-1", .plan, supersedes: "RP-2"),
            F.document("RP-2", .plan, supersedes: "RP-3"),
            F.document("RP-4", .plan, supersedes: "RP-3"),
        ])
        let cycles = diagnostics.filter { $0.code == .supersedesCycle }
        #expect(cycles.count == 1)
        #expect(cycles.first?.file == "Plans/plans/RP-1.md")
        #expect(cycles.first?.line == 7)
        #expect(cycles.first?.message == "'supersedes' forms a cycle: RP-1 → RP-2 → RP-3 → RP-1")
        // RP-4 and RP-2 both supersede RP-3.
        #expect(diagnostics.filter { $0.code == .multipleSuccessors }.map(\.file) == ["Plans/plans/RP-4.md"])
        #expect(portfolio.supersededBy.isEmpty)
    }

    @Test func aDocumentSupersedingItselfIsACycle() {
        let (_, diagnostics) = Linker.link([F.document("RP-1", .plan, supersedes: "RP-1")])
        #expect(diagnostics.map(\.code) == [.supersedesCycle])
        #expect(diagnostics.first?.message == "'supersedes' forms a cycle: RP-1 → RP-1")
    }

    @Test func aChainWithoutACycleIsFine() {
        let (portfolio, diagnostics) = Linker.link([
            F.document("RP-3", .plan, supersedes: "RP-2"),
            F.document("RP-2", .plan, supersedes: "RP-1"),
            F.document("RP-1", .plan),
        ])
        #expect(diagnostics.isEmpty)
        #expect(portfolio.supersededBy == ["RP-1": "RP-2", "RP-2": "RP-3"])
    }

    @Test func supersededByTwoDocumentsIsAnErrorOnTheSecond() {
        let (portfolio, diagnostics) = Linker.link([
            F.document("RP-1", .plan),
            F.document("RP-3", .plan, supersedes: "RP-1"),
            F.document("RP-2", .plan, supersedes: "RP-1"),
        ])
        #expect(diagnostics.map(\.code) == [.multipleSuccessors])
        #expect(diagnostics.first?.file == "Plans/plans/RP-3.md")
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("'RP-2' already supersedes") == true)
        #expect(portfolio.supersededBy["RP-1"] == nil)
        #expect(portfolio.referencedBy["RP-1"] == ["RP-2", "RP-3"])
    }

    @Test func investigationOfAnotherAssessmentIsAWarning() {
        let (_, diagnostics) = Linker.link([
            F.document("FAF-2026-01-001", .assessment),
            F.document("FAF-2026-01-002", .assessment),
            F.document("DIR-1", .investigation, assessment: "FAF-2026-01-001"),
            F.document("RP-1", .plan, assessment: "FAF-2026-01-002", investigation: "DIR-1"),
        ])
        #expect(diagnostics.map(\.code) == [.referenceMismatch])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.line == 6)
    }

    @Test func referenceToAnotherSystemIsAWarning() {
        let (_, diagnostics) = Linker.link([
            F.document("FAF-2026-01-001", .assessment, system: "Pricing"),
            F.document("DIR-1", .investigation, system: "Scoring", assessment: "FAF-2026-01-001"),
        ])
        #expect(diagnostics.map(\.code) == [.referenceMismatch])
        #expect(diagnostics.first?.message.contains("'Pricing'") == true)
    }

    @Test func systemsGroupDocumentsByKindThenID() {
        let (portfolio, _) = Linker.link([
            F.document("RP-1", .plan, system: "Scoring"),
            F.document("DIR-1", .investigation, system: "Scoring"),
            F.document("FAF-2026-01-001", .assessment, system: "scoring"),
            F.document("FAF-2026-01-002", .assessment, system: "Scoring"),
            F.document("RP-0", .plan, system: nil),
            F.document("RP-9", .plan, system: "  "),
        ])
        #expect(portfolio.systems.map(\.name) == ["Scoring", "scoring"])
        #expect(portfolio.systems.map(\.slug) == ["scoring", "scoring-2"])
        #expect(portfolio.systems.first?.documentIDs == ["FAF-2026-01-002", "DIR-1", "RP-1"])
        #expect(portfolio.systems.last?.documentIDs == ["FAF-2026-01-001"])
        #expect(portfolio["RP-0"].flatMap { portfolio.system(of: $0) } == nil)
    }

    @Test func idsThatDifferOnlyInCaseAreErrorsAfterTheFirst() {
        let (_, diagnostics) = Linker.link([
            F.document("rp-1", .plan), F.document("RP-1", .plan), F.document("Rp-1", .plan), F.document("RP-2", .plan),
        ])
        let collisions = diagnostics.filter { $0.code == .duplicateID }
        // Path order: plans/RP-1.md, plans/Rp-1.md, plans/rp-1.md; the first keeps its id.
        #expect(collisions.map(\.file) == ["Plans/plans/Rp-1.md", "Plans/plans/rp-1.md"])
        #expect(collisions.allSatisfy { $0.severity == .error && $0.message.contains("differs only in case from 'RP-1'") })
    }
}
