import Testing
@testable import PlanfolioKit

/// A title is at most `DocumentParser.maximumTitleLength` characters
/// (`PF038 title-too-long`), because other pages repeat it wherever they
/// name the document.
@Suite struct TitleLengthTests {
    static func parse(_ text: String) -> (Document?, [Diagnostic]) {
        DocumentParser.parse(SourceFile(path: "investigations/DIR-1.md", displayPath: "Plans/investigations/DIR-1.md", text: text))
    }

    static let limit = DocumentParser.maximumTitleLength

    @Test func aTitleAtTheLimitIsFine() {
        let title = String(repeating: "é", count: Self.limit)
        let (document, diagnostics) = Self.parse("---\nid: DIR-1\ntitle: \(title)\n---\n\nBody.\n")
        #expect(document?.title == title)
        #expect(!diagnostics.contains { $0.code == .titleTooLong })
    }

    @Test func aLongerFrontMatterTitleIsAnErrorAtItsLine() throws {
        let (_, diagnostics) = Self.parse("---\nid: DIR-1\ntitle: \(String(repeating: "a", count: Self.limit + 1))\n---\n\nBody.\n")
        let error = try #require(diagnostics.first { $0.code == .titleTooLong })
        #expect(error.severity == .error)
        #expect(error.line == 3)
        #expect(error.message.contains("\(Self.limit + 1) characters"))
    }

    @Test func aLongerFirstHeadingIsAnErrorAtTheHeading() throws {
        let (_, diagnostics) = Self.parse("---\nid: DIR-1\n---\n\nIntro.\n\n# \(String(repeating: "word ", count: 100))\n")
        let error = try #require(diagnostics.first { $0.code == .titleTooLong })
        #expect(error.line == 7)
        #expect(error.message.contains("the first heading"))
    }

    @Test func aPlanTitledByTheTemplateHeadingAndALongSystemIsAnErrorAtTheSystem() throws {
        let text = "---\nid: RP-1\nsystem: \(String(repeating: "s", count: Self.limit))\n---\n\n# Fairness Drift Remediation Plan\n"
        let (_, diagnostics) = DocumentParser.parse(SourceFile(path: "plans/RP-1.md", displayPath: "Plans/plans/RP-1.md", text: text))
        let error = try #require(diagnostics.first { $0.code == .titleTooLong })
        #expect(error.line == 3)
        #expect(error.message.contains("'system'"))
    }

    @Test func charactersAreCountedNotBytes() {
        // 300 flags of 8 bytes each: 2,400 bytes, 300 characters.
        let title = String(repeating: "🇪🇺", count: Self.limit)
        #expect(!Self.parse("---\nid: DIR-1\ntitle: \(title)\n---\n").1.contains { $0.code == .titleTooLong })
    }
}
