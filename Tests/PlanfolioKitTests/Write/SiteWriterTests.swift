import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct SiteWriterTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-writer-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        var output: String { url.appendingPathComponent("Output").path }
        func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
        func inode(_ relative: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path(relative))[.systemFileNumber] as? Int)
        }
        func text(_ relative: String) -> String? {
            FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
        }
        /// What is beside the output, with the work folder's contents as `work/NAME` (an empty work folder is not listed).
        func entries() throws -> [String] {
            var out: [String] = []
            for entry in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                if entry == StagingName(outputName: "Output").workFolder {
                    out += try FileManager.default.contentsOfDirectory(atPath: path(entry)).map { "work/" + $0 }
                } else {
                    out.append(entry)
                }
            }
            return out.sorted()
        }
        var workFolder: String { path(StagingName(outputName: "Output").workFolder) }
    }

    let site = [OutputFile(path: "index.html", text: "home"), OutputFile(path: "plans/RP-1.html", text: "plan one"),
                OutputFile(path: "assets/style.css", text: "body{}")]

    @Test func writesTheSiteWithItsMarker() throws {
        let folder = try Folder()
        let result = try SiteWriter.write(site, to: folder.output)
        #expect(result == WriteResult(written: 3, unchanged: 0))
        #expect(folder.text("Output/plans/RP-1.html") == "plan one")
        #expect(folder.text("Output/.planfolio") == SiteWriter.markerText)
        #expect(try folder.entries() == ["Output"], "nothing is left beside the output but the empty work folder")
        // The work folder carries the allocator hint where the file system takes it (ext4 does; tmpfs does not).
        let probe = folder.path("probe")
        try FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: false)
        POSIXFile.hintTopDirectory(probe)
        #expect(POSIXFile.hasTopDirectoryHint(folder.workFolder) == POSIXFile.hasTopDirectoryHint(probe))
    }

    @Test func unchangedFilesAreHardLinkedChangedOnesRewrittenRemovedOnesGone() throws {
        let folder = try Folder()
        try SiteWriter.write(site + [OutputFile(path: "old.html", text: "gone soon")], to: folder.output)
        let indexInode = try folder.inode("Output/index.html")
        let planInode = try folder.inode("Output/plans/RP-1.html")
        let changed = [OutputFile(path: "index.html", text: "home"), OutputFile(path: "plans/RP-1.html", text: "plan one, revised"),
                       OutputFile(path: "assets/style.css", text: "body{}")]
        let result = try SiteWriter.write(changed, to: folder.output)
        #expect(result == WriteResult(written: 1, unchanged: 2))
        #expect(try folder.inode("Output/index.html") == indexInode)
        #expect(try folder.inode("Output/plans/RP-1.html") != planInode)
        #expect(folder.text("Output/plans/RP-1.html") == "plan one, revised")
        #expect(folder.text("Output/old.html") == nil)
        #expect(try folder.entries() == ["Output"])
    }

    @Test func sameSizeDifferentBytesIsRewritten() throws {
        let folder = try Folder()
        try SiteWriter.write([OutputFile(path: "a.html", text: "abc")], to: folder.output)
        let result = try SiteWriter.write([OutputFile(path: "a.html", text: "abd")], to: folder.output)
        #expect(result.written == 1)
        #expect(folder.text("Output/a.html") == "abd")
    }

    @Test func refusesAFolderWithoutMarker() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.output, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder.path("Output/mine.txt"), contents: Data("mine".utf8)))
        #expect(throws: PlanfolioError.self) { try SiteWriter.write(site, to: folder.output) }
        #expect(folder.text("Output/mine.txt") == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.output) == ["mine.txt"])
        #expect(try folder.entries() == ["Output"])
    }

    @Test func acceptsAnEmptyFolder() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.output, withIntermediateDirectories: true)
        try SiteWriter.write(site, to: folder.output)
        #expect(folder.text("Output/index.html") == "home")
    }

    @Test func refusesAFileAndASymlink() throws {
        let folder = try Folder()
        #expect(FileManager.default.createFile(atPath: folder.output, contents: Data("x".utf8)))
        #expect(throws: PlanfolioError.self) { try SiteWriter.write(site, to: folder.output) }
        try FileManager.default.createDirectory(atPath: folder.path("Real"), withIntermediateDirectories: true)
        try SiteWriter.write(site, to: folder.path("Real"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("Link"), withDestinationPath: folder.path("Real"))
        #expect(throws: PlanfolioError.self) { try SiteWriter.write(site, to: folder.path("Link")) }
    }

    @Test func refusesPathsOutsideTheOutput() throws {
        let folder = try Folder()
        #expect(throws: PlanfolioError.self) { try SiteWriter.write([OutputFile(path: "../evil.html", text: "x")], to: folder.output) }
        #expect(try folder.entries() == [])
    }

    /// A process id that no longer exists: a child that has exited.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = try TestPaths.tool("sh", install: "apt-get install -y dash")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func removesLeftoversOfDeadBuildsOnly() throws {
        let folder = try Folder()
        try SiteWriter.write(site, to: folder.output)
        let dead = try Self.deadPID()
        let names = StagingName(outputName: "Output")
        // In the work folder, and beside the output where builds before the work folder left them.
        var leftovers: [String] = []
        for place in [folder.url.path, folder.workFolder] {
            for name in [names.staging(pid: dead), names.staging(pid: 1), names.old(pid: dead)] { // pid 1 always exists
                leftovers.append((place as NSString).appendingPathComponent(name))
            }
        }
        for path in leftovers {
            try FileManager.default.createDirectory(atPath: path + "/plans", withIntermediateDirectories: true)
        }
        try SiteWriter.write(site, to: folder.output)
        let entries = try folder.entries()
        #expect(entries == [names.staging(pid: 1), "Output", "work/" + names.staging(pid: 1)], "dead: \(dead)")
    }

    @Test func putsBackAnOldSiteParkedByABuildThatDiedMidSwap() throws {
        let folder = try Folder()
        try SiteWriter.write(site, to: folder.output)
        let parked = (folder.workFolder as NSString).appendingPathComponent(StagingName(outputName: "Output").old(pid: try Self.deadPID()))
        try FileManager.default.moveItem(atPath: folder.output, toPath: parked)
        // The next build finds no output but the parked old site: it restores it, then links from it.
        let result = try SiteWriter.write(site, to: folder.output)
        #expect(result.unchanged == 3)
        #expect(try folder.entries() == ["Output"])
    }

    @Test func stagingNamesParseBack() {
        let names = StagingName(outputName: "Output")
        #expect(names.parse(names.staging(pid: 42))! == (.staging, 42))
        #expect(names.parse(names.old(pid: 7))! == (.old, 7))
        #expect(names.parse(".Output.planfolio-staging-") == nil)
        #expect(names.parse(".Output.planfolio-staging-12x") == nil)
        #expect(names.parse(".Other.planfolio-staging-12") == nil)
    }

    @Test func atomicExchangeSwapsTwoFolders() throws {
        let folder = try Folder()
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: folder.path("\(name)/\(name).txt"), contents: Data()))
        }
        try FolderSwap.exchange(folder.path("a"), folder.path("b"), oldParking: folder.path("parked"))
        if FolderSwap.atomicExchange(folder.path("a"), folder.path("b")) {
            // Swapped twice: back where they started, and the first swap was atomic too.
            #expect(FileManager.default.fileExists(atPath: folder.path("a/a.txt")))
        } else {
            #expect(FileManager.default.fileExists(atPath: folder.path("b/a.txt")))
        }
    }
}
