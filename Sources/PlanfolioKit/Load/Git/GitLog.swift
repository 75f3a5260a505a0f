/// The commits that touched the input folder, newest first, each with what
/// it did to each file there: one `git log` for the whole folder, never a
/// process per file (docs/history.md says why this and not libgit2). Part of Load.
///
/// `git log -z --raw -M --no-abbrev --diff-merges=first-parent -- PREFIX`:
/// git's own history simplification (a merge shows only when it differs
/// from every parent, against its first), renames found per commit (`-M`),
/// full blob ids, and every path NUL-terminated as it is, whatever bytes it
/// holds. (`read` says how a history without merges is read faster to the
/// same entries.)
struct GitLog: Sendable {
    /// One file's change in one commit, paths under the input folder.
    struct Change: Sendable, Hashable {
        /// `A`, `M`, `D`, `R` (renamed), `T` (type changed) or `C` (copied).
        var status: UInt8
        var oldPath: String?
        var newPath: String?
        var oldBlob: String?
        var newBlob: String?
        /// The new side is a symbolic link or a submodule, not a file.
        var notAFile: Bool
    }

    struct Entry: Sendable {
        var commit: Commit
        var parents: [String]
        var changes: [Change]
    }

    var entries: [Entry]

    static let format = "--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%s"

    /// The log of `tip` (less what `exclude` reaches) for the folder `prefix` of `repository`.
    ///
    /// A history without merges is read without a path limit, each diff
    /// kept to the folder by `--relative`, and the commits that changed
    /// nothing there dropped here: without merges, git's simplification
    /// keeps exactly the commits whose diff touches the folder, and a path
    /// limit makes git compare each commit's trees twice (once to
    /// simplify, once to diff). Renames are found among the folder's
    /// files either way. A history with merges keeps the path limit, so
    /// that git's simplification decides which merges and side commits show.
    static func read(_ repository: GitRepository, tip: String, exclude: String? = nil) throws(GitCommand.Failure) -> GitLog {
        let range = [tip] + (exclude.map { ["^" + $0] } ?? [])
        return try hasMerges(repository, range: range) ? read(repository, range: range, pathLimited: true)
                                                       : read(repository, range: range, pathLimited: false)
    }

    /// The log of `range` read with git's path limit, or (for a range without merges) without it.
    static func read(_ repository: GitRepository, range: [String], pathLimited: Bool) throws(GitCommand.Failure) -> GitLog {
        var arguments = ["--literal-pathspecs", "log", "-z", "--raw", "-M", "--no-abbrev", "--no-color", "--no-ext-diff",
                         "--diff-merges=first-parent", format]
        if !pathLimited {
            arguments.append("--root")
            if !repository.prefix.isEmpty { arguments.append("--relative=" + repository.prefix + "/") }
        }
        arguments += range
        if pathLimited { arguments += ["--", repository.prefix.isEmpty ? "." : repository.prefix] }
        let output = try GitCommand.run(arguments, in: repository.top)
        guard output.status == 0 else { throw GitCommand.Failure(message: "git log failed: \(output.complaint)") }
        guard !pathLimited else { return parse(output.stdout, prefix: repository.prefix) }
        var log = parse(output.stdout, prefix: "")
        log.entries.removeAll { $0.changes.isEmpty }
        return log
    }

    /// Whether any commit of `range` has more than one parent.
    static func hasMerges(_ repository: GitRepository, range: [String]) throws(GitCommand.Failure) -> Bool {
        let output = try GitCommand.run(["rev-list", "--min-parents=2", "--max-count=1"] + range + ["--"], in: repository.top)
        guard output.status == 0 else { throw GitCommand.Failure(message: "git rev-list failed: \(output.complaint)") }
        return output.stdout.contains { $0 != 0x0A && $0 != 0x20 }
    }

    /// The entries in `bytes` (the output of `read`'s command); paths outside `prefix` are left out.
    static func parse(_ bytes: [UInt8], prefix: String) -> GitLog {
        var entries: [Entry] = []
        var index = 0
        let count = bytes.count
        func field() -> String? {
            guard index < count else { return nil }
            let start = index
            while index < count && bytes[index] != 0 { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            return text
        }
        func skipSeparators() {
            while index < count && (bytes[index] == 0x0A || bytes[index] == 0) { index += 1 }
        }
        let pathPrefix = prefix.isEmpty ? "" : prefix + "/"
        func underInput(_ path: String) -> String? {
            guard path.hasPrefix(pathPrefix) else { return nil }
            return String(path.dropFirst(pathPrefix.count))
        }
        while index < count {
            guard bytes[index] == 0x01 else {
                index += 1
                continue
            }
            index += 1
            guard let id = field(), let parents = field(), let author = field(), let email = field(),
                  let date = field(), let subject = field() else { break }
            let day = Day(date.prefix(10)) ?? Day(year: 1970, month: 1, day: 1)!
            var entry = Entry(commit: Commit(id: id, author: author, email: email, date: date, day: day, subject: subject),
                              parents: parents.split(separator: " ").map(String.init), changes: [])
            skipSeparators()
            while index < count && bytes[index] == UInt8(ascii: ":") {
                guard let meta = field() else { break }
                let parts = meta.dropFirst().split(separator: " ")
                guard parts.count >= 5, let status = parts[4].utf8.first else { break }
                let first = field()
                let second = status == UInt8(ascii: "R") || status == UInt8(ascii: "C") ? field() : nil
                let zero = String(repeating: "0", count: parts[2].count)
                let oldBlob = parts[2] == zero ? nil : String(parts[2])
                let newBlob = parts[3] == zero ? nil : String(parts[3])
                let newMode = parts[1]
                var change = Change(status: status, oldPath: nil, newPath: nil, oldBlob: oldBlob, newBlob: newBlob,
                                    notAFile: !(newMode.hasPrefix("100") || newMode == "000000"))
                switch status {
                case UInt8(ascii: "A"): change.newPath = first.flatMap(underInput)
                case UInt8(ascii: "D"): change.oldPath = first.flatMap(underInput)
                case UInt8(ascii: "R"), UInt8(ascii: "C"):
                    change.oldPath = first.flatMap(underInput)
                    change.newPath = second.flatMap(underInput)
                default:
                    change.oldPath = first.flatMap(underInput)
                    change.newPath = change.oldPath
                }
                if change.oldPath != nil || change.newPath != nil { entry.changes.append(change) }
                skipSeparators()
            }
            entries.append(entry)
        }
        return GitLog(entries: entries)
    }
}
