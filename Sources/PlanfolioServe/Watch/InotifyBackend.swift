#if canImport(Glibc)
import Foundation
import Glibc

/// The watch on Linux: one inotify instance with a watch on every folder
/// of each tree target (new folders are added as they appear) and on each
/// target's parent folder, for the target's own name.
///
/// A reader thread blocks in `poll` on the inotify descriptor and a pipe
/// that `stop` writes to; everything but `init` and `stop` runs on it.
final class InotifyBackend: WatchBackend, @unchecked Sendable {
    /// The events of inotify(7) the watch asks for.
    private enum Mask {
        static let modify: UInt32 = 0x0000_0002
        static let attrib: UInt32 = 0x0000_0004
        static let closeWrite: UInt32 = 0x0000_0008
        static let movedFrom: UInt32 = 0x0000_0040
        static let movedTo: UInt32 = 0x0000_0080
        static let create: UInt32 = 0x0000_0100
        static let delete: UInt32 = 0x0000_0200
        static let deleteSelf: UInt32 = 0x0000_0400
        static let moveSelf: UInt32 = 0x0000_0800
        static let overflow: UInt32 = 0x0000_4000
        static let ignored: UInt32 = 0x0000_8000
        static let onlyFolder: UInt32 = 0x0100_0000
        static let excludeUnlinked: UInt32 = 0x0400_0000
        static let isFolder: UInt32 = 0x4000_0000

        static let watched = modify | attrib | closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf
            | onlyFolder | excludeUnlinked
    }

    /// What one watch descriptor stands for.
    private struct Folder {
        var path: String
        /// Part of a tree target: every name in it counts.
        var tree = false
        /// Names that count in it although it is no tree (targets it is the parent of).
        var names: Set<String> = []
    }

    private struct WatchFailed: Error {
        var message: String
    }

    private let descriptor: Int32
    /// The pipe `stop` wakes the reader with: read end, write end.
    private let wake: (read: Int32, write: Int32)
    private let targets: [WatchTarget]
    private let excluded: [String]
    private let buffer: ChangeBuffer
    private var folders: [Int32: Folder] = [:]
    private let finished = DispatchSemaphore(value: 0)

    /// Throws when inotify is not available or cannot watch every folder (too many); the caller then polls.
    init(targets: [WatchTarget], excluded: [String], buffer: ChangeBuffer) throws {
        self.targets = targets
        self.excluded = excluded
        self.buffer = buffer
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchFailed(message: "inotify_init1: " + String(cString: strerror(errno))) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            throw WatchFailed(message: "pipe: " + String(cString: strerror(errno)))
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wake = (ends[0], ends[1])
        do {
            try watchTargets()
        } catch {
            for open in [descriptor, ends[0], ends[1]] { close(open) }
            throw error
        }
        let thread = Thread { [self] in
            read()
            finished.signal()
        }
        thread.name = "planfolio-watch-inotify"
        thread.start()
    }

