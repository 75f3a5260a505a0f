import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// The plans an assessment's or investigation's openness depends on, found
/// through `referencedBy` for a few documents, are those the pass over every
/// plan finds.
@Suite struct ReferringPlansTests {
    @Test func theSamePlansForEveryDocumentOfTheSample() throws {
        let (portfolio, _) = try Repository.samplePortfolio()
        let all = OpennessComputer.referringPlans(in: portfolio)
        let ids = Set(portfolio.documents.map(\.id))
        let some = OpennessComputer.referringPlans(of: ids, in: portfolio)
        for id in ids { #expect((some[id] ?? []) == (all[id] ?? []), "\(id)") }
        #expect(all.values.contains { !$0.isEmpty }, "the sample has plans that refer to documents")
    }

    @Test func aPlanThroughItsInvestigationCounts() {
        func document(_ id: String, _ kind: DocumentKind, assessment: String? = nil, investigation: String? = nil) -> Document {
            var document = Document(id: id, kind: kind, title: id, source: "\(kind.folder)/\(id).md", displayPath: id, body: MarkdownNode(.document))
            document.references = References(assessment: assessment.map { Located($0, line: 1) }, investigation: investigation.map { Located($0, line: 1) })
            return document
        }
        let documents = [document("FAF-1", .assessment), document("DIR-1", .investigation, assessment: "FAF-1"),
                         document("RP-1", .plan, investigation: "DIR-1"), document("RP-2", .plan, assessment: "FAF-1"),
                         document("RP-3", .plan)]
        let (portfolio, _) = Linker.link(documents)
        let some = OpennessComputer.referringPlans(of: ["FAF-1", "DIR-1", "RP-3"], in: portfolio)
        #expect(some["FAF-1"] == ["RP-1", "RP-2"])
        #expect(some["DIR-1"] == ["RP-1"])
        #expect(some["RP-3"] == nil)
        let all = OpennessComputer.referringPlans(in: portfolio)
        #expect(all["FAF-1"] == some["FAF-1"] && all["DIR-1"] == some["DIR-1"])
    }
}
