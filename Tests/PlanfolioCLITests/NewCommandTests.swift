import Foundation
import Testing

/// `planfolio new`, on the built binary.
@Suite struct NewCommandTests {
    @Test func createdPlanChecksCleanExceptPlaceholders() throws {
        let folder = try TemporaryFolder()
        try folder.copySample()
        let result = try BuiltBinary.run([
            "new", "plan", "RP-2026-099", "--system", "Credit Limit Recommender",
            "--assessment", "FAF-2026-03-001", "--investigation", "DIR-2026-004",
            "--owner", "Dana Ortiz (ML Platform Lead)", "--title", "Interim fix: *manual* review", "--today", Portfolios.today,
        ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote Plans/plans/RP-2026-099.md"))
        let text = try String(contentsOf: folder.path("Plans/plans/RP-2026-099.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\nkind: plan\nid: RP-2026-099\ntitle: \"Interim fix: *manual* review\"\nsystem: \"Credit Limit Recommender\"\ndate: \(Portfolios.today)\n"))
        #expect(text.contains("- **Remediation Plan ID**: RP-2026-099\n"))
        #expect(text.contains("- **Related Investigation ID**: DIR-2026-004\n"))
        #expect(text.contains("## Approval"))

        let check = try BuiltBinary.run(["check", "--no-history", "--diagnostics", "json", "--today", Portfolios.today], in: folder.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        for line in check.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["code"] as? String == "PF017", "only template placeholders may be reported: \(line)")
        }
        #expect(check.stdout.contains("\"file\":\"Plans/plans/RP-2026-099.md\""), "the new plan's placeholders are reported")
    }

    @Test(arguments: ["investigation", "assessment"])
    func createdSkeletonsParse(kind: String) throws {
        let folder = try TemporaryFolder()
        try folder.copySample()
        let id = kind == "assessment" ? "FAF-2026-12-099" : "DIR-2026-099"
        var arguments = ["new", kind, id, "--system", "Motor Claims Triage", "--today", Portfolios.today]
        if kind == "investigation" { arguments += ["--assessment", "FAF-2026-05-002"] }
        let result = try BuiltBinary.run(arguments, in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let check = try BuiltBinary.run(["check", "--no-history", "--diagnostics", "json", "--today", Portfolios.today], in: folder.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        for line in check.stdout.split(separator: "\n") {
            #expect(line.contains("\"code\":\"PF017\""), "\(line)")
        }
    }

    @Test func refusesToOverwrite() throws {
        let folder = try TemporaryFolder()
        try folder.write("Plans/plans/RP-1.md", "not a document yet")
        let result = try BuiltBinary.run(["new", "plan", "RP-1", "--today", Portfolios.today], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("already exists"))
        #expect(try String(contentsOf: folder.path("Plans/plans/RP-1.md"), encoding: .utf8) == "not a document yet")
    }

    @Test func refusesAnIDAlreadyInThePortfolio() throws {
        let folder = try TemporaryFolder()
        try folder.copySample()
        // DIR-2026-004 is an investigation: an id is unique across kinds.
        let result = try BuiltBinary.run(["new", "plan", "DIR-2026-004", "--today", Portfolios.today], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("id 'DIR-2026-004' is already used"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("Plans/plans/DIR-2026-004.md").path))
    }

    @Test(arguments: [["plan", "../escape"], ["plan", "-bad"], ["plan", "RP 1"], ["assessment", "FAF-2026-01-001", "--investigation", "DIR-1"], ["plan", "RP-1", "--assessment", "no good"]])
    func refusesInvalidRequests(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        let result = try BuiltBinary.run(["new"] + arguments + ["--today", Portfolios.today], in: folder.url)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("Plans").path))
    }
}
