import Foundation
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

    /// A build killed with SIGKILL while its staging folder exists leaves the
    /// old site byte-for-byte; the next build removes the dead build's staging folder.
    @Test(.timeLimit(.minutes(5))) func sigkillMidWriteLeavesOldSite() throws {
        let folder = try TemporaryFolder("planfolio-kill")
        try Portfolios.copyTheme(into: folder)
        let generator = BuiltBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gencorpus.py")
        let fallback = URL(fileURLWithPath: "/work/shared/bench/gencorpus.py")
        let script = FileManager.default.fileExists(atPath: generator.path) ? generator : fallback
        guard let python = SARIFSchema.python, FileManager.default.fileExists(atPath: script.path) else {
            print("SKIPPED: the SIGKILL test needs python3 and ../shared/bench/gencorpus.py")
            return
        }
        let gen = Process()
        gen.executableURL = URL(fileURLWithPath: python)
        gen.arguments = [script.path, folder.path("Plans").path, "--plans", "2000"]
        gen.standardOutput = FileHandle.nullDevice
        try gen.run()
        gen.waitUntilExit()
        try #require(gen.terminationStatus == 0)

        let first = try BuiltBinary.run(["build", "--today", "2027-04-01"], in: folder.url)
        try #require(first.status == 0, "\(first.stderr)")
        let oldSite = folder.tree("Output")
        #expect(oldSite.count > 4000)

        // A different today changes every page, so a swapped-in new site could not pass for the old one.
        let started = try BuiltBinary.start(["build", "--today", "2027-05-01"], in: folder.url)
        let pid = started.process.processIdentifier
        let stagingName = ".Output.planfolio-cache/.Output.planfolio-staging-\(pid)"
        let staging = folder.path(stagingName).path
        var sawStaging = false
        while started.process.isRunning {
            if FileManager.default.fileExists(atPath: staging) {
                sawStaging = true
                // Let it write some of the files first.
                usleep(50_000)
                kill(pid, SIGKILL)
                break
            }
            usleep(500)
        }
        started.process.waitUntilExit()
        try #require(sawStaging, "the build finished before its staging folder was seen")
        #expect(started.process.terminationReason == .uncaughtSignal)
        #expect(folder.tree("Output") == oldSite, "the old site must be byte-for-byte intact")
        #expect(FileManager.default.fileExists(atPath: staging), "the killed build leaves its staging folder")

        let next = try BuiltBinary.run(["build", "--today", "2027-05-01"], in: folder.url)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: staging), "a later build removes the dead build's staging folder")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".planfolio-") && !$0.hasSuffix(".planfolio-cache") }
            + FileManager.default.contentsOfDirectory(atPath: folder.path(".Output.planfolio-cache").path).filter { $0.contains(".planfolio-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(folder.tree("Output") != oldSite)

        // While the large portfolio is here: on a terminal, a long build shows a progress line.
        try progressLineOnATerminal(in: folder)
    }

    /// Runs a build under `script`, which gives it a pseudo-terminal, and looks for the progress line.
    func progressLineOnATerminal(in folder: TemporaryFolder) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let binary = Optional(BuiltBinary.executable) else {
            print("SKIPPED: the terminal progress check needs /usr/bin/script (util-linux)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary.path)' build --today 2027-06-01", "/dev/null"]
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
