/// The few other questions the history reader asks git, each one process
/// for any number of files: a commit's tree, blobs' bytes, what a revision
/// name means, the first-parent line, ancestry. Part of Load.
enum GitObjects {
    /// One file of a commit's tree under the input folder.
    struct TreeEntry: Sendable, Hashable {
        /// Path under the input folder.
        var path: String
        var blob: String
        var size: Int
        /// A regular file (not a symbolic link or a submodule).
        var isFile: Bool
    }

    /// Every file under the input folder in `commit`'s tree, sorted by path.
    static func tree(_ repository: GitRepository, commit: String) throws(GitCommand.Failure) -> [TreeEntry] {
        let output = try GitCommand.run(["--literal-pathspecs", "ls-tree", "-r", "-z", "--long", "--full-tree", commit, "--",
                                         repository.prefix.isEmpty ? "." : repository.prefix], in: repository.top)
        guard output.status == 0 else { throw GitCommand.Failure(message: "git ls-tree failed: \(output.complaint)") }
        let pathPrefix = repository.prefix.isEmpty ? "" : repository.prefix + "/"
        var entries: [TreeEntry] = []
        for record in output.stdout.split(separator: 0) {
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let meta = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
            let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard meta.count >= 4, meta[1] == "blob", path.hasPrefix(pathPrefix) else { continue }
            entries.append(TreeEntry(path: String(path.dropFirst(pathPrefix.count)), blob: String(meta[2]), size: Int(meta[3]) ?? 0,
                                     isFile: meta[0].hasPrefix("100")))
        }
        entries.sort { $0.path < $1.path }
        return entries
    }

    /// The bytes of each blob in `ids` no larger than `limit`, by id; a
    /// larger or missing one is left out. Two processes, whatever the count:
    /// the sizes first, so nothing too large is ever read.
    static func blobs(_ repository: GitRepository, ids: [String], limit: Int) throws(GitCommand.Failure) -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let unique = Array(Set(ids)).sorted()
        let check = try GitCommand.run(["cat-file", "--batch-check"], in: repository.top, input: Array((unique.joined(separator: "\n") + "\n").utf8))
        guard check.status == 0 else { throw GitCommand.Failure(message: "git cat-file failed: \(check.complaint)") }
        var wanted: [String] = []
        for line in check.stdout.split(separator: 0x0A) {
            let parts = line.split(separator: 0x20)
            guard parts.count == 3, String(decoding: parts[1], as: UTF8.self) == "blob",
                  let size = Int(String(decoding: parts[2], as: UTF8.self)), size <= limit else { continue }
            wanted.append(String(decoding: parts[0], as: UTF8.self))
        }
        guard !wanted.isEmpty else { return [:] }
        let output = try GitCommand.run(["cat-file", "--batch"], in: repository.top, input: Array((wanted.joined(separator: "\n") + "\n").utf8))
        guard output.status == 0 else { throw GitCommand.Failure(message: "git cat-file failed: \(output.complaint)") }
        var blobs: [String: [UInt8]] = [:]
        let bytes = output.stdout
        var index = 0
        while index < bytes.count {
            guard let end = bytes[index...].firstIndex(of: 0x0A) else { break }
            let header = bytes[index..<end].split(separator: 0x20)
            index = end + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), index + size <= bytes.count else { continue }
            blobs[String(decoding: header[0], as: UTF8.self)] = Array(bytes[index..<index + size])
            index += size + 1
        }
        return blobs
    }

    /// The commit `name` (a branch, tag, id or any revision git reads) means, or nil with git's complaint.
    static func commit(_ repository: GitRepository, named name: String) throws(GitCommand.Failure) -> String {
        // `--end-of-options` keeps a name that starts with `-` from being read as an option.
        let output = try GitCommand.run(["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"], in: repository.top)
        let id = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard output.status == 0, GitRepository.isObjectID(id) else {
            throw GitCommand.Failure(message: "'\(name)' is not a date (YYYY-MM-DD) or a revision of the repository")
        }
        return id
    }

    /// `tip`'s first-parent line, newest first: each commit's id and its committer's day.
    static func firstParents(_ repository: GitRepository, tip: String) throws(GitCommand.Failure) -> [(id: String, day: Day)] {
        let output = try GitCommand.run(["log", "--first-parent", "--format=%H %cI", tip], in: repository.top)
        guard output.status == 0 else { throw GitCommand.Failure(message: "git log failed: \(output.complaint)") }
        return output.stdout.split(separator: 0x0A).compactMap { line in
            let parts = line.split(separator: 0x20)
            guard parts.count == 2, let day = Day(String(decoding: parts[1].prefix(10), as: UTF8.self)) else { return nil }
            return (String(decoding: parts[0], as: UTF8.self), day)
        }
    }

    /// Whether `ancestor` is reachable from `descendant`.
    static func isAncestor(_ repository: GitRepository, _ ancestor: String, of descendant: String) -> Bool {
        guard let output = try? GitCommand.run(["merge-base", "--is-ancestor", ancestor, descendant], in: repository.top) else { return false }
        return output.status == 0
    }

    /// Git's ids of the files at `paths` (absolute) as they are, no filters applied, for a
    /// repository whose ids planfolio does not compute itself (SHA-256).
    static func hashFiles(_ repository: GitRepository, paths: [String]) throws(GitCommand.Failure) -> [String] {
        guard !paths.isEmpty else { return [] }
        let output = try GitCommand.run(["hash-object", "--no-filters", "--stdin-paths"], in: repository.top,
                                        input: Array((paths.joined(separator: "\n") + "\n").utf8))
        let ids = output.stdout.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        guard output.status == 0, ids.count == paths.count else { throw GitCommand.Failure(message: "git hash-object failed: \(output.complaint)") }
        return ids
    }

    /// The id length of the repository's objects: 40 (SHA-1) or 64 (SHA-256).
    static func idLength(_ repository: GitRepository) throws(GitCommand.Failure) -> Int {
        let output = try GitCommand.run(["rev-parse", "--show-object-format"], in: repository.top)
        return String(decoding: output.stdout, as: UTF8.self).hasPrefix("sha256") ? 64 : 40
    }
}
