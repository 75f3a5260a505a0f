import Foundation
import Testing
@testable import PlanfolioKit

/// A build writes its pages batch by batch as they are rendered; these prove
/// that gives the same site as the whole site in memory, and that a failure
/// part way leaves the last good site alone.
@Suite struct StreamingWriteTests {
    @Test func streamedBuildWritesExactlyTheInMemorySite() throws {
        // More documents than one batch, so several batches meet the writer.
        var files: [SourceFile] = []
        for index in 1...(SiteRenderer.batchSize + 40) {
            files.append(SourceFile(path: "plans/p\(index).md",
                                    text: "---\nid: RP-\(index)\ntitle: Plan \(index)\nsystem: S\(index % 3)\n---\n# Plan \(index)\n\nSee RP-\(index % 7 + 1).\n"))
        }
        let folder = try PerformanceFixtures.temporaryFolder("stream")
        defer { try? FileManager.default.removeItem(at: folder) }
        try PerformanceFixtures.write(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) }), under: folder.appendingPathComponent("in"))
        var options = BuildOptions(today: PerformanceFixtures.today)
        options.input = folder.appendingPathComponent("in").path
        options.output = folder.appendingPathComponent("out").path
        options.theme = PerformanceFixtures.themePath
        options.useCache = false

        let report = try Build.run(options)
        #expect(!report.hasErrors)
        #expect(report.wrote)
        let loaded = try InputLoader.load(input: options.input)
        let theme = try ThemeFiles.load(from: PerformanceFixtures.themePath)
        let inMemory = Build.site(from: loaded, theme: theme, themePath: PerformanceFixtures.themePath, options: options)
        var written = try PerformanceFixtures.tree(folder.appendingPathComponent("out"))
        #expect(written.removeValue(forKey: SiteWriter.markerName) != nil)
        #expect(written.keys.sorted() == inMemory.files.map(\.path))
        let differing = inMemory.files.filter { written[$0.path] != Data($0.contents) }.map(\.path)
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(report.pagesWritten == inMemory.files.count(where: { $0.path.hasSuffix(".html") }))
    }

    @Test func failureInALaterBatchLeavesTheOldSiteAndNoStagingFolder() throws {
        let folder = try PerformanceFixtures.temporaryFolder("stream-fail")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output").path
        try SiteWriter.write([OutputFile(path: "index.html", text: "old site")], to: output)
        let before = try PerformanceFixtures.tree(URL(fileURLWithPath: output))

        let stager = BackgroundStager(try SiteStaging.open(output: output))
        stager.add([OutputFile(path: "index.html", text: "new site"), OutputFile(path: "plans/a.html", text: "a")])
        stager.add([OutputFile(path: "../escape.html", text: "x")])
        stager.add([OutputFile(path: "plans/b.html", text: "b")])
        #expect(throws: PlanfolioError.self) { try stager.finish() }

        #expect(try PerformanceFixtures.tree(URL(fileURLWithPath: output)) == before)
        #expect(try Self.entries(folder) == ["Output"], "the staging folder is removed")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.html").path))
    }

    /// The folder's entries, with the work folder's own listed inside it (so an empty one is not listed).
    static func entries(_ folder: URL) throws -> [String] {
        let work = StagingName(outputName: "Output").workFolder
        var out: [String] = []
        for entry in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            if entry == work {
                out += try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(work).path).map { work + "/" + $0 }
            } else {
                out.append(entry)
            }
        }
        return out.sorted()
    }

    @Test func stagingRefusesTheSamePathTwice() throws {
        let folder = try PerformanceFixtures.temporaryFolder("stream-twice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try SiteStaging.open(output: folder.appendingPathComponent("Output").path)
        try site.add([OutputFile(path: "a.html", text: "1")])
        #expect(throws: PlanfolioError.self) { try site.add([OutputFile(path: "a.html", text: "2")]) }
        #expect(try Self.entries(folder).isEmpty, "nothing was put in place")
    }

    @Test func noSiteFileMayTakeTheMarkersName() throws {
        let folder = try PerformanceFixtures.temporaryFolder("stream-marker")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output").path
        #expect(throws: PlanfolioError.self) { try SiteWriter.write([OutputFile(path: SiteWriter.markerName, text: "x")], to: output) }
        #expect(try Self.entries(folder).isEmpty, "refused before anything was made")
        let site = try SiteStaging.open(output: output)
        #expect(throws: PlanfolioError.self) { try site.add([OutputFile(path: SiteWriter.markerName, text: "x")]) }
        #expect(try Self.entries(folder).isEmpty, "the staging folder is removed")
    }

    @Test func abandonedStagingLeavesNoOutput() throws {
        let folder = try PerformanceFixtures.temporaryFolder("stream-abandon")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try SiteStaging.open(output: folder.appendingPathComponent("Output").path)
        try site.add([OutputFile(path: "deep/er/a.html", text: "1")])
        site.abandon()
        #expect(try Self.entries(folder).isEmpty)
        #expect(throws: PlanfolioError.self) { try site.commit() }
    }
}
