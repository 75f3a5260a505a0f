import Testing
@testable import PlanfolioKit

/// The front matter changes made for speed (byte search for CR, Yams with
/// the `.basic` resolver and an explicit encoding) keep what is decoded.
@Suite struct FrontMatterSpeedupTests {
    @Test func crlfFilesStillSplitWithTheRightLines() {
        let split = FrontMatterSplitter.split("---\r\nid: A-1\r\ntitle: T\r\n---\r\n# Body\r\n")
        #expect(split.yaml == "id: A-1\ntitle: T\n")
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 5)
        let plain = FrontMatterSplitter.split("---\nid: A-1\n---\nno carriage return\n")
        #expect(plain.body == "no carriage return\n")
    }

    @Test func scalarsAreReadAsTextWithTheirLines() {
        let yaml = "id: 007\ntitle: true\nowner: ~\ndate: 2026-01-02\ntags: [1, yes, null]\nmetrics:\n  - {name: dpd, group: women, value: 0.12, threshold: 1e-1}\n"
        let (front, diagnostics) = FrontMatterDecoder.decode(yaml, firstLine: 2, file: "f.md")
        #expect(diagnostics.isEmpty)
        #expect(front.id == Located("007", line: 2))
        #expect(front.title?.value == "true")
        #expect(front.owner == nil)
        #expect(front.date == Located(Day("2026-01-02")!, line: 5))
        #expect(front.tags == ["1", "yes"])
        #expect(front.metrics.first?.value == 0.12)
        #expect(front.metrics.first?.threshold == 0.1)
        #expect(front.metrics.first?.line == 8)
    }

    @Test func duplicateKeysAreStillReportedAtTheirLine() {
        let (_, diagnostics) = FrontMatterDecoder.decode("id: A\ntitle: x\nid: B\n", firstLine: 2, file: "f.md")
        #expect(diagnostics.map(\.code) == [.duplicateKey])
        #expect(diagnostics.first?.message.contains("'id'") == true)
        // With no tag resolution a quoted and a plain spelling of one key are the same key.
        let (_, quoted) = FrontMatterDecoder.decode("\"1\": a\n1: b\n", firstLine: 2, file: "f.md")
        #expect(quoted.map(\.code) == [.duplicateKey])
    }

    @Test func syntaxErrorsKeepTheirLines() {
        let (_, diagnostics) = FrontMatterDecoder.decode("id: A\ntitle: [unclosed\nowner: x\n", firstLine: 2, file: "f.md")
        #expect(diagnostics.map(\.code) == [.frontMatterSyntax])
        #expect((diagnostics.first?.line ?? 0) >= 3)
    }
}
