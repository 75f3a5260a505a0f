/// One git commit as planfolio shows it: who made it, when, and what for.
///
/// Read by the Load stage from one `git log` (`GitLog`); dates are the
/// author's, since they survive rebases and cherry-picks (docs/history.md).
public struct Commit: Sendable, Hashable {
    /// The full object id, in lowercase hex.
    public var id: String
    public var author: String
    public var email: String
    /// The author date as git wrote it, ISO 8601 with the author's offset (`2026-10-02T14:03:11+02:00`).
    public var date: String
    /// The author's calendar day of `date`.
    public var day: Day
    /// The first line of the message.
    public var subject: String

    public init(id: String, author: String, email: String, date: String, day: Day, subject: String) {
        self.id = id
        self.author = author
        self.email = email
        self.date = date
        self.day = day
        self.subject = subject
    }

    /// The short form shown on pages.
    public var shortID: String { String(id.prefix(7)) }
}

/// What one commit, or the working tree, did to one document's file.
///
/// A document's revisions are listed newest first, following renames; a
/// file deleted and added again at the same path keeps its history.
public struct Revision: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable {
        case added, modified, renamed, deleted
    }

    /// nil for the working tree's change that is not committed yet.
    public var commit: Commit?
    public var change: Change
    /// The file's path under the input folder before and after; nil where it did not exist.
    public var oldPath: String?
    public var newPath: String?
    /// The blob ids before and after; `newBlob` of the working tree's change is its file's id.
    public var oldBlob: String?
    public var newBlob: String?

    public init(commit: Commit?, change: Change, oldPath: String?, newPath: String?, oldBlob: String?, newBlob: String?) {
        self.commit = commit
        self.change = change
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldBlob = oldBlob
        self.newBlob = newBlob
    }

    /// What names this revision's page beside its document's id
    /// (`revisions/ID-KEY.html`): the commit id's first twelve digits, or
    /// `working` for the working tree's change.
    public var pageKey: String { commit.map { String($0.id.prefix(12)) } ?? "working" }
}

/// A change to one or more governed sections of a plan (SPEC 4.3): what
/// voids a signature dated before `day`.
public struct GovernedChange: Sendable, Hashable {
    /// The author's day of the commit, or today for the working tree's change.
    public var day: Day
    /// nil for the working tree's change.
    public var commit: Commit?
    /// The governed sections whose text changed, by their template names, in template order.
    public var sections: [String]
    /// The revision's page key (`Revision.pageKey`).
    public var pageKey: String

    public init(day: Day, commit: Commit?, sections: [String], pageKey: String) {
        self.day = day
        self.commit = commit
        self.sections = sections
        self.pageKey = pageKey
    }
}

/// What Compute knows of a plan's history when it judges its signatures.
public enum PlanHistory: Sendable, Hashable {
    /// The plan's governed changes, oldest first: a signature dated before one is stale.
    case committed([GovernedChange])
    /// No usable history for this plan: a signature dated before `updated` is stale.
    case unavailable
}
