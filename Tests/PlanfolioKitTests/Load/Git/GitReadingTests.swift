import Foundation
import Testing
@testable import PlanfolioKit

/// Reading the history: the repository found from any folder inside it
/// (a linked worktree too), HEAD read from git's files as git reads it,
/// one log for the folder with renames, merges and odd paths, and blob ids
/// computed as git computes them.
@Suite struct GitReadingTests {
    @Test func blobIDsAreGitsOwn() throws {
        #expect(SHA1.blobID(Array("hello\n".utf8)) == "ce013625030ba8dba906f756967f9e9ca394464a")
        #expect(SHA1.blobID([]) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        #expect(SHA1.hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        let sandbox = try GitSandbox()
        var generator = SeededGenerator(seed: 7)
        for size in [55, 56, 63, 64, 65, 119, 120, 1_000, 70_000] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(bytes).write(to: sandbox.input.appendingPathComponent("f\(size)"))
            let git = try sandbox.git("hash-object", "Plans/f\(size)").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(SHA1.blobID(bytes) == git, "\(size) bytes")
        }
    }

    @Test func theRepositoryIsFoundFromAFolderDeepInside() throws {
        let sandbox = try GitSandbox(prefix: "a/b c/Plans")
        let repository = try #require(GitRepository.locate(input: sandbox.input.path))
        #expect(repository.prefix == "a/b c/Plans")
        #expect(repository.top == sandbox.root.resolvingSymlinksInPath().path)
        #expect(GitRepository.locate(input: sandbox.folder.path) == nil)
    }

    @Test func headFromFilesIsWhatGitSays() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("plans/a.md", "a")
        try sandbox.commit("one", on: "2026-01-02")
        let repository = try #require(GitRepository.locate(input: sandbox.input.path))
        #expect(repository.headFromFiles() == (try sandbox.head()))
        try sandbox.git("pack-refs", "--all")
        try sandbox.write("plans/a.md", "b")
        try sandbox.commit("two", on: "2026-01-03")
        try sandbox.git("pack-refs", "--all")
        #expect(repository.headFromFiles() == (try sandbox.head()), "from packed-refs")
        try sandbox.git("checkout", "-q", "--detach", "HEAD~1")
        #expect(repository.headFromFiles() == (try sandbox.head()), "detached")
        // A linked worktree has a .git file and refs in the main repository.
        let other = sandbox.folder.appendingPathComponent("other")
        try sandbox.git("worktree", "add", "-q", "-b", "side", other.path, "main")
        let linked = try #require(GitRepository.locate(input: other.appendingPathComponent("Plans").path))
        #expect(linked.gitDir != linked.commonDir)
        #expect(linked.headFromFiles() == (try sandbox.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!linked.isShallow)
    }

    @Test func oneLogFollowsRenamesThroughOddPaths() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("plans/a b.md", "first version\n" + String(repeating: "same line\n", count: 20))
        try sandbox.write("plans/ünï.md", "other\n")
        try sandbox.commit("add", on: "2026-01-02")
        try sandbox.git("mv", "Plans/plans/a b.md", "Plans/plans/tab\there.md")
        try sandbox.commit("rename", on: "2026-01-03")
        try sandbox.edit("plans/tab\there.md", "first version", "second version")
        try sandbox.commit("edit", on: "2026-01-04", author: "Kofi Mbeki")
        let repository = try #require(GitRepository.locate(input: sandbox.input.path))
        let tip = try sandbox.head()
        let log = HistoryLog.make(tip: tip, tree: try GitObjects.tree(repository, commit: tip), log: try GitLog.read(repository, tip: tip))
        let revisions = try #require(log.revisions["plans/tab\there.md"])
        #expect(revisions.map(\.change) == [.modified, .renamed, .added])
        #expect(revisions[1].oldPath == "plans/a b.md")
        #expect(revisions[0].commit?.author == "Kofi Mbeki" && revisions[0].commit?.day == Day("2026-01-04"))
        #expect(revisions[0].commit?.subject == "edit")
        #expect(log.revisions["plans/ünï.md"]?.count == 1)
        #expect(log.tipBlobs.keys.sorted() == ["plans/tab\there.md", "plans/ünï.md"])
    }

    @Test func anExtendedLogIsTheLogReadWhole() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("plans/a.md", "a\n" + String(repeating: "x\n", count: 10))
        try sandbox.commit("one", on: "2026-01-02")
        let repository = try #require(GitRepository.locate(input: sandbox.input.path))
        let first = try sandbox.head()
        let old = HistoryLog.make(tip: first, tree: try GitObjects.tree(repository, commit: first), log: try GitLog.read(repository, tip: first))
        try sandbox.git("mv", "Plans/plans/a.md", "Plans/plans/b.md")
        try sandbox.write("plans/c.md", "new")
        try sandbox.commit("two", on: "2026-01-03")
        try sandbox.edit("plans/b.md", "a\n", "b\n")
        try sandbox.commit("three", on: "2026-01-04")
        let tip = try sandbox.head()
        let tree = try GitObjects.tree(repository, commit: tip)
        let extended = try #require(old.extended(to: tip, tree: tree, log: try GitLog.read(repository, tip: tip, exclude: first)))
        let whole = HistoryLog.make(tip: tip, tree: tree, log: try GitLog.read(repository, tip: tip))
        #expect(extended.revisions == whole.revisions)
        #expect(extended.tipBlobs == whole.tipBlobs)
        #expect(extended.everRemoved == whole.everRemoved)
    }

    @Test func aPathAddedAgainBeyondTheKnownTipIsReadWhole() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("plans/a.md", "a")
        try sandbox.write("plans/keep.md", "k")
        try sandbox.commit("one", on: "2026-01-02")
        try FileManager.default.removeItem(at: sandbox.input.appendingPathComponent("plans/a.md"))
        try sandbox.commit("two", on: "2026-01-03")
        let repository = try #require(GitRepository.locate(input: sandbox.input.path))
        let known = try sandbox.head()
        let old = HistoryLog.make(tip: known, tree: try GitObjects.tree(repository, commit: known), log: try GitLog.read(repository, tip: known))
        try sandbox.write("plans/a.md", "a")
        try sandbox.commit("three", on: "2026-01-04")
        let tip = try sandbox.head()
        #expect(old.extended(to: tip, tree: try GitObjects.tree(repository, commit: tip),
                             log: try GitLog.read(repository, tip: tip, exclude: known)) == nil)
    }

    @Test func parseReadsWhatTheFormatWrites() {
        var bytes: [UInt8] = [0x01]
        for field in [String(repeating: "a", count: 40), "", "Ann\u{1}Odd", "a@x", "2026-05-01T23:30:00-04:00", "Subject: with\ttab"] {
            bytes += Array(field.utf8) + [0]
        }
        bytes += Array("\n:100644 100644 \(String(repeating: "1", count: 40)) \(String(repeating: "2", count: 40)) R087\0P/x.md\0P/y.md\0".utf8)
        bytes += Array(":000000 100644 \(String(repeating: "0", count: 40)) \(String(repeating: "3", count: 40)) A\0Q/outside.md\0".utf8)
        let log = GitLog.parse(bytes, prefix: "P")
        #expect(log.entries.count == 1)
        let entry = log.entries[0]
        #expect(entry.commit.author == "Ann\u{1}Odd")
        #expect(entry.commit.day == Day("2026-05-01"), "the author's own day")
        #expect(entry.changes.count == 1)
        #expect(entry.changes[0].oldPath == "x.md" && entry.changes[0].newPath == "y.md")
        #expect(entry.parents.isEmpty)
    }

    /// A history without merges is read without git's path limit; what it
    /// reads must be what the path-limited read gives, change for change.
    @Test(arguments: ["Plans", "a/b c/Plans", ""])
    func aLinearHistoryReadsAsThePathLimitedOne(prefix: String) throws {
        let sandbox = try GitSandbox(prefix: prefix)
        let outside = prefix.isEmpty ? nil : sandbox.root.appendingPathComponent("src")
        func writeOutside(_ name: String, _ text: String) throws {
            guard let outside else { return }
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: outside.appendingPathComponent(name))
        }
        let body = String(repeating: "a line that stays\n", count: 20)
        try sandbox.write("plans/a.md", "a\n" + body)
        try writeOutside("main.swift", "print(1)\n")
        try sandbox.commit("root: inside and outside", on: "2026-01-02")
        try writeOutside("main.swift", "print(2)\n")
        try sandbox.commit("outside only", on: "2026-01-03")
        try sandbox.commit("empty", on: "2026-01-04")
        try sandbox.git("mv", sandbox.input.appendingPathComponent("plans/a.md").path, sandbox.input.appendingPathComponent("plans/b.md").path)
        try sandbox.commit("rename inside", on: "2026-01-05")
        try writeOutside("moved.md", "moved in\n" + body)
        try sandbox.commit("outside file", on: "2026-01-06")
        if let outside {
            try sandbox.git("mv", outside.appendingPathComponent("moved.md").path, sandbox.input.appendingPathComponent("plans/moved.md").path)
            try sandbox.commit("moved into the folder", on: "2026-01-07")
            try sandbox.git("mv", sandbox.input.appendingPathComponent("plans/b.md").path, outside.appendingPathComponent("b.md").path)
            try sandbox.commit("moved out of the folder", on: "2026-01-08")
            // A sibling whose name starts with the folder's is not inside it.
            let sibling = sandbox.input.deletingLastPathComponent().appendingPathComponent(sandbox.input.lastPathComponent + "2")
            try FileManager.default.createDirectory(at: sibling, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: sibling.appendingPathComponent("x.md"))
            try sandbox.commit("sibling folder", on: "2026-01-09")
        }
        try sandbox.write("plans/c.md", "c\n")
        try sandbox.commit("add c", on: "2026-01-10")
        try FileManager.default.removeItem(at: sandbox.input.appendingPathComponent("plans/c.md"))
        try sandbox.commit("delete c", on: "2026-01-11")
        try sandbox.write("plans/c.md", "c again\n")
        try sandbox.git("update-index", "--add", "--chmod=+x", sandbox.input.appendingPathComponent("plans/c.md").path)
        try sandbox.commit("c added again, executable", on: "2026-01-12")
        try FileManager.default.createSymbolicLink(atPath: sandbox.input.appendingPathComponent("plans/link.md").path, withDestinationPath: "c.md")
        try sandbox.commit("a symbolic link", on: "2026-01-13")
        let repository = try #require(GitRepository.locate(input: sandbox.input.path))
        let tip = try sandbox.head()
        #expect(try !GitLog.hasMerges(repository, range: [tip]))
        func summary(_ log: GitLog) -> [String] {
            log.entries.map { entry in
                ([entry.commit.subject, entry.commit.id, entry.parents.joined(separator: ",")] + entry.changes.map { change in
                    "\(Character(Unicode.Scalar(change.status))) \(change.oldPath ?? "-") \(change.newPath ?? "-") \(change.oldBlob ?? "-") \(change.newBlob ?? "-") \(change.notAFile)"
                }).joined(separator: " | ")
            }
        }
        let limited = summary(try GitLog.read(repository, range: [tip], pathLimited: true))
        let linear = summary(try GitLog.read(repository, range: [tip], pathLimited: false))
        #expect(linear == limited)
        #expect(limited.count == (prefix.isEmpty ? 6 : 8), "each commit that changed the folder, and only those")
        #expect(!limited.contains { $0.hasPrefix("outside only") || $0.hasPrefix("empty") || $0.hasPrefix("sibling folder") })
        if outside != nil {
            #expect(limited.contains { $0.hasPrefix("moved into the folder") && $0.contains("| A - plans/moved.md") })
            #expect(limited.contains { $0.hasPrefix("moved out of the folder") && $0.contains("| D plans/b.md -") })
        }
        // The same for a log read from a known tip on.
        let first = try sandbox.git("rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(summary(try GitLog.read(repository, range: [tip, "^" + first], pathLimited: false))
                == summary(try GitLog.read(repository, range: [tip, "^" + first], pathLimited: true)))
    }

    @Test func aHistoryWithMergesKeepsThePathLimit() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("plans/a.md", "a\n")
        try sandbox.commit("one", on: "2026-01-02")
        try sandbox.git("checkout", "-q", "-b", "side")
        try sandbox.write("plans/b.md", "b\n")
        try sandbox.commit("side", on: "2026-01-03")
        try sandbox.git("checkout", "-q", "main")
        try sandbox.write("plans/a.md", "a2\n")
        try sandbox.commit("main", on: "2026-01-04")
        try sandbox.git("merge", "-q", "--no-edit", "side", date: "2026-01-05T12:00:00+00:00")
        let repository = try #require(GitRepository.locate(input: sandbox.input.path))
        let tip = try sandbox.head()
        #expect(try GitLog.hasMerges(repository, range: [tip]))
        #expect(try !GitLog.hasMerges(repository, range: [tip + "^1"]))
        let read = try GitLog.read(repository, tip: tip)
        let limited = try GitLog.read(repository, range: [tip], pathLimited: true)
        #expect(read.entries.map(\.commit.id) == limited.entries.map(\.commit.id))
        #expect(read.entries.map(\.changes) == limited.entries.map(\.changes))
    }
}
