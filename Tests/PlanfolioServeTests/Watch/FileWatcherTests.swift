import Foundation
import Testing
@testable import PlanfolioServe

/// Real files in a temporary folder, watched by each backend. Every test
/// waits for the change it makes, with a timeout; ignored changes are
/// proved absent by a change made after them that comes through alone.
@Suite struct FileWatcherTests {
    static let backends: [FileWatcher.Backend] = [.automatic, .polling(interval: .milliseconds(40))]

    struct Watched {
        let folder: TemporaryFolder
        let watcher: FileWatcher

        init(backend: FileWatcher.Backend, excluding: [String] = [], prepare: (TemporaryFolder) throws -> Void = { _ in }) throws {
            folder = try TemporaryFolder()
            try folder.makeFolder("Plans")
            try prepare(folder)
            watcher = FileWatcher(targets: [.tree(folder.path("Plans")), .tree(folder.path("Theme")), .file(folder.path("planfolio.yml"))],
                                  excluding: excluding.map(folder.path), quiet: .milliseconds(30), backend: backend)
        }

        /// Every path reported until a burst holds `relative`.
        func collect(until relative: String, timeout: Duration = .seconds(20)) throws -> Set<String> {
            let wanted = folder.path(relative)
            let deadline = ContinuousClock.now + timeout
            var seen = Set<String>()
            while true {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero, let burst = watcher.next(timeout: left) else {
                    throw RawHTTP.Failure(description: "no change reported for \(relative); saw \(seen.sorted())")
                }
                seen.formUnion(burst)
                if burst.contains(wanted) { return seen }
            }
        }

        func relative(_ paths: Set<String>) -> Set<String> {
            Set(paths.map { $0.hasPrefix(folder.url.path + "/") ? String($0.dropFirst(folder.url.path.count + 1)) : $0 })
        }
    }

    @Test(arguments: backends)
    func newEditedRenamedAndDeletedFilesAreReported(backend: FileWatcher.Backend) throws {
        let watched = try Watched(backend: backend)
        defer { watched.watcher.stop() }
        try watched.folder.write("Plans/a.md", "# A\n")
        _ = try watched.collect(until: "Plans/a.md")
        try watched.folder.append("Plans/a.md", "More prose.\n")
        _ = try watched.collect(until: "Plans/a.md")
        try watched.folder.move("Plans/a.md", "Plans/b.md")
        let renamed = watched.relative(try watched.collect(until: "Plans/b.md"))
        #expect(renamed.contains("Plans/a.md"))
        try watched.folder.remove("Plans/b.md")
        _ = try watched.collect(until: "Plans/b.md")
    }

    @Test(arguments: backends)
    func newFoldersAreWatchedToo(backend: FileWatcher.Backend) throws {
        let watched = try Watched(backend: backend)
        defer { watched.watcher.stop() }
        try watched.folder.write("Plans/new/deeper/c.md", "# C\n")
        _ = try watched.collect(until: "Plans/new/deeper/c.md")
        try watched.folder.append("Plans/new/deeper/c.md", "Edited.\n")
        _ = try watched.collect(until: "Plans/new/deeper/c.md")
        try watched.folder.write("Plans/new/d.md", "# D\n")
        _ = try watched.collect(until: "Plans/new/d.md")
    }

    /// What Vim does on `:w` (write test file, backup by renaming, new file,
    /// delete the backup) and a burst of appends: only the document is reported.
    @Test(arguments: backends)
    func anEditorSaveIsTheDocumentAlone(backend: FileWatcher.Backend) throws {
        let watched = try Watched(backend: backend) { try $0.write("Plans/a.md", "# A\n") }
        defer { watched.watcher.stop() }
        let folder = watched.folder
        try folder.write("Plans/4913", "")
        try folder.remove("Plans/4913")
        try folder.write("Plans/.a.md.swp", "swap")
        try folder.move("Plans/a.md", "Plans/a.md~")
        try folder.write("Plans/a.md", "# A\n\nNew prose.\n")
        for line in 0..<30 { try folder.append("Plans/a.md", "Line \(line).\n") }
        try folder.remove("Plans/a.md~")
        try folder.write("Plans/#a.md#", "emacs")
        try folder.write("Plans/.#a.md", "lock")
        let seen = watched.relative(try watched.collect(until: "Plans/a.md"))
        #expect(seen == ["Plans/a.md"])
    }

