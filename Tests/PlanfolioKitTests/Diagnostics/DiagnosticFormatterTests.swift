import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct DiagnosticFormatterTests {
    let diagnostics = [
        Diagnostic.error(.unknownReference, "assessment 'FAF-1' does not exist", file: "Plans/plans/RP-1.md", line: 4, column: 13),
        Diagnostic.warning(.rawHTML, "raw HTML '<b>' is not published", file: "Plans/a,b:c%.md", line: 9),
    ]

    @Test func text() {
        #expect(TextDiagnosticFormatter.format(diagnostics) ==
            "Plans/plans/RP-1.md:4: error: assessment 'FAF-1' does not exist\nPlans/a,b:c%.md:9: warning: raw HTML '<b>' is not published\n")
    }

    @Test func jsonLines() throws {
        let lines = JSONLinesDiagnosticFormatter.format(diagnostics).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"code":"PF012","column":13,"file":"Plans/plans/RP-1.md","line":4,"message":"assessment 'FAF-1' does not exist","name":"unknown-reference","severity":"error"}"#)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["column"] == nil, "column only when known")
        #expect(second["severity"] as? String == "warning")
    }

    @Test func controlsFromTheInputAreEscapedInTextAndGitHubForms() {
        let hostile = [Diagnostic.error(.missingLinkedFile, "link to 'a\u{1B}[31mred\r::error::x\u{0}' \u{202E}gpj.exe",
                                        file: "Plans/\u{1B}]0;title\u{7}.md", line: 3)]
        let text = TextDiagnosticFormatter.format(hostile)
        #expect(text == "Plans/\\u{1B}]0;title\\u{7}.md:3: error: link to 'a\\u{1B}[31mred\\u{D}::error::x\\u{0}' \\u{202E}gpj.exe\n")
        let github = GitHubDiagnosticFormatter.format(hostile)
        #expect(github.split(separator: "\n").count == 1)
        #expect(github.contains("%0D::error::x"), "CR in the github form as the toolkit writes it")
        #expect(!github.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!github.contains("\u{202E}"))
        // The machine forms keep the exact text, escaped by JSON's own rules.
        #expect(JSONLinesDiagnosticFormatter.format(hostile).contains(#"\u001b"#))
        #expect(!JSONLinesDiagnosticFormatter.format(hostile).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!SARIFDiagnosticFormatter.format(hostile).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func githubEscapesAsTheToolkitDoes() {
        let tricky = [Diagnostic.error(.invalidValue, "100% wrong\r\nsecond line: a, b", file: "Plans/a,b:c%.md", line: 2, column: 5)]
        #expect(GitHubDiagnosticFormatter.format(tricky) ==
            "::error file=Plans/a%2Cb%3Ac%25.md,line=2,col=5,title=PF007 invalid-value::100%25 wrong%0D%0Asecond line: a, b\n")
        #expect(GitHubDiagnosticFormatter.format([diagnostics[0]]) ==
            "::error file=Plans/plans/RP-1.md,line=4,col=13,title=PF012 unknown-reference::assessment 'FAF-1' does not exist\n")
    }

    @Test func sarifShapeAndDeterminism() throws {
        let text = SARIFDiagnosticFormatter.format(diagnostics)
        #expect(text == SARIFDiagnosticFormatter.format(diagnostics))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "planfolio")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == DiagnosticCode.allCases.count)
        #expect(rules.map { $0["id"] as? String } == DiagnosticCode.allCases.map(\.rawValue))
        let twelve = try #require(rules.first { $0["id"] as? String == "PF012" })
        #expect(twelve["name"] as? String == "unknown-reference")
        #expect((twelve["helpUri"] as? String)?.hasSuffix("docs/diagnostics.md#pf012-unknown-reference") == true)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["ruleIndex"] as? Int == 11)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 13)
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Plans/plans/RP-1.md")
    }

    @Test func sarifURIsAreRelativeAndEncoded() {
        #expect(SARIFDiagnosticFormatter.artifactLocation("/repo/Plans/x y.md", baseDirectory: "/repo").uri == "Plans/x%20y.md")
        #expect(SARIFDiagnosticFormatter.artifactLocation("./Plans/a:b.md", baseDirectory: nil).uri == "Plans/a%3Ab.md")
        #expect(SARIFDiagnosticFormatter.artifactLocation("/elsewhere/p.md", baseDirectory: "/repo").uri == "file:///elsewhere/p.md")
        #expect(SARIFDiagnosticFormatter.artifactLocation("Plans\\win.md", baseDirectory: nil).uri == "Plans/win.md")
    }

    @Test func everyCodeHasASummaryAndUniqueName() {
        let names = DiagnosticCode.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        for code in DiagnosticCode.allCases {
            #expect(!code.summary.isEmpty && !code.summary.hasSuffix("."), "\(code)")
            #expect(code.number > 0)
        }
    }

    @Test func everyCodeIsDocumented() throws {
        let docs = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(docs.contains("## \(code.rawValue) \(code.name)\n"), "docs/diagnostics.md has no section '## \(code.title)'")
            #expect(docs.contains(code.summary), "docs/diagnostics.md does not state the summary of \(code.rawValue)")
        }
    }
}
