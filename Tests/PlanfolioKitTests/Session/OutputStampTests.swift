import Foundation
import Testing
@testable import PlanfolioKit

/// `OutputStamp`: the folders-only stamp sees every name added, removed or
/// renamed anywhere in the tree, and nothing else; `line` is what `entries` says.
@Suite struct OutputStampTests {
    static let files = [
        "index.html": "<p>home</p>",
        "plans/RP-1.html": "one",
        "plans/RP-2.html": "two",
        "assets/css/site.css": "body{}",
        "assets/js/deep/x.js": "x()",
    ]

    /// A fresh tree with its folders' modification times set far back, so
    /// that any change of a name in one shows even on a file system with coarse clocks.
    static func tree() throws -> URL {
        let root = try PerformanceFixtures.temporaryFolder("stamp")
        try PerformanceFixtures.write(files, under: root)
        let old = Date(timeIntervalSince1970: 1_000_000)
        for folder in ["", "plans", "assets", "assets/css", "assets/js", "assets/js/deep"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: root.appendingPathComponent(folder).path)
        }
        return root
    }

    /// Each change of names, by what it does to the tree.
    static let nameChanges: [(String, @Sendable (URL) throws -> Void)] = [
        ("add at the top", { try Data("new".utf8).write(to: $0.appendingPathComponent("new.html")) }),
        ("add deep down", { try Data("new".utf8).write(to: $0.appendingPathComponent("assets/js/deep/y.js")) }),
        ("remove at the top", { try FileManager.default.removeItem(at: $0.appendingPathComponent("index.html")) }),
        ("remove deep down", { try FileManager.default.removeItem(at: $0.appendingPathComponent("assets/js/deep/x.js")) }),
        ("rename in a folder", { try FileManager.default.moveItem(at: $0.appendingPathComponent("plans/RP-1.html"),
                                                                  to: $0.appendingPathComponent("plans/RP-3.html")) }),
        ("rename deep down", { try FileManager.default.moveItem(at: $0.appendingPathComponent("assets/css/site.css"),
                                                                to: $0.appendingPathComponent("assets/css/main.css")) }),
        ("move to another folder", { try FileManager.default.moveItem(at: $0.appendingPathComponent("plans/RP-2.html"),
                                                                      to: $0.appendingPathComponent("assets/RP-2.html")) }),
        ("replace by rename", { url in
            try Data("two, again".utf8).write(to: url.appendingPathComponent("plans/tmp"))
            guard rename(url.appendingPathComponent("plans/tmp").path, url.appendingPathComponent("plans/RP-2.html").path) == 0 else {
                throw PerformanceFixtures.FixtureError("rename failed")
            }
        }),
        ("add an empty folder", { try FileManager.default.createDirectory(at: $0.appendingPathComponent("assets/js/deep/empty"),
                                                                          withIntermediateDirectories: false) }),
        ("add a hard link", { url in
            guard link(url.appendingPathComponent("index.html").path, url.appendingPathComponent("plans/index.html").path) == 0 else {
                throw PerformanceFixtures.FixtureError("link failed")
            }
        }),
    ]

    @Test(arguments: nameChanges.indices)
    func foldersStampChangesWhenANameChanges(_ index: Int) throws {
        let (name, change) = Self.nameChanges[index]
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try #require(OutputStamp.folders(of: root.path))
        #expect(OutputStamp.folders(of: root.path) == before, "the same tree stamps the same")
        try change(root)
        #expect(OutputStamp.folders(of: root.path) != before, "\(name) left the folders' stamp as it was")
    }

    @Test func foldersStampStaysWhenAFileChangesInPlace() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try #require(OutputStamp.folders(of: root.path))
        let full = try #require(OutputStamp.of(folder: root.path))
        for path in ["index.html", "assets/js/deep/x.js"] {
            // Same name, same inode: written through the open file, longer and then shorter.
            let handle = try FileHandle(forWritingTo: root.appendingPathComponent(path))
            try handle.write(contentsOf: Data("changed contents, longer than before".utf8))
            try handle.truncate(atOffset: 3)
            try handle.close()
        }
        #expect(OutputStamp.folders(of: root.path) == before)
        // The full stamp does see it.
        #expect(OutputStamp.of(folder: root.path) != full)
    }

    @Test func lineIsTheEntryOfThatPath() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let entries = try #require(OutputStamp.entries(folder: root.path))
        // Every file and every folder but the root.
        #expect(entries.count == Self.files.count + 5)
        #expect(entries == entries.sorted())
        for entry in entries {
            let relative = try #require(entry.split(separator: "\u{0}", omittingEmptySubsequences: false).first.map(String.init))
            #expect(OutputStamp.line(folder: root.path, relative: relative) == entry, "\(relative)")
        }
        #expect(OutputStamp.line(folder: root.path, relative: "no/such.html") == nil)
        #expect(OutputStamp.of(folder: root.path) == OutputStamp.hash(entries))
    }

    @Test func aLineChangesWithTheFile() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try #require(OutputStamp.line(folder: root.path, relative: "plans/RP-1.html"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("plans/RP-1.html"))
        try Data("one".utf8).write(to: root.appendingPathComponent("plans/RP-1.html"))
        let after = try #require(OutputStamp.line(folder: root.path, relative: "plans/RP-1.html"))
        #expect(after != before, "a new file of the same name and size has another inode or time")
        #expect(OutputStamp.entries(folder: root.path)?.contains(after) == true)
    }

    @Test func anUnreadableFolderHasNoStamp() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-no-such-\(UUID().uuidString)").path
        #expect(OutputStamp.folders(of: missing) == nil)
        #expect(OutputStamp.entries(folder: missing) == nil)
        #expect(OutputStamp.of(folder: missing) == nil)
    }
}
