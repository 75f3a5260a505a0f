import Foundation
import Testing
@testable import PlanfolioKit

/// `SiteStaging`'s spare: the site before the current one, kept in the work
/// folder so that the next rebuild starts from it. It is used only when it is
/// exactly as it was kept; then the staging folder is the current site, file
/// for file (same inodes); anything odd about it and it is not used at all.
@Suite struct SiteStagingSpareTests {
    static let firstSite = [
        OutputFile(path: "index.html", text: "<p>home</p>"),
        OutputFile(path: "plans/RP-1.html", text: "plan one"),
        OutputFile(path: "plans/RP-2.html", text: "plan two"),
        OutputFile(path: "assets/css/site.css", text: "body{}"),
    ]

    struct Setup {
        var root: URL
        var output: String { root.appendingPathComponent("Output").path }
        var workFolder: String { root.appendingPathComponent(StagingName(outputName: "Output").workFolder).path }
        var spare: String { (workFolder as NSString).appendingPathComponent(StagingName(outputName: "Output").spare) }
        var spareRecord: String { (workFolder as NSString).appendingPathComponent(StagingName(outputName: "Output").spareRecord) }
        var spareExists: Bool { FileManager.default.fileExists(atPath: spare) }
    }

    /// A site written by `SiteWriter`, with no spare.
    static func setup() throws -> Setup {
        let setup = Setup(root: try PerformanceFixtures.temporaryFolder("spare"))
        try SiteWriter.write(firstSite, to: setup.output)
        return setup
    }

