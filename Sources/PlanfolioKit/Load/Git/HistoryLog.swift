/// Each file under the input folder at one commit (the tip: `HEAD`, or
/// `--as-of`'s commit), with the revisions that made it, newest first:
/// `GitLog`'s commits walked from the tip back, following renames, and
/// through a deletion when the same path was added again later. Part of
/// Load; kept in the build session and extended when the tip moves on.
struct HistoryLog: Sendable {
    /// The commit this log ends at.
    var tip: String
    /// Each file of the tip's tree under the input folder, by path: its blob id.
    var tipBlobs: [String: String]
    /// Each file of the tip's tree: its revisions, newest first.
    var revisions: [String: [Revision]]
    /// Every path a commit of the log deleted or renamed away: a file added
    /// there later may continue an earlier file's history.
    var everRemoved: Set<String>

    /// The log of `tip` whose tree holds `tree`, from `log` (the commits reaching it, newest first).
    static func make(tip: String, tree: [GitObjects.TreeEntry], log: GitLog) -> HistoryLog {
        var tipBlobs: [String: String] = [:]
        for entry in tree where entry.isFile { tipBlobs[entry.path] = entry.blob }
        let walked = walk(log, from: Array(tipBlobs.keys))
        return HistoryLog(tip: tip, tipBlobs: tipBlobs, revisions: walked.revisions, everRemoved: removedPaths(log))
    }

    /// This log moved on to `tip`: `log` holds the commits after this log's
    /// tip. Nil when the walk leaves a path this log cannot continue (a
    /// file added again whose earlier life this log does not hold): then the
    /// whole history is read again.
    func extended(to tip: String, tree: [GitObjects.TreeEntry], log: GitLog) -> HistoryLog? {
        var tipBlobs: [String: String] = [:]
        for entry in tree where entry.isFile { tipBlobs[entry.path] = entry.blob }
        let walked = Self.walk(log, from: Array(tipBlobs.keys))
        if walked.pendingReAdds.contains(where: { everRemoved.contains($0) && tipBlobs[$0] != nil && self.tipBlobs[$0] == nil }) { return nil }
        var revisions = walked.revisions
        // Where each file of the new tip was at the old tip: its older revisions are there.
        for (oldPath, newPath) in walked.bottom {
            guard let older = self.revisions[oldPath] else { continue }
            revisions[newPath, default: []] += older
        }
        return HistoryLog(tip: tip, tipBlobs: tipBlobs, revisions: revisions, everRemoved: everRemoved.union(Self.removedPaths(log)))
    }

    private static func removedPaths(_ log: GitLog) -> Set<String> {
        var paths: Set<String> = []
        for entry in log.entries {
            for change in entry.changes where change.status == UInt8(ascii: "D") || change.status == UInt8(ascii: "R") {
                if let path = change.oldPath { paths.insert(path) }
            }
        }
        return paths
    }

    /// The walk from the tip's paths back through `log`: each path's
    /// revisions, the path each tip path had at the oldest commit walked
    /// (`bottom`: path then -> tip path), and the paths added in the walk
    /// whose earlier life (a deletion) it did not reach.
    private static func walk(_ log: GitLog, from paths: [String]) -> (revisions: [String: [Revision]], bottom: [String: String], pendingReAdds: [String]) {
        var revisions: [String: [Revision]] = [:]
        // Path at this point of the walk -> the tip path of the file it is.
        var current: [String: String] = [:]
        for path in paths { current[path] = path }
        // Paths added (newest first) whose file may have lived there before a deletion.
        var readded: [String: String] = [:]
        for entry in log.entries {
            var removed: [String] = []
            var added: [(String, String)] = []
            for change in entry.changes where !change.notAFile || change.status == UInt8(ascii: "D") {
                let commit = entry.commit
                switch change.status {
                case UInt8(ascii: "A"), UInt8(ascii: "C"):
                    guard let path = change.newPath, let identity = current[path] else { continue }
                    revisions[identity, default: []].append(Revision(commit: commit, change: .added, oldPath: nil, newPath: path,
                                                                     oldBlob: nil, newBlob: change.newBlob))
                    removed.append(path)
                    readded[path] = identity
                case UInt8(ascii: "D"):
                    guard let path = change.oldPath, let identity = current[path] ?? readded[path] else { continue }
                    revisions[identity, default: []].append(Revision(commit: commit, change: .deleted, oldPath: path, newPath: nil,
                                                                     oldBlob: change.oldBlob, newBlob: nil))
                    readded[path] = nil
                    added.append((path, identity))
                case UInt8(ascii: "R"):
                    guard let old = change.oldPath, let new = change.newPath, let identity = current[new] else { continue }
                    revisions[identity, default: []].append(Revision(commit: commit, change: .renamed, oldPath: old, newPath: new,
                                                                     oldBlob: change.oldBlob, newBlob: change.newBlob))
                    removed.append(new)
                    added.append((old, identity))
                default:
                    guard let path = change.newPath, let identity = current[path] else { continue }
                    revisions[identity, default: []].append(Revision(commit: commit, change: .modified, oldPath: path, newPath: path,
                                                                     oldBlob: change.oldBlob, newBlob: change.newBlob))
                }
            }
            // One commit's changes apply at once (a swap of two names is two renames).
            for path in removed { current[path] = nil }
            for (path, identity) in added { current[path] = identity }
        }
        var bottom: [String: String] = [:]
        for (path, identity) in current { bottom[path] = identity }
        return (revisions, bottom, Array(readded.keys))
    }
}
