import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// `Document` keeps its fields in shared copy-on-write storage: copies must
/// still behave as independent values.
@Suite struct DocumentStorageTests {
    static func sample() -> Document {
        let body = MarkdownParser.parse("# Title\n\nText.\n")
        var document = Document(id: "RP-1", kind: .plan, title: "Title", source: "plans/RP-1.md", displayPath: "Plans/plans/RP-1.md", body: body)
        document.tags = ["a"]
        return document
    }

    @Test func aChangedCopyLeavesTheOriginal() {
        let original = Self.sample()
        var copy = original
        copy.id = "RP-2"
        copy.tags.append("b")
        copy.body.children.removeFirst()
        copy.references.assessment = Located("FAF-1", line: 3)
        #expect(original.id == "RP-1")
        #expect(original.tags == ["a"])
        #expect(original.body.children.count == 2)
        #expect(original.references.assessment == nil)
        #expect(copy.id == "RP-2")
        #expect(copy.tags == ["a", "b"])
        #expect(copy.body.children.count == 1)
        #expect(copy.references.assessment?.value == "FAF-1")
        #expect(copy.url == "plans/RP-2.html")
    }

    @Test func changesToAnUnsharedDocumentStick() {
        var document = Self.sample()
        document.plan = PlanSections()
        document.plan?.validationPeriod = "30 days"
        document.metrics = []
        document.extra.append((key: "k", value: .string("v")))
        #expect(document.plan?.validationPeriod == "30 days")
        #expect(document.extra.map(\.key) == ["k"])
        #expect(BodyOutline.blocks(of: document.body).count == 1)
        #expect(document.body.children.count == 2)
    }

    @Test func copiesInAnArrayAreIndependent() {
        var documents = Array(repeating: Self.sample(), count: 3)
        documents[1].title = "Other"
        #expect(documents.map(\.title) == ["Title", "Other", "Title"])
    }
}
