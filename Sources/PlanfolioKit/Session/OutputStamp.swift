#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a folder holds, as far as the file system tells without reading the
/// files: every entry's path, type, size, inode, modification and change time.
///
/// The build cache records the output folder's stamp after writing a site,
/// and trusts the folder to still be that site only while the stamp is the
/// same; it also stamps the input and theme folders for its quick key. Any
/// write to a file (an edit, a deletion, a new file, `touch`) changes its
/// change time (ctime, which no tool can set back), so it changes the stamp.
/// Symbolic links are stamped, not followed.
enum OutputStamp {
    /// nil when the folder cannot be read.
    static func of(folder: String) -> String? {
        entries(folder: folder).map(hash)
    }

    /// One line per entry, sorted: its path under the folder, then NUL and
    /// its type, size, inode and times (`restamped` looks again at a few
    /// of them). nil when the folder cannot be read.
    static func entries(folder: String) -> [String]? {
        var entries: [String] = []
        guard walk(folder, relative: "", into: &entries) else { return nil }
        entries.sort()
        return entries
    }

    /// What `of` returns for these `entries`.
    static func hash(_ entries: [String]) -> String {
        var hasher = StableHasher()
        hasher.combine(entries.count)
        for entry in entries { hasher.combine(entry) }
        return hasher.finalize()
    }

    /// One line of `entries`, taken apart.
    struct Entry {
        var path: Substring
        /// The `S_IFMT` bits, in decimal.
        var type: Substring
        /// Size, inode and times.
        var stamp: Substring

        init?(_ line: String) {
            let fields = line.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            (path, type, stamp) = (fields[0], fields[1], fields[2])
        }

        static let folder = Substring(String(S_IFDIR)), file = Substring(String(S_IFREG)), link = Substring(String(S_IFLNK))
    }

    /// What `entries(folder:)` gives now, made from `entries` (the folder's
    /// entries some time before) by looking again only at the folders and
    /// at `touched` paths: right when no other entry changed since. nil when
    /// a touched path was not among the entries (a new name) or cannot be read.
    static func restamped(_ entries: [String], folder: String, touched: Set<String>) -> [String]? {
        var lines: [String] = []
        lines.reserveCapacity(entries.count)
        // Looked at as bytes, since all but a few dozen of 20,000 lines are kept as they are.
        let folderType = Array("\u{0}\(S_IFDIR)\u{0}".utf8)
        let touchedPrefixes = touched.map { Array($0.utf8) + [0] }
        var seen = 0
        for entry in entries {
            var bytes = entry
            let relook: (path: String, touched: Bool)?? = bytes.withUTF8 { bytes in
                guard let cut = bytes.firstIndex(of: 0) else { return .some(nil) }
                let isTouched = touchedPrefixes.contains { bytes.starts(with: $0) }
                guard isTouched || UnsafeBufferPointer(rebasing: bytes[cut...]).starts(with: folderType) else { return nil }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self), isTouched)
            }
            switch relook {
            case nil:
                lines.append(entry)
            case .some(nil):
                return nil  // not a line `entries` writes
            case .some(.some(let relook)):
                if relook.touched { seen += 1 }
                guard let fresh = line(folder: folder, relative: relook.path) else { return nil }
                lines.append(fresh)
            }
        }
        guard seen == touched.count else { return nil }
        return lines
    }

    /// The stamp of a folder's folders alone (itself included): each one's
    /// path, inode and times, which change whenever a name in it is added,
    /// removed or renamed. Cheap (no call per file); what the spare is checked with
    /// (`SiteStaging`), whose files are the current site's own.
    static func folders(of folder: String) -> String? {
        // The folder itself too: a name added or removed at its top changes only its own times.
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        var entries = [line("", info)]
        guard walk(folder, relative: "", into: &entries, foldersOnly: true) else { return nil }
        entries.sort()
        return hash(entries)
    }

    /// The line `entries` gives for `relative` (a path under `folder`), or nil when it cannot be read.
    static func line(folder: String, relative: String) -> String? {
        var info = stat()
        guard lstat(folder + "/" + relative, &info) == 0 else { return nil }
        return line(relative, info)
    }

    private static func line(_ relative: String, _ info: stat) -> String {
        var bytes = Array(relative.utf8)
        bytes.reserveCapacity(bytes.count + 80)
        bytes.append(0)
        StatStamp.decimal(Int64(info.st_mode & S_IFMT), to: &bytes)
        bytes.append(0)
        StatStamp.append(info, separator: 0, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func walk(_ path: String, relative: String, into entries: inout [String], foldersOnly: Bool = false) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = DirectoryEntry.name(of: entry)
            if name == "." || name == ".." { continue }
            // The folder says which names are files: those need no call of their own.
            if foldersOnly, DirectoryEntry.type(of: entry) != UInt8(DT_DIR), DirectoryEntry.type(of: entry) != UInt8(DT_UNKNOWN) { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            // Relative to the open folder: the kernel looks up one name, not
            // every folder of the path again (a no-change build is these calls).
            guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            let type = info.st_mode & S_IFMT
            if foldersOnly && type != S_IFDIR { continue }
            entries.append(line(rel, info))
            if type == S_IFDIR {
                guard walk(path + "/" + name, relative: rel, into: &entries, foldersOnly: foldersOnly) else { return false }
            }
        }
        return true
    }
}
