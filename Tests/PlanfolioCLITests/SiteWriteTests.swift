import Foundation
import PlanfolioKit
import Testing

/// What the built binary leaves in the output folder when things go wrong.
@Suite struct SiteWriteTests {
    @Test func outputWithoutMarkerIsNeverTouched() throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        try folder.write("Output/precious.txt", "not planfolio's")
        let result = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("was not written by planfolio (no .planfolio marker inside)"))
        #expect(folder.tree("Output") == ["/precious.txt": Data("not planfolio's".utf8)])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!siblings.contains { $0.contains("planfolio-staging") })

        let github = try BuiltBinary.run(["build", "--diagnostics", "github", "--today", Portfolios.today], in: folder.url)
        #expect(github.status == 2)
        #expect(github.stdout.hasPrefix("::error title=planfolio::output folder 'Output' exists but was not written by planfolio"), "\(github.stdout)")
    }

    @Test func unchangedFilesKeepTheirInode() throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        #expect(try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url).status == 0)
        let css = folder.path("Output/assets/style.css").path
        let index = folder.path("Output/index.html").path
        let cssBefore = try FileManager.default.attributesOfItem(atPath: css)
        let second = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url)
        #expect(second.status == 0)
        let cssAfter = try FileManager.default.attributesOfItem(atPath: css)
        #expect(cssAfter[.systemFileNumber] as? Int == cssBefore[.systemFileNumber] as? Int)
        #expect(cssAfter[.modificationDate] as? Date == cssBefore[.modificationDate] as? Date)
        #expect(second.stderr.contains("(\(folder.tree("Output").count - 1) files unchanged)"), "the marker is not counted: \(second.stderr)")
        _ = index
    }

    /// What a killed build was asked to change.
    enum Change: String, CaseIterable, Sendable {
        /// Another build date: every page changes, a full build.
        case newToday
        /// One plan's prose edited: a partial build, staged from the current site.
        case editedProse
    }

    /// A build killed at any step of the write (`PLANFOLIO_FAULT`, docs/ci.md)
    /// leaves the output a whole site: the last good one until the swap, the
    /// new one after it. The next build cleans up after the dead one and
    /// writes what a clean build writes, and undoing the change gives the
    /// old site back (the kept session is never fooled by the dead build).
    @Test(arguments: FaultSeam.Step.allCases, Change.allCases)
    func aKilledBuildLeavesAWholeSite(step: FaultSeam.Step, change: Change) throws {
        let folder = try TemporaryFolder("planfolio-fault")
        try folder.copySample()
        let today = Portfolios.today
        let plan = folder.path("Plans/plans/RP-2026-009.md")
        let original = try Data(contentsOf: plan)
        #expect(try BuiltBinary.run(["build", "--today", today], in: folder.url).status == 0)
        let oldSite = folder.tree("Output")

        var arguments = ["build", "--today", today]
        switch change {
        case .newToday: arguments = ["build", "--today", "2026-12-09"]
        case .editedProse: try (original + Data("\nA sentence added after the approvals.\n".utf8)).write(to: plan)
        }
        let killed = try BuiltBinary.run(arguments, in: folder.url, environment: ["PLANFOLIO_FAULT": step.rawValue])
        #expect(killed.killed && killed.status == SIGKILL, "the build was not killed at \(step.rawValue): \(killed.status) \(killed.stderr)")

        // The new site as a clean build writes it, in a folder of its own.
        let fresh = try BuiltBinary.run(arguments + ["--output", "Fresh", "--no-cache"], in: folder.url)
        try #require(fresh.status == 0, "\(fresh.stderr)")
        let newSite = folder.tree("Fresh")
        try #require(newSite != oldSite)

        switch step {
        case .midStaging, .beforeSwap:
            #expect(folder.tree("Output") == oldSite, "the old site must be byte-for-byte intact")
            #expect(!Self.leftovers(in: folder).isEmpty, "the killed build leaves its staging folder")
        case .afterSwap:
            #expect(folder.tree("Output") == newSite, "the new site must be in place, whole")
        }

        let next = try BuiltBinary.run(arguments, in: folder.url)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(folder.tree("Output") == newSite)
        #expect(Self.leftovers(in: folder).isEmpty, "a later build removes the dead build's folders")

        try original.write(to: plan)
        #expect(try BuiltBinary.run(["build", "--today", today], in: folder.url).status == 0)
        #expect(folder.tree("Output") == oldSite)
    }

    /// An unknown fault step is a usage error, so a mistyped seam never passes for a build that was not killed.
    @Test func unknownFaultStepIsRefused() throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let result = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url, environment: ["PLANFOLIO_FAULT": "after-lunch"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("PLANFOLIO_FAULT is 'after-lunch'; the steps are mid-staging, before-swap, after-swap"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output").path))
    }

    /// Staging and old-site folders of builds, beside the output or in its work folder.
    static func leftovers(in folder: TemporaryFolder) -> [String] {
        let places = [folder.url, folder.path(".Output.planfolio-cache")]
        return places.flatMap { place in
            ((try? FileManager.default.contentsOfDirectory(atPath: place.path)) ?? [])
                .filter { $0.contains(".planfolio-staging-") || $0.contains(".planfolio-old-") }
        }
    }

    /// On a terminal, a long build shows a progress line (on a portfolio of
    /// bench/gencorpus.py's, long enough that the line's half-second delay passes).
    @Test func progressLineOnATerminal() throws {
        let folder = try TemporaryFolder("planfolio-progress")
        try Portfolios.copyTheme(into: folder)
        try Portfolios.generated(plans: 1000, into: folder.path("Plans"))
        let script = try Tools.find("script", install: "apt-get install -y bsdutils (util-linux's script)")
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", "'\(BuiltBinary.executable.path)' build --today \(Portfolios.today)", "/dev/null"]
        process.currentDirectoryURL = folder.url
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(500))")
        #expect(text.contains("\r\u{1B}[2Kplanfolio: rendering and writing "), "no progress line on a terminal: \(text.suffix(500))")
        #expect(text.contains(" unchanged), 0 errors"))
    }
}
