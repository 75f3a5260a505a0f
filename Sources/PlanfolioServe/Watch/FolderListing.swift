import PlanfolioKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder's entries as the watcher needs them: name, whether it is a
/// folder (links followed, as the input loader follows them), and a stamp
/// of type, size, inode and modification time for the polling backend.
struct FolderListing {
    struct Entry {
        var name: String
        var isFolder: Bool
        /// The folder's device and inode, to walk each folder once when links make a cycle.
        var identity: FileIdentity
        var stamp: String
    }

    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The entries of `folder`, hidden and ignored names left out; nil when it cannot be read.
    static func entries(of folder: String) -> [Entry]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = DirectoryEntry.name(of: entry)
            if name == "." || name == ".." || IgnoredNames.isIgnored(name) { continue }
            guard let info = status(WatchPath.join(folder, name)) else { continue }
            entries.append(Entry(name: name, isFolder: info.isFolder, identity: info.identity, stamp: info.stamp))
        }
        return entries
    }

    struct Status {
        var isFolder: Bool
        var identity: FileIdentity
        var stamp: String
    }

    /// What `stat` (following links) says of `path`; nil when it does not exist.
    static func status(_ path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        #if canImport(Darwin)
        let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #else
        let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #endif
        return Status(isFolder: type == S_IFDIR,
                      identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
                      stamp: "\(type)|\(info.st_size)|\(info.st_ino)|\(modified)")
    }
}
