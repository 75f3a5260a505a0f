import Foundation

/// The watch where inotify is not available (or refuses): every `interval`,
/// each target is listed again and compared with the last listing: files
/// by type, size, inode and modification time, folders by being there.
final class PollingBackend: WatchBackend, @unchecked Sendable {
    private let targets: [WatchTarget]
    private let excluded: [String]
    private let interval: Duration
    private let buffer: ChangeBuffer
    private let stopSignal = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(targets: [WatchTarget], excluded: [String], interval: Duration, buffer: ChangeBuffer) {
        self.targets = targets
        self.excluded = excluded
        self.interval = interval
        self.buffer = buffer
        let first = snapshot()
        let thread = Thread { [self] in
            run(from: first)
            finished.signal()
        }
        thread.name = "planfolio-watch-poll"
        thread.start()
    }

    var name: String { "polling every \(interval)" }

    func stop() {
        stopSignal.signal()
        finished.wait()
    }

    private func run(from first: [String: String]) {
        var last = first
        let nanoseconds = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        while stopSignal.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .timedOut {
            let now = snapshot()
            var changed: [String] = []
            for (path, stamp) in now where last[path] != stamp { changed.append(path) }
            for path in last.keys where now[path] == nil { changed.append(path) }
            last = now
            // A listing compared with the last cannot tell a file rewritten in place from one replaced.
            buffer.add(changed, structural: true)
        }
    }

    /// Every watched path with its stamp.
    func snapshot() -> [String: String] {
        var stamps: [String: String] = [:]
        for target in targets {
            guard let status = FolderListing.status(target.path) else { continue }
            stamps[target.path] = status.isFolder ? "folder" : status.stamp
            if target.kind == .tree, status.isFolder {
                var seen: Set<FolderListing.FileIdentity> = [status.identity]
                walk(target.path, depth: 0, seen: &seen, into: &stamps)
            }
        }
        return stamps
    }

    private func walk(_ folder: String, depth: Int, seen: inout Set<FolderListing.FileIdentity>, into stamps: inout [String: String]) {
        guard depth < WatchLimits.depth, let entries = FolderListing.entries(of: folder) else { return }
        for entry in entries {
            let path = WatchPath.join(folder, entry.name)
            if excluded.contains(where: { WatchPath.isInside(path, $0) }) { continue }
            // A folder's own times change with every name in it, which is reported itself.
            stamps[path] = entry.isFolder ? "folder" : entry.stamp
            if entry.isFolder, seen.insert(entry.identity).inserted {
                walk(path, depth: depth + 1, seen: &seen, into: &stamps)
            }
        }
    }
}
