import Foundation
import Testing

/// Exit codes of the built binary: 0 no error, 1 document errors (nothing written), 2 usage / I/O / environment.
@Suite struct ExitCodeTests {
    /// The warnings the sample portfolio keeps on purpose (see docs/ci.md): with `--strict` they, and only they, are errors.
    static let keptWarnings: Set<String> = ["Plans/plans/RP-2026-012.md PF017"]

    @Test func sampleChecksCleanWithStrictExceptKeptWarnings() throws {
        let folder = try TemporaryFolder()
        try folder.copySample()
        let plain = try BuiltBinary.run(["check", "--today", Portfolios.today], in: folder.url)
        #expect(plain.status == 0, "\(plain.stderr)")
        let strict = try BuiltBinary.run(["check", "--strict", "--no-history", "--diagnostics", "json", "--today", Portfolios.today], in: folder.url)
        var found: Set<String> = []
        for line in strict.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["severity"] as? String == "error")
            found.insert("\(object["file"] as? String ?? "") \(object["code"] as? String ?? "")")
        }
        #expect(found == Self.keptWarnings)
        #expect(strict.status == (Self.keptWarnings.isEmpty ? 0 : 1))
    }

    @Test func warningsExitZeroUnlessStrict() throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let plain = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.contains("warning:"))
        #expect(FileManager.default.fileExists(atPath: folder.path("Output/index.html").path))

        let before = folder.tree("Output")
        let strict = try BuiltBinary.run(["build", "--strict", "--today", "2026-09-21"], in: folder.url)
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stderr.contains("error: raw HTML"))
        #expect(strict.stderr.contains("nothing written"))
        #expect(folder.tree("Output") == before, "a failed build must leave the last good site as it was")
    }

    @Test func documentErrorsExitOneAndWriteNothing() throws {
        let folder = try TemporaryFolder()
        try Portfolios.withErrors(in: folder)
        let result = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Plans/assessments/bad.md:3: error:"))
        #expect(result.stderr.contains("2 errors, 1 warning"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output").path))
        let check = try BuiltBinary.run(["check", "--today", Portfolios.today], in: folder.url)
        #expect(check.status == 1)
    }

    @Test(arguments: [
        (["build", "--no-such-option"], "Unknown option"),
        (["frobnicate"], "Unexpected argument"),
        (["build", "--diagnostics", "xml"], "diagnostics"),
        (["build", "--today", "2026-02-30"], "--today"),
        (["build", "--input", "Missing"], "does not exist"),
        (["build", "--theme", "NoTheme"], "theme folder 'NoTheme' does not exist"),
    ])
    func usageAndEnvironmentFailuresExitTwo(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let result = try BuiltBinary.run(arguments, in: folder.url)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output").path))
    }

    @Test func brokenThemeExitsTwo() throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        try folder.write("Theme/templates/document.mustache", "{{<layout}}\n{{$main}}\n{{#open}}\n{{/main}}\n{{/layout}}\n")
        let result = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url)
        #expect(result.status == 2, "\(result.stderr)")
    }

    @Test func helpExitsZero() throws {
        let folder = try TemporaryFolder()
        let result = try BuiltBinary.run(["build", "--help"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("--diagnostics"))
        #expect(result.stdout.contains("--strict"))
    }
}