    @Test(arguments: backends)
    func hiddenAndExcludedFoldersAreNotReported(backend: FileWatcher.Backend) throws {
        let watched = try Watched(backend: backend, excluding: ["Plans/out"]) { try $0.makeFolder("Plans/out") }
        defer { watched.watcher.stop() }
        try watched.folder.write("Plans/.git/HEAD", "ref")
        try watched.folder.write("Plans/out/index.html", "<p>site</p>")
        try watched.folder.write("Plans/sentinel.md", "# S\n")
        let seen = watched.relative(try watched.collect(until: "Plans/sentinel.md"))
        #expect(seen == ["Plans/sentinel.md"])
    }

    @Test(arguments: backends)
    func theConfigFileAndATargetMadeLaterAreWatched(backend: FileWatcher.Backend) throws {
        let watched = try Watched(backend: backend)
        defer { watched.watcher.stop() }
        try watched.folder.write("notes.txt", "not watched")
        try watched.folder.write("planfolio.yml", "title: Demo\n")
        let seen = watched.relative(try watched.collect(until: "planfolio.yml"))
        #expect(!seen.contains("notes.txt"))
        // The theme folder did not exist when the watch started.
        try watched.folder.write("Theme/templates/layout.mustache", "{{$main}}{{/main}}")
        _ = try watched.collect(until: "Theme/templates/layout.mustache")
        try watched.folder.append("Theme/templates/layout.mustache", "<!-- edited -->")
        _ = try watched.collect(until: "Theme/templates/layout.mustache")
    }

    @Test(arguments: backends)
    func aDeletedInputFolderIsPickedUpAgainWhenItComesBack(backend: FileWatcher.Backend) throws {
        let watched = try Watched(backend: backend) { try $0.write("Plans/a.md", "# A\n") }
        defer { watched.watcher.stop() }
        try watched.folder.remove("Plans")
        _ = try watched.collect(until: "Plans")
        try watched.folder.write("Plans/a.md", "# A again\n")
        _ = try watched.collect(until: "Plans/a.md")
        try watched.folder.append("Plans/a.md", "Edited.\n")
        _ = try watched.collect(until: "Plans/a.md")
    }

    #if os(Linux)
    /// Which bursts let a rebuild restamp the files it names instead of
    /// listing the input: changes to files are, a folder's are not, and an
    /// editor's backup rides along with the next burst without starting one.
    @Test func inotifyTellsFilesFromFolders() throws {
        let watched = try Watched(backend: .automatic) { folder in
            try folder.makeFolder("Plans/plans")
            try folder.write("Plans/plans/a.md", "# A\n")
        }
        defer { watched.watcher.stop() }
        func burst(until relative: String) throws -> FileWatcher.Burst {
            var merged = FileWatcher.Burst(paths: [], structural: false)
            let deadline = ContinuousClock.now + .seconds(20)
            while true {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero, let burst = watched.watcher.nextBurst(timeout: left) else {
                    throw RawHTTP.Failure(description: "no change reported for \(relative)")
                }
                merged.paths.formUnion(burst.paths)
                merged.quiet.formUnion(burst.quiet)
                merged.structural = merged.structural || burst.structural
                if burst.paths.contains(watched.folder.path(relative)) { return merged }
            }
        }
        try watched.folder.append("Plans/plans/a.md", "More prose.\n")
        #expect(try !burst(until: "Plans/plans/a.md").structural, "an edit in place")
        try watched.folder.write("Plans/plans/b.md", "# B\n")
        try watched.folder.move("Plans/plans/b.md", "Plans/plans/c.md")
        #expect(try !burst(until: "Plans/plans/c.md").structural, "a new file, renamed")
        try watched.folder.write("Plans/plans/a.md~", "backup")
        try watched.folder.append("Plans/plans/a.md", "Again.\n")
        let withBackup = try burst(until: "Plans/plans/a.md")
        #expect(withBackup.quiet.contains(watched.folder.path("Plans/plans/a.md~")), "\(withBackup)")
        #expect(!withBackup.paths.contains(watched.folder.path("Plans/plans/a.md~")))
        try watched.folder.makeFolder("Plans/new")
        try watched.folder.write("Plans/new/d.md", "# D\n")
        #expect(try burst(until: "Plans/new/d.md").structural, "a new folder")
    }

    @Test func inotifyIsUsedOnLinux() throws {
        let watched = try Watched(backend: .automatic)
        defer { watched.watcher.stop() }
        #expect(watched.watcher.method == "inotify")
        #expect(watched.watcher.fallbackReason == nil)
    }
    #endif
}
