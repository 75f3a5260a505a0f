import Foundation
import Testing
@testable import PlanfolioKit

/// The flat front matter reader gives exactly Yams's tree (strings, quoting,
/// lines) for every YAML it accepts, and leaves everything else to Yams.
@Suite struct FlatFrontMatterReaderTests {
    /// The front matter of every Markdown file under `folder`.
    static func frontMatters(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var out: [String] = []
        for case let url as URL in walker where url.pathExtension == "md" {
            guard let text = try? String(contentsOf: url, encoding: .utf8), let yaml = FrontMatterSplitter.split(text).yaml else { continue }
            out.append(yaml)
        }
        return out.sorted()
    }

    /// Nil when the flat reader declines; otherwise requires Yams to agree.
    @discardableResult
    static func agree(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let flat = FlatFrontMatterReader.read(yaml) else { return false }
        let yams: FrontMatterNode?
        do { yams = try FrontMatterDecoder.composeWithYams(yaml) } catch {
            Issue.record("flat reader accepted YAML that Yams rejects (\(error)):\n\(yaml)", sourceLocation: sourceLocation)
            return true
        }
        #expect(flat == yams, "differs from Yams:\n\(yaml)", sourceLocation: sourceLocation)
        return true
    }

    @Test func samplePlansAreReadAsYamsReadsThem() {
        let yamls = Self.frontMatters(under: TestPaths.packageRoot.appendingPathComponent("Plans"))
        #expect(yamls.count >= 10)
        let accepted = yamls.filter { Self.agree($0) }.count
        #expect(accepted * 2 >= yamls.count, "the flat reader should take most sample front matter")
    }

    @Test func benchmarkCorpusIsReadAsYamsReadsIt() throws {
        let folder = try PerformanceFixtures.corpus(plans: 100)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yamls = Self.frontMatters(under: folder)
        #expect(!yamls.isEmpty)
        let accepted = yamls.filter { Self.agree($0) }.count
        #expect(accepted == yamls.count, "every generated front matter has the flat shape")
    }

    @Test(arguments: [
        "id: A-1\ntitle: Plain title\n",
        "id: A-1\ntitle: \"Quoted: with colon\"\nowner: 'Single \"q\"'\n",
        "title: \"  padded  \"\nsystem: trailing   \n",
        "title: \"null\"\nowner: null\nstatus: ~\nsystem: 'true'\n",
        "tags:\n  - fairness\n  - credit\nid: X\n",
        "tags:\n- at column one\n- second\nid: X\n",
        "\n\nid: X\n\ntags:\n\n  - a\n\n  - b\n\n",
        "owner:\nid: X\n",
        "metrics:\n  - name: dpd\n    group: \"age 60+\"\n    value: 0.12\n    threshold: 0.1\n    baseline:\n  - name: b\n    value: 1\n",
        "metrics:\n- name: dpd\n  value: 0.12\nid: Z\n",
        "title: a:b http://x.y/z (c) [d] {e}, f\n",
        "title: Tomás — “quoted” ✓\n",
        "1: a\ntrue: b\nkey.with-dash_: c\n",
        "title: ~tilde\nowner: .dot\nsystem: /slash\n",
    ])
    func acceptedShapesMatchYams(_ yaml: String) {
        #expect(Self.agree(yaml), "expected the flat reader to accept:\n\(yaml)")
    }

    @Test(arguments: [
        "id: A # comment\n", "id:\tA\n", "\tid: A\n", "id: \"a\\\"b\"\n", "id: 'it''s'\n",
        "tags: [a, b]\n", "m: {a: 1}\n", "id: &x A\nt: *x\n", "id: !tag A\n", "d: |\n  text\n", "d: >\n  text\n",
        "title: two\n  lines\n", "id: A\nid: B\n", "\"id\": A\n", "id : A\n", "id: A\n  \n", "id: a: b\n", "id: a:\n",
        "id: \"open\n", "- a\n- b\n", "just text\n", "", "\n", "id:   \n", "nested:\n  key: v\n", "tags:\n  - a\n   - b\n",
        "tags:\n  - a\n    b\n", "tags:\n  -  two spaces\n", "tags:\n  -\n", "metrics:\n  - name: a\n     value: 1\n",
        "metrics:\n  - name: a\n    name: b\n", "id: -x\n", "id: @x\n", "id: `x`\n", "id: %x\n", "id: ?x\n", "---\nid: A\n",
        "id: A\r\n", "id: \u{85}A\n", "id: A\u{2028}B\n", "\u{FEFF}id: A\n", "id: \u{1}\n", "id: A\nkey:\n  - a\n  nested: b\n",
    ])
    func otherShapesAreLeftToYams(_ yaml: String) {
        #expect(FlatFrontMatterReader.read(yaml) == nil, "expected the flat reader to decline:\n\(yaml)")
    }

    /// Small edits of real front matter: whenever the flat reader still
    /// accepts the result, Yams must read it the same (and must not reject it).
    @Test func editedSampleFrontMatterAgreesWithYams() {
        let yamls = Self.frontMatters(under: TestPaths.packageRoot.appendingPathComponent("Plans")).prefix(12)
        let insertions = [" ", "  ", ":", ": ", "-", "- ", "\"", "'", "\n", "\n  ", "\n- ", "x", "~", "é"]
        var accepted = 0
        for yaml in yamls {
            let bytes = Array(yaml.utf8)
            var position = 0
            while position <= bytes.count {
                for insertion in insertions {
                    let edited = String(decoding: bytes[..<position] + Array(insertion.utf8) + bytes[position...], as: UTF8.self)
                    if Self.agree(edited) { accepted += 1 }
                }
                position += 7
            }
        }
        #expect(accepted > 100)
    }

    @Test func decodingGivesTheSameValuesAndLinesEitherWay() {
        let yaml = "kind: plan\nid: RP-1\ntitle: \"T\"\ndate: 2026-13-01\ntags:\n  - a\nmetrics:\n  - name: x\n    value: nope\n    threshold: 1\nextra: v\n"
        #expect(FlatFrontMatterReader.read(yaml) != nil)
        let (front, diagnostics) = FrontMatterDecoder.decode(yaml, firstLine: 2, file: "f.md")
        #expect(front.id == Located("RP-1", line: 3))
        #expect(front.tags == ["a"])
        #expect(diagnostics.map(\.line) == [5, 10])
        #expect(diagnostics.map(\.code) == [.invalidDate, .invalidMetric])
    }
}
