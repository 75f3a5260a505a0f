import Foundation
import Testing
@testable import PlanfolioKit

/// The session a build keeps beside its output: a rebuild with nothing
/// changed does nothing, any change (or any doubt about the session) gives
/// exactly what a clean build gives.
@Suite struct SessionStoreTests {
    static let documents = [
        "plans/RP-2026-001.md": "---\nid: RP-2026-001\ntitle: First plan\nsystem: Scorer\nassessment: FAF-2026-01-001\n---\n# First plan\n\nBody ~~old~~ new.\n",
        "plans/RP-2026-002.md": "---\nid: RP-2026-002\ntitle: Second plan\nsystem: Scorer\n---\n# Second plan\n\nText.\n",
        "assessments/FAF-2026-01-001.md": "---\nid: FAF-2026-01-001\ntitle: Assessment\nsystem: Scorer\n---\n# Assessment\n",
        "investigations/DIR-2026-001.md": "---\nid: DIR-2026-001\ntitle: Investigation\nassessment: FAF-2026-01-001\nunknown_key: kept\n---\n# Investigation\n",
    ]

    struct Setup {
        var root: URL
        var input: URL { root.appendingPathComponent("Plans") }
        var output: URL { root.appendingPathComponent("Output") }
        var options: BuildOptions {
            var options = BuildOptions(today: PerformanceFixtures.today)
            options.input = input.path
            options.output = output.path
            options.theme = PerformanceFixtures.themePath
            return options
        }
        var store: SessionStore { SessionStore(output: output.path) }
        var sessionFile: URL { URL(fileURLWithPath: store.folder).appendingPathComponent(SessionStore.sessionName) }
    }

    static func setup() throws -> Setup {
        let root = try PerformanceFixtures.temporaryFolder("cache")
        try PerformanceFixtures.write(documents, under: root.appendingPathComponent("Plans"))
        return Setup(root: root)
    }

    /// What a clean build with no cache writes for the same input.
    static func cleanBuild(_ setup: Setup) throws -> [String: Data] {
        var options = setup.options
        options.output = setup.root.appendingPathComponent("Clean-\(UUID().uuidString)").path
        options.useCache = false
        _ = try Build.run(options)
        defer { try? FileManager.default.removeItem(atPath: options.output) }
        return try PerformanceFixtures.tree(URL(fileURLWithPath: options.output))
    }

    @Test func workFolderSitsBesideTheOutputNotInIt() {
        #expect(SessionStore(output: "/srv/site/Output").folder == "/srv/site/.Output.planfolio-cache")
        #expect(SessionStore(output: "/srv/site/Output/").folder == "/srv/site/.Output.planfolio-cache")
    }

