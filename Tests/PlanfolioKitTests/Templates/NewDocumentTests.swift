import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct NewDocumentTests {
    let day = Day("2026-09-20")!

    @Test func planFillsFrontMatterAndAssessmentInformation() throws {
        let request = NewDocumentRequest(kind: .plan, id: "RP-2026-099", date: day, title: "A \"quoted\" title",
                                         system: "Loan_Pricing *Engine*", owner: "Dana Ortiz (Lead)",
                                         assessment: "FAF-2026-03-001", investigation: "DIR-2026-004")
        #expect(NewDocument.problems(with: request).isEmpty)
        #expect(NewDocument.relativePath(for: request) == "plans/RP-2026-099.md")
        let text = NewDocument.text(for: request)
        let (document, diagnostics) = DocumentParser.parse(SourceFile(path: "plans/RP-2026-099.md", text: text))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let parsed = try #require(document)
        #expect(parsed.id == "RP-2026-099")
        #expect(parsed.kind == .plan)
        #expect(parsed.title == "A \"quoted\" title")
        #expect(parsed.system == "Loan_Pricing *Engine*", "Markdown escapes read back as the same value")
        #expect(parsed.owner == "Dana Ortiz (Lead)")
        #expect(parsed.date == day)
        #expect(parsed.references.assessment?.value == "FAF-2026-03-001")
        #expect(parsed.references.investigation?.value == "DIR-2026-004")
    }

    @Test func planWithoutOptionsKeepsPlaceholders() {
        let text = NewDocument.text(for: NewDocumentRequest(kind: .plan, id: "RP-1", date: day))
        #expect(text.contains("- **System Name**: [Name of AI system]"))
        #expect(text.contains("- **Remediation Plan ID**: RP-1\n"))
        #expect(text.contains("- **Date**: 2026-09-20\n"))
        #expect(text.contains("# system: "))
    }

    @Test(arguments: [DocumentKind.investigation, .assessment])
    func skeletonsParse(kind: DocumentKind) throws {
        let request = NewDocumentRequest(kind: kind, id: kind == .assessment ? "FAF-2026-09-005" : "DIR-2026-099", date: day,
                                         system: "Demo", assessment: kind == .investigation ? "FAF-2026-09-004" : nil)
        let (document, diagnostics) = DocumentParser.parse(SourceFile(path: NewDocument.relativePath(for: request), text: NewDocument.text(for: request)))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(document?.kind == kind)
        #expect(document?.system == "Demo")
    }

    @Test func problems() {
        #expect(!NewDocument.problems(with: NewDocumentRequest(kind: .plan, id: "../x", date: day)).isEmpty)
        #expect(!NewDocument.problems(with: NewDocumentRequest(kind: .plan, id: "RP-1", date: day, title: "two\nlines")).isEmpty)
        #expect(!NewDocument.problems(with: NewDocumentRequest(kind: .assessment, id: "FAF-2026-01-001", date: day, assessment: "FAF-2026-01-002")).isEmpty)
        #expect(!NewDocument.problems(with: NewDocumentRequest(kind: .investigation, id: "DIR-1", date: day, investigation: "DIR-2")).isEmpty)
        #expect(NewDocument.problems(with: NewDocumentRequest(kind: .investigation, id: "DIR-1", date: day, assessment: "FAF-2026-01-002")).isEmpty)
    }
}
