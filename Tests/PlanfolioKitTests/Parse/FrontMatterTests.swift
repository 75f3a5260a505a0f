import Testing
@testable import PlanfolioKit

@Suite struct FrontMatterSplitterTests {
    @Test func splitsAndCountsLines() {
        let split = FrontMatterSplitter.split("---\nid: A\n---\n# Title\n")
        #expect(split.yaml == "id: A\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Title\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func acceptsBOMAndCRLF() {
        let split = FrontMatterSplitter.split("\u{FEFF}---\r\nid: A\r\ntitle: T\r\n---\r\nBody\r\n")
        #expect(split.yaml == "id: A\ntitle: T\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func noFrontMatter() {
        let split = FrontMatterSplitter.split("# Plan\n")
        #expect(split.yaml == nil)
        #expect(split.bodyFirstLine == 1)
        #expect(!split.unterminated)
    }

    @Test func unterminated() {
        #expect(FrontMatterSplitter.split("---\nid: A\n# no end\n").unterminated)
    }
}

@Suite struct FrontMatterDecoderTests {
    func decode(_ yaml: String) -> (FrontMatter, [Diagnostic]) {
        FrontMatterDecoder.decode(yaml, firstLine: 2, file: "plans/x.md")
    }

    @Test func typedValuesWithLines() {
        let (fm, diagnostics) = decode("id: RP-1\ndate: 2026-01-31\ntags: [a, b]\nowner: \"Dana (Lead)\"\ncustom: 3\n")
        #expect(diagnostics.isEmpty)
        #expect(fm.id == Located("RP-1", line: 2))
        #expect(fm.date == Located(Day("2026-01-31")!, line: 3))
        #expect(fm.tags == ["a", "b"])
        #expect(fm.owner?.value == "Dana (Lead)")
        #expect(fm.extra.first?.key == "custom")
    }

    @Test(arguments: ["2026-9-7", "2026-06-31", "yesterday", "2026-06-01 10:00:00"])
    func badDatesAreErrorsAtTheirLine(_ date: String) {
        let (fm, diagnostics) = decode("id: RP-1\n\ndate: \(date)\n")
        #expect(fm.date == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .invalidDate)
        #expect(diagnostics.first?.line == 4)
    }

    @Test func brokenYAMLIsAnErrorAtItsLine() {
        let (_, diagnostics) = decode("id: RP-1\ntitle: [unclosed\nowner: x\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .frontMatterSyntax)
        #expect((diagnostics.first?.line ?? 0) >= 3)
    }

    @Test func duplicateKeysAreReported() {
        let (_, diagnostics) = decode("id: RP-1\ntitle: a\ntitle: b\n")
        #expect(diagnostics.map(\.code) == [.duplicateKey])
        #expect(diagnostics.first?.message.contains("'title'") == true)
    }

    @Test func wrongTypesAreErrors() {
        let (_, diagnostics) = decode("id: [a, b]\ntags: {a: 1}\n")
        #expect(diagnostics.map(\.code) == [.invalidValue, .invalidValue])
        #expect(diagnostics.map(\.line) == [2, 3])
    }

    @Test func metricsWithDefaultLimits() {
        let yaml = """
        metrics:
          - name: disparate impact ratio
            group: women
            value: 0.74
            threshold: 0.8
          - name: calibration gap
            group: men
            value: 0.02
            threshold: 0.05
            baseline: 0.01
          - name: SIU referral rate ratio
            group: x
            value: 2.1
            threshold: 1.25
            limit: max
        """
        let (fm, diagnostics) = decode(yaml)
        #expect(diagnostics.isEmpty)
        #expect(fm.metrics.map(\.limit) == [.min, .max, .max])
        #expect(fm.metrics.map(\.isBreach) == [true, false, true])
        #expect(fm.metrics.map(\.line) == [3, 7, 12])
    }

    @Test func badMetricsAreErrors() {
        let (fm, diagnostics) = decode("metrics:\n  - name: gap\n    value: high\n    threshold: 0.1\n  - name: other\n    threshold: 1\n")
        #expect(fm.metrics.isEmpty)
        #expect(diagnostics.map(\.code) == [.invalidMetric, .invalidMetric])
        #expect(diagnostics.map(\.line) == [4, 6])
    }

    @Test func anchorsAndAliasesAreAnErrorAtTheirLine() {
        var yaml = "id: RP-1\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { yaml += "l\(level): [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let (fm, diagnostics) = decode(yaml)
        #expect(fm.id == nil)
        #expect(diagnostics.map(\.code) == [.frontMatterSyntax])
        #expect(diagnostics.first?.line == 3, "the anchor's line in the file (the YAML starts on line 2)")
        let (_, merge) = decode("id: RP-1\nbase: &base {owner: A}\nextra:\n  <<: *base\n")
        #expect(merge.map(\.line) == [3])
    }

    @Test func controlCharactersInAnyValueAreErrorsAtTheirLines() {
        let (_, diagnostics) = decode("id: RP-1\ntitle: \"red \\x1b[31m\"\nsystem: \"nul \\0\"\ntags: [\"ok\", \"bell \\a\"]\nnote: \"\\uFFFF\"\nfine: \"tab\\there\"\n")
        #expect(diagnostics.map(\.code) == [.invalidValue, .invalidValue, .invalidValue, .invalidValue])
        #expect(diagnostics.map(\.line) == [3, 4, 5, 6])
        #expect(diagnostics.first?.message.contains("U+001B") == true)
    }

    @Test func aDateIsReadAsWrittenNotTrimmed() {
        let (fm, diagnostics) = decode("id: RP-1\nupdated: \"2026-11-01 \"\ndate: \" 2026-11-01\"\n")
        #expect(fm.updated == nil && fm.date == nil)
        #expect(diagnostics.map(\.code) == [.invalidDate, .invalidDate])
        #expect(diagnostics.first?.message.contains("'2026-11-01 '") == true)
        // Plain scalars lose their spaces in YAML itself: those dates are fine.
        #expect(decode("updated: 2026-11-01   \n").1.isEmpty)
    }
}
