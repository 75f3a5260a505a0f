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
    /// larger or missing one is left out. One process, whatever the count;
    /// its output is read as it comes and a blob over the limit is passed
    /// over unkept, so nothing too large is ever held.
    static func blobs(_ repository: GitRepository, ids: [String], limit: Int) throws(GitCommand.Failure) -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let unique = Array(Set(ids)).sorted()
        var reader = BatchReader(limit: limit)
        let output = try GitCommand.run(["cat-file", "--batch"], in: repository.top, input: Array((unique.joined(separator: "\n") + "\n").utf8)) {
            reader.read($0)
        }
        guard output.status == 0 else { throw GitCommand.Failure(message: "git cat-file failed: \(output.complaint)") }
        return reader.blobs
    }

    /// `git cat-file --batch`'s output, read piece by piece: `ID TYPE SIZE\n`,
    /// SIZE bytes and a line feed for each object; `ID missing\n` for none.
    struct BatchReader {
        let limit: Int
        var blobs: [String: [UInt8]] = [:]
        private var header: [UInt8] = []
        /// The object being read: its id (nil when it is passed over) and the bytes still to come, its line feed included.
        private var current: (id: String?, remaining: Int, bytes: [UInt8])?

        init(limit: Int) { self.limit = limit }

        mutating func read(_ chunk: ArraySlice<UInt8>) {
            var index = chunk.startIndex
            while index < chunk.endIndex {
                if var object = current {
                    current = nil  // so that appending to its bytes does not copy them
                    let take = min(object.remaining, chunk.endIndex - index)
                    if object.id != nil { object.bytes.append(contentsOf: chunk[index..<index + take]) }
                    object.remaining -= take
                    index += take
                    if object.remaining == 0 {
                        if let id = object.id { blobs[id] = Array(object.bytes.dropLast()) }
                    } else {
                        current = object
                    }
                    continue
                }
                guard let end = chunk[index...].firstIndex(of: 0x0A) else {
                    header.append(contentsOf: chunk[index...])
                    return
                }
                header.append(contentsOf: chunk[index..<end])
                index = end + 1
                let parts = header.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                header.removeAll(keepingCapacity: true)
                guard parts.count == 3, let size = Int(parts[2]) else { continue }
                let keep = parts[1] == "blob" && size <= limit
                current = (keep ? parts[0] : nil, size + 1, [])
                if keep { current?.bytes.reserveCapacity(size + 1) }
            }
        }
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
