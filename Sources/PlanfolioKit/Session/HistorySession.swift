/// What the build session keeps of the git history (`BuildSession.history`):
/// the input that is not a file. Its key (`headKey`) is where the history
/// stands: the repository, the commit `HEAD` (or `--as-of`) names, and the
/// options that choose what is shown. A build whose listing, settings and
/// head key are the last build's did nothing; one whose head key moved
/// reads only the commits since (`HistoryLog.extended`), and renders only
/// the files whose keys hash what moved (docs/history.md).
struct HistorySession: Sendable {
    /// `HistoryHead.key` of the last build.
    var headKey: Digest = .none
    /// The repository the input folder is in, when it is.
    var repository: GitRepository?
    /// The log of the last tip read.
    var log: HistoryLog?
    /// Each document file's git id in the working tree, by path, with the stamp it was computed for.
    var working: [String: WorkingFile] = [:]
    /// The template's sections of each plan version compared so far, by blob id (`SectionSpans`).
    var spans: [String: [SectionSpan]] = [:]
    /// The tip's first-parent line, to find the commit a date means.
    var firstParents: FirstParents?
    /// The portfolio at the `since` point, for the key it was made for.
    var since: SinceSnapshot?
    /// What this build's later steps read of the history; nil when it is not wanted.
    var view: HistoryView?
    /// The parts `HistoryStore` writes that changed since they were read or written.
    var mainChanged = true
    var workingChanged = true

    struct WorkingFile: Sendable, Equatable {
        var stamp: String
        var blob: String
    }

    struct FirstParents: Sendable {
        var tip: String
        var commits: [(id: String, day: Day)]
    }
}

/// The portfolio as it stood at the `since` point of `changes.html`.
struct SinceSnapshot: Sendable {
    /// Hash of the commit, the config and the planfolio that made it.
    var key: Digest
    /// The commit; nil when the point is before the first commit (everything is new).
    var commit: String?
    /// The day its statuses were computed as of.
    var day: Day
    /// What the point was asked as: a date, or a revision name.
    var label: String
    var snapshot: PortfolioSnapshot
}

/// What the history step made for Compute and Render (`Build.history`).
struct HistoryView: Sendable {
    /// Why the history is not used; nil when it is.
    var unusable: String?
    /// Each document's revisions, newest first, the working tree's change on top, by source path.
    var revisions: [String: [Revision]] = [:]
    /// Each plan's history for its signatures, by source path.
    var plans: [String: PlanHistory] = [:]
    /// Hash of `plans`: part of the Compute key.
    var plansKey: Digest = .none
    /// Hash of each document's revisions, by source path: part of its page's key.
    var documentKeys: [String: Digest] = [:]
    /// Each document's git id as this build reads it, by source path.
    var content: [String: String] = [:]
    /// The portfolio at the `since` point.
    var since: SinceSnapshot?
    /// Hash of the `since` point and of which documents' content differs from it: part of `changes.html`'s key.
    var changesKey: Digest = .none
    /// The warnings the history gives (PF040, PF041).
    var diagnostics: [Diagnostic] = []
    /// The `--as-of` commit the site shows, when it is one.
    var asOf: AsOfPoint?
    /// At `--as-of`, the bytes of the input's other files (evidence a document may link to), by path.
    var asOfFiles: [String: [UInt8]] = [:]

    var isUsable: Bool { unusable == nil }
}

/// The commit an `--as-of` build shows, and how it was asked for.
public struct AsOfPoint: Sendable, Equatable {
    public var commit: String
    public var day: Day
    public var label: String
}
