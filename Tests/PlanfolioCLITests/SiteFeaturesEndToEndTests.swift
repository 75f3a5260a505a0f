import Foundation
import Testing

/// The built binary in a folder with no Theme/: planfolio.yml, --base-url,
/// the built-in theme and copied evidence files, as a user runs it.
@Suite struct SiteFeaturesEndToEndTests {
    func project(config: String?) throws -> URL {
        let folder = try BuiltBinary.temporaryFolder()
        let plans = folder.appendingPathComponent("Plans/plans")
        try FileManager.default.createDirectory(at: plans.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try Data("""
            ---
            id: RP-1
            title: First plan
            date: 2026-01-05
            ---
            See [the extract](evidence/rates.csv).
            """.utf8).write(to: plans.appendingPathComponent("RP-1.md"))
        try Data("group,rate\na,0.1\n".utf8).write(to: plans.appendingPathComponent("evidence/rates.csv"))
        if let config { try Data(config.utf8).write(to: folder.appendingPathComponent("planfolio.yml")) }
        return folder
    }

    @Test func buildsWithBuiltInThemeConfigAndEvidence() throws {
        let folder = try project(config: "title: Harbourline plans\nbaseURL: https://intranet.example/plans\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BuiltBinary.run(["build", "--today", "2026-11-25"], in: folder)
        #expect(result.status == 0, Comment(rawValue: result.stderr))
        let output = folder.appendingPathComponent("Output")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Harbourline plans"))
        for path in ["assets/style.css", "assets/site.js", "assets/search.js", "search.html", "search-index.js", "portfolio.json", "feed.xml", "sitemap.xml", "404.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), Comment(rawValue: path))
        }
        let copied = try String(contentsOf: output.appendingPathComponent("files/plans/evidence/rates.csv"), encoding: .utf8)
        #expect(copied == "group,rate\na,0.1\n")
        let page = try String(contentsOf: output.appendingPathComponent("plans/RP-1.html"), encoding: .utf8)
        #expect(page.contains(#"<a href="../files/plans/evidence/rates.csv">the extract</a>"#))
        let feed = try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("https://intranet.example/plans/plans/RP-1.html"))
    }

    @Test func baseURLOptionOverridesConfig() throws {
        let folder = try project(config: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BuiltBinary.run(["build", "--today", "2026-11-25", "--base-url", "https://docs.example/p/"], in: folder)
        #expect(result.status == 0, Comment(rawValue: result.stderr))
        let feed = try String(contentsOf: folder.appendingPathComponent("Output/feed.xml"), encoding: .utf8)
        #expect(feed.contains("<id>https://docs.example/p/plans/RP-1.html</id>"))
        let bad = try BuiltBinary.run(["build", "--today", "2026-11-25", "--base-url", "docs/p"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--base-url"))
    }

    @Test func configErrorsNameFileAndLine() throws {
        let folder = try project(config: "title: X\nbaseUrl: https://x.example/\ndueSoonDays: soon\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BuiltBinary.run(["build", "--today", "2026-11-25"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("planfolio.yml:2: error: unknown key 'baseUrl'"))
        #expect(result.stderr.contains("planfolio.yml:3: error: 'dueSoonDays' must be a whole number"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))
        let missing = try BuiltBinary.run(["build", "--config", "nope.yml"], in: folder)
        #expect(missing.status == 2)
    }

    @Test func missingEvidenceFileIsAnError() throws {
        let folder = try project(config: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Plans/plans/evidence/rates.csv"))
        let result = try BuiltBinary.run(["check", "--today", "2026-11-25"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Plans/plans/RP-1.md:6: error: link to 'evidence/rates.csv'"))
    }
}
