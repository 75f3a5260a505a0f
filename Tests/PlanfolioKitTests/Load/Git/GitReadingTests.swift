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
}
