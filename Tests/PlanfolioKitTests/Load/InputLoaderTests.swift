import Foundation
import Testing
@testable import PlanfolioKit

/// The Load stage on real folders: what it reads, skips and refuses.
@Suite struct InputLoaderTests {
    /// A temporary input folder, removed when the test ends.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-load-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ path: String, _ text: String) throws {
            try write(path, Data(text.utf8))
        }

        func write(_ path: String, _ data: Data) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
    }

    @Test func readsMarkdownInSortedOrderAndSkipsNotes() throws {
        let folder = try Folder()
        try folder.write("plans/RP-2.md", "---\nid: RP-2\n---\n")
        try folder.write("plans/RP-1.md", "---\nid: RP-1\n---\n")
        try folder.write("assessments/FAF-2026-01-001.markdown", "---\nid: FAF-2026-01-001\n---\n")
        try folder.write("README.md", "# Notes about this folder\n")
        try folder.write("plans/ReadMe.MD", "# Notes\n")
        try folder.write(".git/config.md", "not a document")
        try folder.write("plans/.draft.md", "hidden")
        try folder.write("plans/evidence/chart.png", Data([0x89, 0x50]))
        let loaded = try InputLoader.load(input: folder.url.path)
        #expect(loaded.files.map(\.path) == ["assessments/FAF-2026-01-001.markdown", "plans/RP-1.md", "plans/RP-2.md"])
        #expect(loaded.assets == ["plans/evidence/chart.png"])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files[1].displayPath == folder.url.path + "/plans/RP-1.md")
    }

    @Test func tooLargeAndNotUTF8AreErrorsAtLineOneAndTheRestIsStillRead() throws {
        let folder = try Folder()
        try folder.write("plans/big.md", Data(repeating: UInt8(ascii: "a"), count: InputLoader.maxFileSize + 1))
        try folder.write("plans/latin1.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x69, 0x64, 0x3A, 0x20, 0xE9, 0x0A]))
        try folder.write("plans/RP-1.md", "---\nid: RP-1\n---\n")
        let loaded = try InputLoader.load(input: folder.url.path)
        #expect(loaded.files.map(\.path) == ["plans/RP-1.md"])
        #expect(loaded.diagnostics.map(\.code) == [.fileTooLarge, .unreadableFile])
        #expect(loaded.diagnostics.allSatisfy { $0.line == 1 && $0.severity == .error })
    }

    @Test func symbolicLinksLeadingOutsideAreNotFollowed() throws {
        let folder = try Folder(), outside = try Folder()
        try outside.write("secret.md", "---\nid: SECRET-1\nkind: plan\n---\n")
        try folder.write("plans/RP-1.md", "---\nid: RP-1\n---\n")
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("plans/leak.md"),
                                                   withDestinationURL: outside.url.appendingPathComponent("secret.md"))
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("elsewhere"), withDestinationURL: outside.url)
        // A link that stays inside is followed.
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("plans/alias.md"),
                                                   withDestinationURL: folder.url.appendingPathComponent("plans/RP-1.md"))
        let loaded = try InputLoader.load(input: folder.url.path)
        #expect(loaded.files.map(\.path) == ["plans/RP-1.md", "plans/alias.md"])
        #expect(loaded.diagnostics.map(\.code) == [.symlinkOutsideInput, .symlinkOutsideInput])
        #expect(loaded.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(Set(loaded.diagnostics.map { ($0.file as NSString).lastPathComponent }) == ["leak.md", "elsewhere"])
    }

    @Test func missingInputIsAnEnvironmentFailure() {
        #expect(throws: PlanfolioError.self) {
            try InputLoader.load(input: "/nonexistent/planfolio/input")
        }
    }

    @Test func aFIFONamedLikeADocumentIsAnErrorAndNeverOpened() throws {
        let folder = try Folder()
        try folder.write("plans/RP-1.md", "---\nid: RP-1\n---\n")
        try #require(mkfifo(folder.url.appendingPathComponent("plans/pipe.md").path, 0o644) == 0)
        try #require(mkfifo(folder.url.appendingPathComponent("plans/evidence.csv").path, 0o644) == 0)
        // Opening either for reading would wait for a writer that never comes.
        let loaded = try InputLoader.load(input: folder.url.path)
        #expect(loaded.files.map(\.path) == ["plans/RP-1.md"])
        #expect(loaded.assets.isEmpty, "only regular files are assets")
        #expect(loaded.diagnostics.map(\.code) == [.unreadableFile])
        #expect(loaded.diagnostics.first?.file.hasSuffix("plans/pipe.md") == true)
        #expect(loaded.diagnostics.first?.message.contains("not a regular file") == true)
    }

    @Test func aOneLetterInputFolderLoadsAndFindsItsConfigBesideIt() throws {
        #expect(ConfigLoader.defaultPath(input: "p") == "planfolio.yml")
        #expect(ConfigLoader.defaultPath(input: "p/") == "planfolio.yml")
        #expect(ConfigLoader.defaultPath(input: "a/p") == "a/planfolio.yml")
        #expect(ConfigLoader.defaultPath(input: "/p") == "/planfolio.yml")
        let folder = try Folder()
        try folder.write("p/plans/RP-1.md", "---\nid: RP-1\n---\n")
        let loaded = try InputLoader.load(input: folder.url.appendingPathComponent("p").path)
        #expect(loaded.files.map(\.path) == ["plans/RP-1.md"])
    }
}
