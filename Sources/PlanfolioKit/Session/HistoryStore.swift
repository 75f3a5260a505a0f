import Foundation

/// `BuildSession.history` written down beside the session (`SessionStore`),
/// so the next build of another process reads only the commits since and
/// hashes only the files whose stamps changed. Two files in the work folder,
/// each written only when its part changed, each sealed like the session's
/// (a damaged one is ignored whole: the history is read again):
///
/// - `history.bin`: the log (each file's revisions), the sections of the
///   plan versions compared, the tip's first-parent line, the portfolio at
///   the `since` point;
/// - `history-working.bin`: each document file's git id with its stamp.
///
/// The history's head key itself is in `session.bin`'s head, which is all
/// a build with nothing changed reads.
enum HistoryStore {
    static let historyName = "history.bin"
    static let workingName = "history-working.bin"
    static let format = 1

    /// Writes the parts of `history` that changed since it was read or last written.
    static func save(_ history: inout HistorySession, folder: String) {
        if history.mainChanged {
            guard POSIXFile.replace(folder + "/" + historyName, with: SessionStore.sealed(encodeMain(history))) else { return forget(folder: folder) }
            history.mainChanged = false
        }
        if history.workingChanged {
            guard POSIXFile.replace(folder + "/" + workingName, with: SessionStore.sealed(encodeWorking(history))) else { return forget(folder: folder) }
            history.workingChanged = false
        }
    }

    static func forget(folder: String) {
        unlink(folder + "/" + historyName)
        unlink(folder + "/" + workingName)
    }

    /// What the two files hold, into `history` (whose head key came from `session.bin`); parts that do not read are left empty.
    static func restore(_ history: inout HistorySession, main: [UInt8]?, working: [UInt8]?) {
        if let main, let body = SessionStore.unsealed(main[...]), decodeMain(Array(body), into: &history) {
            history.mainChanged = false
        }
        if let working, let body = SessionStore.unsealed(working[...]), decodeWorking(Array(body), into: &history) {
            history.workingChanged = false
        }
    }

    // MARK: history.bin

    static func encodeMain(_ history: HistorySession) -> [UInt8] {
        var writer = RecordWriter(capacity: 1 << 16)
        writer.string("planfolio-history")
        writer.int(format)
        writer.string(Settings.executableIdentity)
        writer.optional(history.log) { writer, log in
            writer.string(log.tip)
            writer.array(log.tipBlobs.sorted { $0.key < $1.key }) { writer, item in
                writer.string(item.key)
                writer.string(item.value)
            }
            // Each commit once; revisions name them by index.
            var commits: [Commit] = []
            var index: [String: Int] = [:]
            let paths = log.revisions.keys.sorted()
            for path in paths {
                for revision in log.revisions[path] ?? [] {
                    guard let commit = revision.commit, index[commit.id] == nil else { continue }
                    index[commit.id] = commits.count
                    commits.append(commit)
                }
            }
            writer.array(commits) { writer, commit in
                writer.string(commit.id)
                writer.string(commit.author)
                writer.string(commit.email)
                writer.string(commit.date)
                writer.string(commit.day.description)
                writer.string(commit.subject)
            }
            writer.array(paths) { writer, path in
                writer.string(path)
                writer.array(log.revisions[path] ?? []) { writer, revision in
                    writer.int(revision.commit.flatMap { index[$0.id] } ?? -1)
                    writer.string(revision.change.rawValue)
                    for value in [revision.oldPath, revision.newPath, revision.oldBlob, revision.newBlob] {
                        writer.optional(value) { $0.string($1) }
                    }
                }
            }
            writer.array(log.everRemoved.sorted()) { $0.string($1) }
        }
        writer.array(history.spans.sorted { $0.key < $1.key }) { writer, item in
            writer.string(item.key)
            writer.array(item.value) { writer, span in
                writer.string(span.name)
                writer.bool(span.governed)
                writer.int(span.firstLine)
                writer.int(span.lastLine)
                writer.digest(span.textHash)
            }
        }
        writer.optional(history.firstParents) { writer, line in
            writer.string(line.tip)
            writer.array(line.commits) { writer, commit in
                writer.string(commit.id)
                writer.string(commit.day.description)
            }
        }
        writer.optional(history.since) { writer, since in
            writer.digest(since.key)
            writer.optional(since.commit) { $0.string($1) }
            writer.string(since.day.description)
            writer.string(since.label)
            writer.array(since.snapshot.entries) { writer, entry in
                writer.string(entry.id)
                writer.string(entry.kind.rawValue)
                writer.string(entry.title)
                writer.string(entry.url)
                writer.string(entry.content)
                writer.optional(entry.lifecycle) { $0.string($1.rawValue) }
                writer.optional(entry.approval) { $0.string($1.rawValue) }
                writer.int(entry.signed)
                writer.int(entry.required)
                writer.bool(entry.stale)
                writer.array(entry.phases) { writer, phase in
                    writer.string(phase.name)
                    writer.optional(phase.deadline) { $0.string($1.description) }
                }
                writer.array(entry.breaches) { writer, breach in
                    writer.string(breach.metric)
                    writer.string(breach.group)
                    writer.double(breach.value)
                    writer.double(breach.threshold)
                    writer.string(breach.limit.rawValue)
                }
                writer.optional(entry.supersededBy) { $0.string($1) }
            }
        }
        return writer.bytes
    }