    /// The first site, then a second one made from it with `plans/RP-1.html` changed, keeping the first as the spare.
    static func setupWithSpare() throws -> Setup {
        let setup = try setup()
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        #expect(!staging.reusedSpare)
        _ = try staging.linkPrevious()
        try staging.add([OutputFile(path: "plans/RP-1.html", text: "plan one, edited")])
        try staging.commit(keepingSpare: true)
        staging.recordSpare()
        #expect(setup.spareExists && FileManager.default.fileExists(atPath: setup.spareRecord))
        return setup
    }

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Every file under `folder` (the marker too), by path, with its inode.
    static func inodes(_ folder: String) -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return out }
        for case let relative as String in enumerator {
            var info = stat()
            let path = (folder as NSString).appendingPathComponent(relative)
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { out[relative] = UInt64(info.st_ino) }
        }
        return out
    }

    static func text(_ folder: String, _ relative: String) -> String? {
        FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func withNoSpareNothingIsReusedAndLinkPreviousLinksEveryFile() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        defer { staging.abandon() }
        #expect(!staging.reusedSpare)
        #expect(Array(Self.inodes(staging.staging).keys) == [SiteWriter.markerName], "a fresh staging folder holds the marker alone")
        let linked = try staging.linkPrevious()
        #expect(linked == Self.firstSite.count)
        let current = Self.inodes(setup.output)
        #expect(current.count == Self.firstSite.count + 1)
        #expect(Self.inodes(staging.staging) == current, "every file is the current site's own (same inode)")
    }

    /// A file the new site no longer has is linked with the rest, then removed, and not counted as unchanged.
    @Test func removeTakesOutWhatTheNewSiteNoLongerHas() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output)
        #expect(try staging.linkPrevious() == Self.firstSite.count)
        try staging.remove(["plans/RP-2.html"])
        #expect(Self.inodes(staging.staging)["plans/RP-2.html"] == nil)
        let result = try staging.commit()
        #expect(result.unchanged == Self.firstSite.count - 1)
        #expect(Self.text(setup.output, "plans/RP-2.html") == nil && Self.text(setup.output, "plans/RP-1.html") == "plan one")
    }

    /// A staging folder begun from the current site whose build wrote
    /// nothing becomes the spare, noted with what was staged into it since;
    /// the next staging adopts it and is the current site, file for file.
    @Test func anUnusedStagingFolderIsKeptAsTheSpare() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        _ = try staging.linkPrevious()
        try staging.add([OutputFile(path: "plans/RP-2.html", text: "plan two, half built")])
        #expect(staging.keepAsSpare())
        #expect(!staging.keepAsSpare(), "once only")
        #expect(setup.spareExists)
        let record = try JSONDecoder().decode(SiteStaging.SpareRecord.self, from: Data(contentsOf: URL(fileURLWithPath: setup.spareRecord)))
        #expect(record.changed == ["plans/RP-2.html"])
        #expect(Self.text(setup.output, "plans/RP-2.html") == "plan two", "the output is left as it was")

        let next = try SiteStaging.open(output: setup.output, reusingSpare: true)
        defer { next.abandon() }
        #expect(next.reusedSpare)
        #expect(Self.inodes(next.staging) == Self.inodes(setup.output))
        // A committed staging folder is not kept again.
        try next.commit()
        #expect(!next.keepAsSpare())
    }

    @Test func commitKeepingSpareKeepsTheOldSiteInTheWorkFolder() throws {
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        #expect(Self.text(setup.output, "plans/RP-1.html") == "plan one, edited")
        #expect(Self.text(setup.spare, "plans/RP-1.html") == "plan one", "the spare is the site before")
        let spare = Self.inodes(setup.spare), current = Self.inodes(setup.output)
        #expect(spare.keys.sorted() == current.keys.sorted())
        #expect(spare.filter { current[$0.key] != $0.value }.map(\.key) == ["plans/RP-1.html"], "the files the two share are one file each")
        let record = try JSONDecoder().decode(SiteStaging.SpareRecord.self, from: Data(contentsOf: URL(fileURLWithPath: setup.spareRecord)))
        #expect(record.changed == ["plans/RP-1.html"])
        #expect(record.stamp == OutputStamp.folders(of: setup.spare))
    }

    @Test func theNextOpenReusesTheSpareAsTheCurrentSite() throws {
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let current = Self.inodes(setup.output)
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        #expect(staging.reusedSpare)
        #expect(!setup.spareExists && !FileManager.default.fileExists(atPath: setup.spareRecord), "the spare became the staging folder")
        #expect(Self.inodes(staging.staging) == current, "exactly the current site's files, each the same inode")
        staging.abandon()
    }

    @Test func aRebuildFromTheSpareGivesTheNewSiteAndStampsItRight() throws {
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        for round in 1...3 {
            let previousEntries = OutputStamp.entries(folder: setup.output)
            let before = Self.inodes(setup.output)
            let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
            #expect(staging.reusedSpare, "round \(round)")
            let edited = round % 2 == 0 ? "plans/RP-1.html" : "plans/RP-2.html"
            try staging.add([OutputFile(path: edited, text: "round \(round)"), OutputFile(path: "index.html", text: "<p>home</p>")])
            let result = try staging.commit(keepingSpare: true)
            #expect(result.written == 1, "round \(round): only the edited file is written")
            let stamp = staging.outputEntries(previousEntries: previousEntries).map(OutputStamp.hash)
            staging.recordSpare()
            #expect(stamp != nil && stamp == OutputStamp.of(folder: setup.output), "round \(round)")
            #expect(Self.text(setup.output, edited) == "round \(round)")
            let after = Self.inodes(setup.output)
            #expect(after.keys.sorted() == before.keys.sorted())
            #expect(after.filter { before[$0.key] != $0.value }.map(\.key) == [edited], "round \(round): every other file is the same file")
            #expect(setup.spareExists)
        }
    }

    @Test func aNewFileFromTheSpareIsStampedRightToo() throws {
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let previousEntries = OutputStamp.entries(folder: setup.output)
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        #expect(staging.reusedSpare)
        try staging.add([OutputFile(path: "plans/RP-3.html", text: "three"), OutputFile(path: "systems/s.html", text: "s")])
        try staging.commit(keepingSpare: true)
        #expect(staging.outputEntries(previousEntries: previousEntries).map(OutputStamp.hash) == OutputStamp.of(folder: setup.output))
        staging.recordSpare()
        // The spare lacks `systems/`, which the next adoption would need: it is not used, and the site is still whole.
        let current = Self.inodes(setup.output)
        let next = try SiteStaging.open(output: setup.output, reusingSpare: true)
        defer { next.abandon() }
        if next.reusedSpare {
            #expect(Self.inodes(next.staging) == current)
        } else {
            _ = try next.linkPrevious()
            #expect(Self.inodes(next.staging) == current)
        }
    }

    @Test func outputStampWithoutTheSpareOrPreviousEntriesIsTheFullStamp() throws {
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        #expect(staging.reusedSpare)
        try staging.add([OutputFile(path: "plans/RP-2.html", text: "changed")])
        try staging.commit(keepingSpare: true)
        #expect(staging.outputEntries(previousEntries: nil).map(OutputStamp.hash) == OutputStamp.of(folder: setup.output))
        #expect(staging.outputEntries(previousEntries: ["not an entry"]).map(OutputStamp.hash) == OutputStamp.of(folder: setup.output))
    }

    /// What can happen to a spare between two builds; none of it may be used.
    static let spoilers: [(String, @Sendable (Setup) throws -> Void)] = [
        ("a stray file in a folder of the spare", { setup in
            try Data("stray".utf8).write(to: URL(fileURLWithPath: setup.spare + "/plans/stray.html"))
        }),
        ("a stray file at the top of the spare", { setup in
            try Data("stray".utf8).write(to: URL(fileURLWithPath: setup.spare + "/stray.html"))
        }),
        ("a stray folder in the spare", { setup in
            try FileManager.default.createDirectory(atPath: setup.spare + "/assets/stray.html", withIntermediateDirectories: false)
        }),
        ("a file of the spare removed", { setup in
            try FileManager.default.removeItem(atPath: setup.spare + "/assets/css/site.css")
        }),
        ("a file of the spare replaced", { setup in
            try FileManager.default.removeItem(atPath: setup.spare + "/plans/RP-2.html")
            try Data("stray".utf8).write(to: URL(fileURLWithPath: setup.spare + "/plans/RP-2.html"))
        }),
        ("garbage spare.json", { setup in
            try Data("{not json".utf8).write(to: URL(fileURLWithPath: setup.spareRecord))
        }),
        ("spare.json of another shape", { setup in
            try Data(#"{"stamp": 3}"#.utf8).write(to: URL(fileURLWithPath: setup.spareRecord))
        }),
        ("missing spare.json", { setup in
            try FileManager.default.removeItem(atPath: setup.spareRecord)
        }),
        ("a wrong stamp in spare.json", { setup in
            let record = SiteStaging.SpareRecord(stamp: "0123", changed: ["plans/RP-1.html"])
            try JSONEncoder().encode(record).write(to: URL(fileURLWithPath: setup.spareRecord))
        }),
        ("an unsafe changed path in spare.json", { setup in
            let record = SiteStaging.SpareRecord(stamp: OutputStamp.folders(of: setup.spare) ?? "", changed: ["../../escape.html", "plans/RP-1.html"])
            try JSONEncoder().encode(record).write(to: URL(fileURLWithPath: setup.spareRecord))
        }),
    ]

    @Test(arguments: spoilers.indices)
    func aSpareNotAsItWasKeptIsNotUsed(_ index: Int) throws {
        let (name, spoil) = Self.spoilers[index]
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        try spoil(setup)
        let current = Self.inodes(setup.output)
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        #expect(!staging.reusedSpare, "\(name): the spare was used")
        #expect(!setup.spareExists && !FileManager.default.fileExists(atPath: setup.spareRecord), "\(name): the spare is removed")
        // As a partial build goes on: from the spare when it was used, else from the current site.
        if !staging.reusedSpare { _ = try staging.linkPrevious() }
        #expect(Self.inodes(staging.staging) == current, "\(name)")
        try staging.add([OutputFile(path: "plans/RP-2.html", text: "plan two, edited")])
        try staging.commit(keepingSpare: true)
        staging.recordSpare()
        let output = Self.inodes(setup.output)
        #expect(output.keys.sorted() == current.keys.sorted(), "\(name): the output has exactly the site's files")
        #expect(output["stray.html"] == nil && output["plans/stray.html"] == nil)
        #expect(Self.text(setup.output, "plans/RP-2.html") == "plan two, edited")
        #expect(Self.text(setup.output, "assets/css/site.css") == "body{}")
        #expect(!FileManager.default.fileExists(atPath: setup.root.appendingPathComponent("escape.html").path))
    }

    @Test func aWholeNewSiteKeepsASpareOfLinksToItsFiles() throws {
        let setup = Setup(root: try PerformanceFixtures.temporaryFolder("spare"))
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output)
        try staging.add(Self.firstSite)
        try staging.commit()
        #expect(!setup.spareExists)
        staging.keepLinkedSpare()
        #expect(setup.spareExists)
        let record = try JSONDecoder().decode(SiteStaging.SpareRecord.self, from: Data(contentsOf: URL(fileURLWithPath: setup.spareRecord)))
        #expect(record.changed.isEmpty, "it differs from the site in no file")
        #expect(record.stamp == OutputStamp.folders(of: setup.spare))
        let site = Self.inodes(setup.output)
        #expect(site.count == Self.firstSite.count + 1)
        #expect(Self.inodes(setup.spare) == site, "every file, the marker too, is the site's own (same inode)")
        // The next staging starts from it as the current site, nothing linked again.
        let next = try SiteStaging.open(output: setup.output, reusingSpare: true)
        defer { next.abandon() }
        #expect(next.reusedSpare)
        #expect(Self.inodes(next.staging) == site)
    }

    @Test func aSiteStagedFromTheCurrentOneLinksNoSpareOfItsOwn() throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output)
        _ = try staging.linkPrevious()
        try staging.add([OutputFile(path: "plans/RP-1.html", text: "plan one, edited")])
        try staging.commit()
        staging.keepLinkedSpare()
        #expect(!setup.spareExists, "only a whole new site is linked as a spare; one staged from the current site keeps the old one or none")
    }

    @Test func aFullOpenRemovesTheSpare() throws {
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output)
        #expect(!staging.reusedSpare)
        #expect(!setup.spareExists && !FileManager.default.fileExists(atPath: setup.spareRecord))
        try staging.add(Self.firstSite)
        try staging.commit()
        #expect(!setup.spareExists)
    }

    @Test func aCommitWithoutKeepingLeavesNoSpare() throws {
        let setup = try Self.setupWithSpare()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        #expect(staging.reusedSpare)
        try staging.add([OutputFile(path: "plans/RP-2.html", text: "x")])
        try staging.commit()
        staging.recordSpare()
        #expect(!setup.spareExists && !FileManager.default.fileExists(atPath: setup.spareRecord))
        #expect(try StreamingWriteTests.entries(setup.root) == ["Output"], "nothing else is left beside the output")
    }

    @Test func aStagingNotMadeFromTheCurrentSiteKeepsNoSpare() throws {
        // Without `linkPrevious` or the spare the old site is not the new one's twin: it must not be kept.
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let staging = try SiteStaging.open(output: setup.output, reusingSpare: true)
        try staging.add(Self.firstSite)
        try staging.commit(keepingSpare: true)
        staging.recordSpare()
        #expect(!setup.spareExists && !FileManager.default.fileExists(atPath: setup.spareRecord))
    }

    /// Through `Build.run`: a partial build keeps the spare, with a
    /// record that matches it, and the next one starts from it (the spare's
    /// folder becomes the output), with the same site a clean build gives.
    @Test func partialBuildsKeepAndReuseTheSpare() throws {
        let setup = try SessionStoreTests.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let names = StagingName(outputName: "Output")
        let work = setup.root.appendingPathComponent(names.workFolder).path
        let spare = (work as NSString).appendingPathComponent(names.spare)
        let spareRecord = (work as NSString).appendingPathComponent(names.spareRecord)
        #expect(try Build.run(setup.options).mode == .full)
        let file = setup.input.appendingPathComponent("plans/RP-2026-002.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        for round in 1...3 {
            try Data(original.replacingOccurrences(of: "Text.", with: "Text, edit \(round).").utf8).write(to: file)
            let spareRoot = Self.inode(spare)
            let report = try Build.run(setup.options)
            // Its page and the search index (the edit is in its first lines).
            #expect(report.mode == .partial(rendered: 2, parsed: 1), "round \(round)")
            // The first time, the spare the full build linked (`keepLinkedSpare`).
            #expect(spareRoot != nil && Self.inode(setup.output.path) == spareRoot, "round \(round): the spare became the new site")
            let record = try JSONDecoder().decode(SiteStaging.SpareRecord.self, from: Data(contentsOf: URL(fileURLWithPath: spareRecord)))
            #expect(record.stamp == OutputStamp.folders(of: spare), "round \(round): the spare is as recorded")
            #expect(record.changed == ["plans/RP-2026-002.html", SearchIndex.fileName], "round \(round): the page and the search index")
            var built = try PerformanceFixtures.tree(setup.output)
            var clean = try SessionStoreTests.cleanBuild(setup)
            built.removeValue(forKey: SiteWriter.markerName)
            clean.removeValue(forKey: SiteWriter.markerName)
            #expect(built == clean, "round \(round): the same site as a clean build")
        }
    }
}
