import Foundation

/// The git repository an input folder lives in, found and read without
/// running git: the folder holding `.git`, the input's place inside it,
/// and the commit `HEAD` names, read from git's own files. A build with
/// nothing changed learns from these few small reads that the history did
/// not move either (docs/history.md). Part of Load.
struct GitRepository: Sendable, Equatable {
    /// The work tree's top folder (real path).
    var top: String
    /// The input folder's path inside it, with `/` separators and no trailing slash; empty for the top itself.
    var prefix: String
    /// The `.git` folder of this work tree (a linked worktree's own, under the main one's `worktrees/`).
    var gitDir: String
    /// Where refs, objects and `shallow` live (`gitDir`, or the main work tree's for a linked worktree).
    var commonDir: String

    /// The repository `input` is in, or nil when none of its folders (up to the root) holds `.git`.
    static func locate(input: String) -> GitRepository? {
        let real = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
        var folder = real
        var inside: [String] = []
        while true {
            let dotGit = PathText.join(folder, ".git")
            var info = stat()
            if lstat(dotGit, &info) == 0 {
                var gitDir: String?
                switch info.st_mode & S_IFMT {
                case S_IFDIR: gitDir = dotGit
                case S_IFREG: gitDir = pointer(in: dotGit, relativeTo: folder)
                default: gitDir = nil
                }
                if let gitDir {
                    let common = commonDir(of: gitDir)
                    return GitRepository(top: folder, prefix: inside.reversed().joined(separator: "/"), gitDir: gitDir, commonDir: common)
                }
            }
            guard folder != "/", !folder.isEmpty else { return nil }
            inside.append(PathText.lastComponent(folder))
            folder = PathText.parent(folder)
            if folder.isEmpty { folder = "/" }
        }
    }

    /// `HEAD`'s commit id as git's files say it, or nil when they cannot
    /// say (an unborn branch, a ref format planfolio does not read): then
    /// `git rev-parse` is asked.
    func headFromFiles() -> String? {
        guard let head = Self.firstLine(PathText.join(gitDir, "HEAD")) else { return nil }
        if Self.isObjectID(head) { return head }
        guard head.hasPrefix("ref: ") else { return nil }
        return resolve(ref: String(head.dropFirst(5)), depth: 0)
    }

    /// Whether the repository is a shallow clone (its history cut short).
    var isShallow: Bool {
        var info = stat()
        return stat(PathText.join(commonDir, "shallow"), &info) == 0 && info.st_size > 0
    }

    /// The files whose change means `HEAD` moved: `HEAD`, the refs, `packed-refs` (what `serve` watches).
    var headFiles: (files: [String], folders: [String]) {
        ([PathText.join(gitDir, "HEAD"), PathText.join(commonDir, "packed-refs")], [PathText.join(commonDir, "refs")])
    }

    private func resolve(ref: String, depth: Int) -> String? {
        guard depth < 5, !ref.contains(".."), ref.hasPrefix("refs/") else { return nil }
        // A linked worktree's own refs (bisect, worktree) are in its folder; branches in the common one.
        for folder in [gitDir, commonDir] {
            if let line = Self.firstLine(PathText.join(folder, ref)) {
                if Self.isObjectID(line) { return line }
                if line.hasPrefix("ref: ") { return resolve(ref: String(line.dropFirst(5)), depth: depth + 1) }
                return nil
            }
        }
        guard case .bytes(let bytes) = POSIXFile.readRegular(PathText.join(commonDir, "packed-refs"), limit: 64 << 20) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), line[line.index(after: space)...] == ref else { continue }
            let id = String(line[..<space])
            return Self.isObjectID(id) ? id : nil
        }
        return nil
    }

    static func isObjectID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64) && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    private static func firstLine(_ path: String) -> String? {
        guard case .bytes(let bytes) = POSIXFile.readRegular(path, limit: 1 << 16) else { return nil }
        let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// `gitdir: PATH` in a `.git` file (a linked worktree or a submodule), as an absolute path.
    private static func pointer(in file: String, relativeTo folder: String) -> String? {
        guard let line = firstLine(file), line.hasPrefix("gitdir:") else { return nil }
        let path = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
        let absolute = path.hasPrefix("/") ? path : PathText.join(folder, path)
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    private static func commonDir(of gitDir: String) -> String {
        guard let line = firstLine(PathText.join(gitDir, "commondir")), !line.isEmpty else { return gitDir }
        let absolute = line.hasPrefix("/") ? line : PathText.join(gitDir, line)
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }
}