    @Test func rebuildWithNoChangeWritesNothingAndReportsTheSame() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let first = try Build.run(setup.options)
        #expect(first.wrote && !first.hasErrors)
        #expect(first.diagnostics.contains { $0.severity == .warning }, "the fixture has warnings, so their replay from the cache is checked")
        let stamp = OutputStamp.of(folder: setup.output.path)
        #expect(stamp != nil)
        let second = try Build.run(setup.options)
        #expect(second.mode == .unchanged)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.documentsRead == first.documentsRead)
        #expect(second.pagesWritten == first.pagesWritten)
        // Not one entry of the output changed: same inodes, sizes and times.
        #expect(OutputStamp.of(folder: setup.output.path) == stamp)
    }

    @Test func rewritingAFileWithTheSameBytesIsStillNoChange() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        _ = try Build.run(setup.options)
        let files = try EditedBuildTests.files(setup.output)
        // New inode and times, same bytes: read again, not parsed, nothing rendered.
        let file = setup.input.appendingPathComponent("plans/RP-2026-001.md")
        let bytes = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: file)
        try bytes.write(to: file)
        let report = try Build.run(setup.options)
        #expect(report.mode == .unchanged || report.mode == .partial(rendered: 0, parsed: 0))
        #expect(try EditedBuildTests.files(setup.output) == files)
        // And the new stamp was kept for the next build.
        #expect(try Build.run(setup.options).mode == .unchanged)
    }

    @Test func rebuildAfterEditingOneFileEqualsACleanBuild() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        _ = try Build.run(setup.options)
        let before = try PerformanceFixtures.tree(setup.output)
        let edited = setup.input.appendingPathComponent("plans/RP-2026-002.md")
        try Data((Self.documents["plans/RP-2026-002.md"]! + "\nAn added sentence.\n").utf8).write(to: edited)
        let report = try Build.run(setup.options)
        #expect(report.wrote)
        let after = try PerformanceFixtures.tree(setup.output)
        #expect(after != before)
        #expect(after == (try Self.cleanBuild(setup)))
    }

    @Test func themeOrOptionChangesAreNotServedFromTheSession() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        _ = try Build.run(setup.options)
        var later = setup.options
        later.today = Day("2026-12-01")!
        _ = try Build.run(later)
        let page = try String(contentsOf: setup.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("2026-12-01"))
    }

    /// A theme folder holding one file: the settings key covers the built-in theme with the folder laid
    /// over it, so editing, adding or removing an override rebuilds exactly what a clean build gives.
    @Test func oneFileThemeOverrideChangesAreNotServedFromTheSession() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let theme = setup.root.appendingPathComponent("MyTheme")
        let override = theme.appendingPathComponent("templates/notfound.mustache")
        try FileManager.default.createDirectory(at: override.deletingLastPathComponent(), withIntermediateDirectories: true)
        var options = setup.options
        options.theme = theme.path
        let notFound = setup.output.appendingPathComponent("404.html")
        func buildEqualsACleanBuild() throws {
            _ = try Build.run(options)
            var clean = options
            clean.output = setup.root.appendingPathComponent("Clean-\(UUID().uuidString)").path
            clean.useCache = false
            _ = try Build.run(clean)
            defer { try? FileManager.default.removeItem(atPath: clean.output) }
            #expect(try PerformanceFixtures.tree(setup.output) == (try PerformanceFixtures.tree(URL(fileURLWithPath: clean.output))))
        }
        try Data("{{<layout}}{{$main}}<h1>First</h1>{{/main}}{{/layout}}\n".utf8).write(to: override)
        try buildEqualsACleanBuild()
        #expect(try String(contentsOf: notFound, encoding: .utf8).contains("<h1>First</h1>"))
        try Data("{{<layout}}{{$main}}<h1>Second edit</h1>{{/main}}{{/layout}}\n".utf8).write(to: override)
        try buildEqualsACleanBuild()
        #expect(try String(contentsOf: notFound, encoding: .utf8).contains("<h1>Second edit</h1>"))
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("logo".utf8).write(to: theme.appendingPathComponent("assets/logo.png"))
        try buildEqualsACleanBuild()
        #expect(FileManager.default.fileExists(atPath: setup.output.appendingPathComponent("assets/logo.png").path))
        try FileManager.default.removeItem(at: override)
        try buildEqualsACleanBuild()
        #expect(try !String(contentsOf: notFound, encoding: .utf8).contains("Second edit"))
        // A misplaced template is a warning while it is there, and not replayed from the session once it is gone.
        let misplaced = theme.appendingPathComponent("notfound.mustache")
        try Data("x".utf8).write(to: misplaced)
        #expect(try Build.run(options).diagnostics.map(\.code).contains(.unusedThemeFile))
        try FileManager.default.removeItem(at: misplaced)
        #expect(try !Build.run(options).diagnostics.map(\.code).contains(.unusedThemeFile))
    }

    @Test func configFileChangesAreNotServedFromTheSession() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let config = setup.root.appendingPathComponent("planfolio.yml")
        try Data("title: First Title\n".utf8).write(to: config)
        _ = try Build.run(setup.options)
        let index = setup.output.appendingPathComponent("index.html")
        #expect(try String(contentsOf: index, encoding: .utf8).contains("First Title"))
        try Data("title: Second Title\n".utf8).write(to: config)
        _ = try Build.run(setup.options)
        #expect(try String(contentsOf: index, encoding: .utf8).contains("Second Title"))
    }

    @Test func corruptOrForeignSessionIsIgnored() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        _ = try Build.run(setup.options)
        for garbage in ["not a session", "\u{11}planfolio-session\u{2}", ""] {
            try Data(garbage.utf8).write(to: setup.sessionFile)
            // Change the input too: a cache that were wrongly trusted would keep the old page.
            let edited = setup.input.appendingPathComponent("plans/RP-2026-001.md")
            try Data((Self.documents["plans/RP-2026-001.md"]! + "\n\(garbage.count) more.\n").utf8).write(to: edited)
            let report = try Build.run(setup.options)
            #expect(report.wrote && !report.hasErrors)
            #expect(try PerformanceFixtures.tree(setup.output) == (try Self.cleanBuild(setup)))
        }
    }

    @Test func touchedOutputIsRebuilt() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        _ = try Build.run(setup.options)
        let page = setup.output.appendingPathComponent("plans/RP-2026-001.html")
        let original = try Data(contentsOf: page)
        try Data("tampered".utf8).write(to: page)
        _ = try Build.run(setup.options)
        #expect(try Data(contentsOf: page) == original)
        try FileManager.default.removeItem(at: page)
        _ = try Build.run(setup.options)
        #expect(try Data(contentsOf: page) == original)
    }

    @Test func noCacheNeitherUsesNorKeepsASession() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        var options = setup.options
        options.useCache = false
        _ = try Build.run(options)
        #expect(!FileManager.default.fileExists(atPath: setup.sessionFile.path))
        _ = try Build.run(setup.options)
        #expect(FileManager.default.fileExists(atPath: setup.sessionFile.path))
        #expect(try Build.run(options).mode == .full)
        #expect(!FileManager.default.fileExists(atPath: setup.sessionFile.path))
    }

    @Test func buildWithErrorsKeepsTheLastSiteAndReportsTheErrorsAgain() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        _ = try Build.run(setup.options)
        let site = try PerformanceFixtures.tree(setup.output)
        try PerformanceFixtures.write(["plans/bad.md": "---\nid: [unclosed\n---\n"], under: setup.input)
        let report = try Build.run(setup.options)
        #expect(report.hasErrors && !report.wrote)
        let again = try Build.run(setup.options)
        #expect(again.hasErrors && !again.wrote && again.diagnostics == report.diagnostics)
        #expect(try PerformanceFixtures.tree(setup.output) == site)
        // Fixed: the site is built from the session the failed builds kept.
        try FileManager.default.removeItem(at: setup.input.appendingPathComponent("plans/bad.md"))
        let fixed = try Build.run(setup.options)
        #expect(fixed.wrote && !fixed.hasErrors)
        #expect(try PerformanceFixtures.tree(setup.output) == (try Self.cleanBuild(setup)))
    }

    /// One session, as `serve` keeps it: a check and then a build of the same
    /// input writes the site (the check's report, which wrote nothing, is not
    /// the build's), and a build with nothing changed after it writes nothing.
    @Test func aCheckThenABuildOnOneSessionWritesTheSite() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let session = BuildSession()
        var check = setup.options
        check.write = false
        let checked = try Build.run(check, session: session)
        #expect(!checked.wrote && !checked.hasErrors)
        let built = try Build.run(setup.options, session: session)
        #expect(built.wrote && built.mode == .full)
        #expect(try PerformanceFixtures.tree(setup.output) == (try Self.cleanBuild(setup)))
        let again = try Build.run(setup.options, session: session)
        #expect(again.wrote && again.mode == .unchanged && again.changedFiles == [])
        #expect(try Build.run(check, session: session).diagnostics == checked.diagnostics)
    }

    @Test func stableHasherIsStableAndSeesOneByteChanges() {
        var a = StableHasher(), b = StableHasher(), c = StableHasher()
        a.combine("hello world, this is more than eight bytes")
        b.combine("hello world, this is more than eight bytes")
        c.combine("hello world, this is more than eight bytez")
        #expect(a.finalize() == b.finalize())
        #expect(a.finalize() != c.finalize())
        var d = StableHasher(), e = StableHasher()
        d.combine("ab"); d.combine("c")
        e.combine("a"); e.combine("bc")
        #expect(d.finalize() != e.finalize())
        // Fixed across processes and runs: a cache key must not depend on a random seed.
        var fixed = StableHasher()
        fixed.combine("planfolio")
        #expect(fixed.finalize() == StableHasherTestVector.planfolio)
    }
}

enum StableHasherTestVector {
    /// Recorded once; changing it invalidates every kept session (bump `SessionStore.format` too).
    static let planfolio = "6088c796c59741e305fbfb8eafeec9fb"
}
