import Foundation
import Testing
@testable import PlanfolioKit

/// Builds that continue a kept session, with symbolic links and killed
/// builds in the input and work folders: after an edit, the site and the
/// diagnostics are exactly those of a clean build (`useCache = false`) of the
/// same input.
@Suite struct SessionBuildLinkTests {
    /// The files of a clean build of the setup's input (marker left out) and its diagnostics.
    static func clean(_ setup: SessionStoreTests.Setup) throws -> (files: [String: Data], diagnostics: [Diagnostic]) {
        var options = setup.options
        options.output = setup.root.appendingPathComponent("Clean-\(UUID().uuidString)").path
        options.useCache = false
        let report = try Build.run(options)
        defer { try? FileManager.default.removeItem(atPath: options.output) }
        var files = try PerformanceFixtures.tree(URL(fileURLWithPath: options.output))
        files.removeValue(forKey: SiteWriter.markerName)
        return (files, report.diagnostics)
    }

    static func output(_ setup: SessionStoreTests.Setup) throws -> [String: Data] {
        var files = try PerformanceFixtures.tree(setup.output)
        files.removeValue(forKey: SiteWriter.markerName)
        return files
    }

    /// Builds, checks the result against a clean build, and returns the report.
    @discardableResult
    static func buildAndCompare(_ setup: SessionStoreTests.Setup, _ note: String) throws -> BuildReport {
        let report = try Build.run(setup.options)
        let clean = try Self.clean(setup)
        #expect(try Self.output(setup) == clean.files, "\(note): not the site a clean build gives")
        #expect(report.diagnostics == clean.diagnostics, "\(note): not the diagnostics a clean build gives")
        return report
    }

    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }

    @Test func aProseEditRendersOnePageAndGivesTheCleanSite() throws {
        let setup = try SessionStoreTests.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        try Self.buildAndCompare(setup, "first build")
        try Self.replace("Text.", with: "Text, edited.", in: setup.input.appendingPathComponent("plans/RP-2026-002.md"))
        // An editor's swap file beside it does not stop the fast path.
        try Data("swap".utf8).write(to: setup.input.appendingPathComponent("plans/.RP-2026-002.md.swp"))
        let report = try Self.buildAndCompare(setup, "after the edit")
        #expect(report.mode == .partial(rendered: 2, parsed: 1))
    }

    /// Documents and evidence the loader reaches through a symbolic link:
    /// the link's own entry does not change when the file it names does, and
    /// the file it names may be one the loader never reads by its own path
    /// (hidden, or a `README.md` note). (name, the link, where it points, the document file to edit)
    static let links: [(name: String, link: String, target: String, edited: String)] = [
        ("a document linked to a hidden file", "plans/RP-2026-002.md", "../.drafts/RP-2026-002.md", ".drafts/RP-2026-002.md"),
        ("a document linked to a README note", "plans/RP-2026-002.md", "../notes/README.md", "notes/README.md"),
        ("a folder linked to a hidden folder", "plans", ".plans", ".plans/RP-2026-002.md"),
    ]

    @Test(arguments: links.indices)
    func anEditThroughASymbolicLinkIsNotMissed(_ index: Int) throws {
        let (name, link, target, edited) = Self.links[index]
        let setup = try SessionStoreTests.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let fileManager = FileManager.default
        let linkURL = setup.input.appendingPathComponent(link)
        let editedURL = setup.input.appendingPathComponent(edited)
        // Move what the link stands for to where it points, then link it.
        try fileManager.createDirectory(at: editedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        if link == "plans" {
            try fileManager.removeItem(at: editedURL.deletingLastPathComponent())
            try fileManager.moveItem(at: linkURL, to: editedURL.deletingLastPathComponent())
        } else {
            try fileManager.moveItem(at: linkURL, to: editedURL)
        }
        try fileManager.createSymbolicLink(atPath: linkURL.path, withDestinationPath: target)
        try Self.buildAndCompare(setup, "\(name): first build")
        try Self.replace("Text.", with: "Text, edited.", in: editedURL)
        try Self.buildAndCompare(setup, "\(name): after the edit")
    }

    @Test func evidenceLinkedToAHiddenFileIsCopiedAgainWhenThatFileChanges() throws {
        let setup = try SessionStoreTests.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        try Self.replace("Text.", with: "Text and [the data](data.csv).", in: setup.input.appendingPathComponent("plans/RP-2026-002.md"))
        let hidden = setup.input.appendingPathComponent(".data/data.csv")
        try FileManager.default.createDirectory(at: hidden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("a,b\n1,2\n".utf8).write(to: hidden)
        try FileManager.default.createSymbolicLink(atPath: setup.input.appendingPathComponent("plans/data.csv").path,
                                                   withDestinationPath: "../.data/data.csv")
        try Self.buildAndCompare(setup, "first build")
        #expect(try Self.output(setup)["files/plans/data.csv"] == Data("a,b\n1,2\n".utf8))
        try Data("a,b\n3,4\n".utf8).write(to: hidden)
        try Self.buildAndCompare(setup, "after the evidence changed")
    }

    @Test func aSymbolicLinkDoesNotStopAnEditElsewhereFromRenderingOnePage() throws {
        let setup = try SessionStoreTests.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: setup.input.appendingPathComponent(".drafts"), withIntermediateDirectories: true)
        try fileManager.moveItem(at: setup.input.appendingPathComponent("plans/RP-2026-001.md"),
                                 to: setup.input.appendingPathComponent(".drafts/RP-2026-001.md"))
        try fileManager.createSymbolicLink(atPath: setup.input.appendingPathComponent("plans/RP-2026-001.md").path,
                                           withDestinationPath: "../.drafts/RP-2026-001.md")
        try Self.buildAndCompare(setup, "first build")
        try Self.replace("Text.", with: "Text, edited.", in: setup.input.appendingPathComponent("plans/RP-2026-002.md"))
        let report = try Self.buildAndCompare(setup, "after the edit")
        #expect(report.mode == .partial(rendered: 2, parsed: 1))
    }

    @Test func temporaryFilesOfKilledBuildsDoNotPileUpInTheWorkFolder() throws {
        let setup = try SessionStoreTests.setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        try Self.buildAndCompare(setup, "first build")
        // What builds killed between writing a temporary file and renaming it leave behind.
        let dead = try SiteWriterTests.deadPID()
        let folder = URL(fileURLWithPath: setup.store.folder)
        let leftovers = [SessionStore.sessionName, SessionStore.facesName, StagingName(outputName: "Output").spareRecord].map { "\($0).\(dead).tmp" }
        // A file of a build still running (pid 1 is always alive), and a user's file of another shape.
        let kept = ["session.bin.1.tmp", "notes.\(dead).tmp"]
        for name in leftovers + kept { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        try Self.replace("Text.", with: "Text, edited.", in: setup.input.appendingPathComponent("plans/RP-2026-002.md"))
        try Self.buildAndCompare(setup, "after the edit")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in leftovers { #expect(!names.contains(name), "\(name) is left") }
        for name in kept { #expect(names.contains(name), "\(name) was removed") }
    }
}
