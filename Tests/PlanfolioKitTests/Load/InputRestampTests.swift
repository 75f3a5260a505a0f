import Foundation
import Testing
@testable import PlanfolioKit

/// `InputLoader.restamp`: the listing `serve` takes from the files a
/// watcher saw change must be the one a full scan gives, or none.
@Suite struct InputRestampTests {
    typealias Folder = InputLoaderTests.Folder

    /// Entries and problems as a scan gives them, to compare two listings.
    static func summary(_ listing: InputListing) -> [String] {
        listing.entries.map { "\($0.path) \($0.absolute) \($0.role) \($0.stamp)" } + listing.diagnostics.map { "\($0)" }
    }

    static func restamp(_ last: InputListing, _ folder: Folder, _ paths: [String]) -> InputListing? {
        let root = InputChanges.absolute(folder.url.path)
        return InputLoader.restamp(last, changed: InputChanges(paths: Set(paths.map { root + "/" + $0 })), input: folder.url.path)
    }

    /// Edits, new files and deletions in folders the listing has, in a
    /// seeded random order: each restamped listing is the scan's.
    @Test func changesToFilesInKnownFoldersGiveTheScansListing() throws {
        let folder = try Folder()
        for name in ["plans/RP-1.md", "plans/RP-2.md", "assessments/FAF-1.md", "plans/evidence/chart.svg", "README.md"] {
            try folder.write(name, "first\n")
        }
        var last = try InputLoader.scan(input: folder.url.path)
        var generator = SeededGenerator(seed: 2026_12_07)
        var files = last.entries.map(\.path)
        var restamped = 0
        for step in 0..<60 {
            var touched: [String] = []
            switch generator.next() % 5 {
            case 0, 1:  // an edit in place
                let path = files[Int(generator.next() % UInt64(files.count))]
                try folder.write(path, "edit \(step)\n")
                touched = [path]
            case 2:  // a new file where files are
                let known = ["plans", "assessments", "plans/evidence", ""][Int(generator.next() % 4)]
                let name = ["RP-\(step).md", "note-\(step).txt", "readme.md", "x\(step).markdown"][Int(generator.next() % 4)]
                let path = known.isEmpty ? name : known + "/" + name
                try folder.write(path, "new \(step)\n")
                touched = [path]
                if !files.contains(path) { files.append(path) }
            case 3:  // a file removed, unless it is the last of its folder
                let path = files[Int(generator.next() % UInt64(files.count))]
                let parent = (path as NSString).deletingLastPathComponent
                guard files.filter({ ($0 as NSString).deletingLastPathComponent == parent }).count > 1 else { continue }
                try FileManager.default.removeItem(at: folder.url.appendingPathComponent(path))
                files.removeAll { $0 == path }
                touched = [path]
            default:  // a save by rename: a temporary name written, then moved over the file, plus a hidden swap file
                let path = files[Int(generator.next() % UInt64(files.count))]
                let temporary = path + ".tmp\(step)"
                try folder.write(temporary, "renamed \(step)\n")
                try FileManager.default.removeItem(at: folder.url.appendingPathComponent(path))
                try FileManager.default.moveItem(at: folder.url.appendingPathComponent(temporary), to: folder.url.appendingPathComponent(path))
                try folder.write((path as NSString).deletingLastPathComponent + "/.swap", "s")
                touched = [temporary, path, (path as NSString).deletingLastPathComponent + "/.swap"]
            }
            let scan = try InputLoader.scan(input: folder.url.path)
            let restamp = try #require(Self.restamp(last, folder, touched), "step \(step): \(touched)")
            #expect(Self.summary(restamp) == Self.summary(scan), "step \(step): \(touched)")
            restamped += 1
            last = restamp
        }
        #expect(restamped > 30)
    }

    /// What only a scan can list right: the listing is not restamped then.
    @Test func whatOnlyAScanCanSayIsLeftToIt() throws {
        let folder = try Folder()
        try folder.write("plans/RP-1.md", "one\n")
        let last = try InputLoader.scan(input: folder.url.path)
        // A file in a folder the listing has no file in.
        try folder.write("new/RP-2.md", "two\n")
        #expect(Self.restamp(last, folder, ["new/RP-2.md"]) == nil)
        // A folder, and a folder gone with its files.
        #expect(Self.restamp(last, folder, ["new"]) == nil)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("plans"))
        #expect(Self.restamp(last, folder, ["plans"]) == nil)
        try folder.write("plans/RP-1.md", "one\n")
        // The input folder itself, or lost events.
        #expect(InputLoader.restamp(last, changed: InputChanges(paths: [InputChanges.absolute(folder.url.path)]), input: folder.url.path) == nil)
        #expect(InputLoader.restamp(last, changed: InputChanges(paths: [""]), input: folder.url.path) == nil)
        // A symbolic link, and a FIFO.
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("plans/link.md").path, withDestinationPath: "RP-1.md")
        #expect(Self.restamp(last, folder, ["plans/link.md"]) == nil)
        #expect(mkfifo(folder.url.appendingPathComponent("plans/fifo.md").path, 0o600) == 0)
        #expect(Self.restamp(last, folder, ["plans/fifo.md"]) == nil)
        // A listing that followed a link.
        let linked = try InputLoader.scan(input: folder.url.path)
        #expect(linked.followedLinks)
        #expect(Self.restamp(linked, folder, ["plans/RP-1.md"]) == nil)
        // More changes than restamping one by one is worth.
        #expect(Self.restamp(last, folder, (0..<65).map { "plans/RP-\($0).md" }) == nil)
        // Paths outside the input folder (the theme, planfolio.yml) leave the listing as it is.
        let outside = InputChanges(paths: [folder.url.deletingLastPathComponent().appendingPathComponent("planfolio.yml").path])
        let same = try #require(InputLoader.restamp(last, changed: outside, input: folder.url.path))
        #expect(Self.summary(same) == Self.summary(last))
    }
}