    var name: String { "inotify" }

    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        finished.wait()
        for open in [descriptor, wake.read, wake.write] { close(open) }
    }

    // MARK: Watches

    private func watchTargets() throws {
        for target in targets {
            try watch(target.parent, name: target.name)
            if target.kind == .tree { _ = try watchTree(target.path) }
        }
    }

    /// Watches `folder` for the one name `name`; a folder that does not exist is passed over.
    private func watch(_ folder: String, name: String) throws {
        guard let wd = try addWatch(folder) else { return }
        folders[wd, default: Folder(path: folder)].names.insert(name)
    }

    /// Watches `root` and every folder under it; returns the files found
    /// (a new folder may have been filled before its watch was added).
    private func watchTree(_ root: String) throws -> [String] {
        var found: [String] = []
        var seen: Set<FolderListing.FileIdentity> = []
        // Iterative, depth-first, with its depth capped.
        var stack: [(path: String, depth: Int)] = [(root, 0)]
        while let (path, depth) = stack.popLast() {
            guard depth <= WatchLimits.depth, !isExcluded(path),
                  let status = FolderListing.status(path), status.isFolder, seen.insert(status.identity).inserted,
                  let wd = try addWatch(path) else { continue }
            folders[wd, default: Folder(path: path)].tree = true
            for entry in FolderListing.entries(of: path) ?? [] {
                let child = WatchPath.join(path, entry.name)
                if entry.isFolder { stack.append((child, depth + 1)) } else { found.append(child) }
            }
        }
        return found
    }

    private func addWatch(_ folder: String) throws -> Int32? {
        let wd = inotify_add_watch(descriptor, folder, Mask.watched)
        if wd >= 0 {
            guard folders[wd] != nil || folders.count < WatchLimits.folders else {
                throw WatchFailed(message: "more than \(WatchLimits.folders) folders to watch")
            }
            return wd
        }
        if errno == ENOSPC || errno == ENOMEM {
            throw WatchFailed(message: "inotify_add_watch: " + String(cString: strerror(errno)) + " (see /proc/sys/fs/inotify/max_user_watches)")
        }
        return nil  // gone, not a folder, or unreadable: nothing to watch there
    }

    private func isExcluded(_ path: String) -> Bool {
        excluded.contains { WatchPath.isInside(path, $0) }
    }

    /// Stops watching `path` and the folders under it (moved away: their events would name the old place).
    private func forget(_ path: String) {
        for (wd, folder) in folders where folder.tree && WatchPath.isInside(folder.path, path) {
            if folder.names.isEmpty {
                inotify_rm_watch(descriptor, wd)
                folders[wd] = nil
            } else {
                folders[wd]?.tree = false
            }
        }
    }

    // MARK: Events

    private func read() {
        var polled = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        let capacity = 64 * 1024
        let bytes = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { bytes.deallocate() }
        while true {
            polled[0].revents = 0
            polled[1].revents = 0
            let ready = poll(&polled, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if polled[1].revents != 0 { return }
            while true {
                let count = Glibc.read(descriptor, bytes, capacity)
                if count < 0 {
                    if errno == EINTR { continue }
                    break  // EAGAIN: all read
                }
                if count == 0 { break }
                var changed: [String] = [], quiet: [String] = []
                var settled = false, structural = false
                parse(UnsafeRawBufferPointer(start: bytes, count: count), into: &changed, quiet: &quiet, settled: &settled, structural: &structural)
                buffer.addQuietly(quiet)
                buffer.add(changed, settled: settled, structural: structural)
            }
        }
    }

    /// `settled` says whether the last reported event ended a save; `quiet`
    /// gets the ignored names' files that came or went (`ChangeBuffer.addQuietly`);
    /// `structural`, whether a folder came, went or moved, or inotify lost events.
    private func parse(_ bytes: UnsafeRawBufferPointer, into changed: inout [String], quiet: inout [String], settled: inout Bool,
                       structural: inout Bool) {
        let header = 16  // struct inotify_event: wd, mask, cookie, len; then len bytes of name
        var offset = 0
        while offset + header <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let end = min(bytes.count, offset + header + length)
            let name = String(decoding: bytes[(offset + header)..<end].prefix(while: { $0 != 0 }), as: UTF8.self)
            offset = end
            let before = changed.count
            handle(wd: wd, mask: mask, name: name, into: &changed, quiet: &quiet, structural: &structural)
            if changed.count > before {
                settled = mask & (Mask.closeWrite | Mask.movedTo) != 0 && mask & Mask.isFolder == 0
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into changed: inout [String], quiet: inout [String],
                        structural: inout Bool) {
        if mask & Mask.overflow != 0 {
            // Events were lost: some change happened, and folders may have come unseen.
            changed.append("")
            structural = true
            try? watchTargets()
            return
        }
        if mask & Mask.ignored != 0 {
            folders[wd] = nil
            return
        }
        guard let folder = folders[wd] else { return }
        if name.isEmpty {
            // The watched folder itself was deleted or moved.
            if folder.tree {
                changed.append(folder.path)
                structural = true
                if mask & Mask.moveSelf != 0 { forget(folder.path) }
            }
            return
        }
        let path = WatchPath.join(folder.path, name)
        let named = folder.names.contains(name)
        if !named, folder.tree, IgnoredNames.isIgnored(name), !name.hasPrefix("."), !isExcluded(path) {
            // An editor's backup or write test: no rebuild of its own, but a listing must see it come and go.
            quiet.append(path)
            return
        }
        guard named || (folder.tree && !IgnoredNames.isIgnored(name) && !isExcluded(path)) else { return }
        changed.append(path)
        guard mask & Mask.isFolder != 0 else { return }
        structural = true
        if mask & Mask.movedFrom != 0 { forget(path) }
        if mask & (Mask.create | Mask.movedTo) != 0,
           folder.tree || targets.contains(where: { $0.kind == .tree && $0.path == path }) {
            changed += (try? watchTree(path)) ?? []
        }
    }
}
#endif