    private static func day(_ reader: inout RecordReader) -> Day {
        guard let day = Day(reader.string()) else {
            reader.fail()
            return Day(year: 1970, month: 1, day: 1)!
        }
        return day
    }

    private static func decodeMain(_ bytes: [UInt8], into history: inout HistorySession) -> Bool {
        var reader = RecordReader(bytes)
        guard reader.string() == "planfolio-history", reader.int() == format, reader.string() == Settings.executableIdentity else { return false }
        let log = reader.optional { reader -> HistoryLog in
            let tip = reader.string()
            let tipBlobs = reader.array { reader in (reader.string(), reader.string()) }
            let commits = reader.array { reader in
                Commit(id: reader.string(), author: reader.string(), email: reader.string(), date: reader.string(), day: day(&reader),
                       subject: reader.string())
            }
            let revisions = reader.array { reader -> (String, [Revision]) in
                let path = reader.string()
                return (path, reader.array { reader -> Revision in
                    let index = reader.int()
                    let change = reader.enumeration(Revision.Change.self) ?? .modified
                    let values = (0..<4).map { _ in reader.optional { $0.string() } }
                    if index >= commits.count { reader.fail() }
                    return Revision(commit: index >= 0 && index < commits.count ? commits[index] : nil, change: change,
                                    oldPath: values[0], newPath: values[1], oldBlob: values[2], newBlob: values[3])
                })
            }
            let removed = reader.array { $0.string() }
            return HistoryLog(tip: tip, tipBlobs: Dictionary(tipBlobs, uniquingKeysWith: { first, _ in first }),
                              revisions: Dictionary(revisions, uniquingKeysWith: { first, _ in first }), everRemoved: Set(removed))
        }
        let spans = reader.array { reader -> (String, [SectionSpan]) in
            (reader.string(), reader.array { reader in
                SectionSpan(name: reader.string(), governed: reader.bool(), firstLine: reader.int(), lastLine: reader.int(), textHash: reader.digest())
            })
        }
        let firstParents = reader.optional { reader in
            HistorySession.FirstParents(tip: reader.string(), commits: reader.array { reader in (reader.string(), day(&reader)) })
        }
        let since = reader.optional { reader -> SinceSnapshot in
            let key = reader.digest(), commit = reader.optional { $0.string() }, sinceDay = day(&reader), label = reader.string()
            let entries = reader.array { reader -> PortfolioSnapshot.Entry in
                let id = reader.string()
                let kind = reader.enumeration(DocumentKind.self) ?? .plan
                var entry = PortfolioSnapshot.Entry(id: id, kind: kind, title: reader.string(), url: reader.string(), content: reader.string())
                entry.lifecycle = reader.optional { $0.enumeration(Lifecycle.self) } ?? nil
                entry.approval = reader.optional { $0.enumeration(ApprovalState.self) } ?? nil
                entry.signed = reader.int()
                entry.required = reader.int()
                entry.stale = reader.bool()
                entry.phases = reader.array { reader in
                    PortfolioSnapshot.Phase(name: reader.string(), deadline: reader.optional { day(&$0) })
                }
                entry.breaches = reader.array { reader in
                    PortfolioSnapshot.Breach(metric: reader.string(), group: reader.string(), value: reader.double(), threshold: reader.double(),
                                             limit: reader.enumeration(Metric.Limit.self) ?? .max)
                }
                entry.supersededBy = reader.optional { $0.string() }
                return entry
            }
            return SinceSnapshot(key: key, commit: commit, day: sinceDay, label: label, snapshot: PortfolioSnapshot(entries: entries))
        }
        guard !reader.failed, reader.isAtEnd else { return false }
        history.log = log
        history.spans = Dictionary(spans, uniquingKeysWith: { first, _ in first })
        history.firstParents = firstParents
        history.since = since
        return true
    }

    // MARK: history-working.bin

    static func encodeWorking(_ history: HistorySession) -> [UInt8] {
        var writer = RecordWriter(capacity: history.working.count * 120 + 64)
        writer.string("planfolio-history-working")
        writer.int(format)
        writer.array(history.working.sorted { $0.key < $1.key }) { writer, item in
            writer.string(item.key)
            writer.string(item.value.stamp)
            writer.string(item.value.blob)
        }
        return writer.bytes
    }

    private static func decodeWorking(_ bytes: [UInt8], into history: inout HistorySession) -> Bool {
        var reader = RecordReader(bytes)
        guard reader.string() == "planfolio-history-working", reader.int() == format else { return false }
        let files = reader.array { reader in (reader.string(), HistorySession.WorkingFile(stamp: reader.string(), blob: reader.string())) }
        guard !reader.failed, reader.isAtEnd else { return false }
        history.working = Dictionary(files, uniquingKeysWith: { first, _ in first })
        return true
    }
}
