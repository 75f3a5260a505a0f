import Foundation
import Testing

/// Each `--diagnostics` form, as the built binary prints it.
@Suite struct DiagnosticsOutputTests {
    func run(_ form: String) throws -> BuiltBinary.Result {
        let folder = try TemporaryFolder()
        try Portfolios.withErrors(in: folder)
        let result = try BuiltBinary.run(["check", "--diagnostics", form, "--today", Portfolios.today], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("2 errors, 1 warning"), "the summary goes to stderr in every form")
        return result
    }

    @Test func text() throws {
        let result = try run("text")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("Plans/assessments/FAF-2026-01-001.md:12: warning: raw HTML '<div>raw html</div>' is not published; write it in Markdown"))
        #expect(lines.contains { $0.hasPrefix("Plans/assessments/FAF-2026-02-002.md:6: error: ") })
        #expect(lines.contains { $0.hasPrefix("Plans/assessments/bad.md:3: error: ") })
        #expect(result.stdout.isEmpty)
    }

    @Test func jsonLines() throws {
        let result = try run("json")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        var objects: [[String: Any]] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            objects.append(try #require(object))
        }
        let warning = try #require(objects.first { $0["severity"] as? String == "warning" })
        #expect(warning["code"] as? String == "PF026")
        #expect(warning["name"] as? String == "raw-html")
        #expect(warning["file"] as? String == "Plans/assessments/FAF-2026-01-001.md")
        #expect(warning["line"] as? Int == 12)
        #expect(warning["message"] as? String != nil)
        #expect(objects.contains { $0["code"] as? String == "PF011" && $0["name"] as? String == "invalid-date" && $0["line"] as? Int == 6 })
        #expect(objects.contains { $0["code"] as? String == "PF009" && $0["file"] as? String == "Plans/assessments/bad.md" })
    }

    @Test func github() throws {
        let result = try run("github")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.contains("::warning file=Plans/assessments/FAF-2026-01-001.md,line=12,title=PF026 raw-html::raw HTML '<div>raw html</div>' is not published; write it in Markdown"))
        #expect(lines.contains { $0.hasPrefix("::error file=Plans/assessments/FAF-2026-02-002.md,line=6,title=PF011 invalid-date::") })
        #expect(lines.contains { $0.hasPrefix("::error file=Plans/assessments/bad.md,line=3,title=PF009 invalid-id::") })
    }

    @Test func sarif() throws {
        let result = try run("sarif")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let log = try #require(object)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["PF026", "PF011", "PF009"])
        #expect(results.map { $0["level"] as? String } == ["warning", "error", "error"])
        let location = try #require(((results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Plans/assessments/FAF-2026-02-002.md")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 6)
        try SARIFSchema.validate(result.stdout)

        let again = try self.run("sarif")
        #expect(again.stdout == result.stdout, "SARIF output is deterministic")
    }

    @Test func absoluteInputGivesRelativeSARIFURIs() throws {
        let folder = try TemporaryFolder()
        try Portfolios.withErrors(in: folder)
        let input = folder.path("Plans").path
        let result = try BuiltBinary.run(["check", "--input", input, "--diagnostics", "sarif", "--today", Portfolios.today], in: folder.url)
        #expect(result.stdout.contains("\"uri\" : \"Plans/assessments/bad.md\""), "\(result.stdout.prefix(2000))")
        #expect(!result.stdout.contains(folder.url.path))
    }

    @Test func quietWhenNotATerminal() throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let result = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url)
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stderr.contains("\u{1B}"))
        let summary = try #require(result.stderr.split(separator: "\n").last)
        #expect(summary.range(of: #"^planfolio: 1 document read, \d+ pages written to Output \(\d+ files unchanged\)"#, options: .regularExpression) != nil, "\(summary)")
        #expect(summary.range(of: #", 0 errors, 1 warning, \d+\.\d\d s$"#, options: .regularExpression) != nil, "\(summary)")
    }
}
