/// What the site shows of the git history (docs/history.md), as the
/// history step left it: each document's revisions, the sections of the
/// plan versions compared, the texts of the revisions to render, and the
/// portfolio at the `since` point of `changes.html`. Absent when the build
/// has no usable history: then no page shows any of it.
struct SiteHistory: Sendable {
    /// Each document's revisions, newest first, by source path.
    var revisions: [String: [Revision]]
    /// The template's sections of plan versions, by blob id.
    var spans: [String: [SectionSpan]]
    /// The bytes of the versions the revision pages to render compare, by blob id (read just before they render).
    var texts: [String: [UInt8]] = [:]
    /// Each document's git id as built, by source path.
    var content: [String: String]
    var since: SinceSnapshot?
    /// The commit an `--as-of` site shows.
    var asOf: AsOfPoint?

    /// The site path of a document's revision page, e.g. `revisions/RP-2026-009-3f2a9c01b7d4.html`:
    /// one folder for every revision (a folder per document made the output's stamp, which every
    /// build takes, walk thousands of folders more). An id and a key of fixed form never make
    /// another document's name.
    static func path(of revision: Revision, in document: Document) -> String {
        path(documentID: document.id, key: revision.pageKey)
    }

    static func path(documentID: String, key: String) -> String {
        "\(folder)/\(documentID)-\(key).html"
    }

    static let folder = "revisions"

    /// Whether `revision` of the document at `source` has a page of its own.
    /// Every revision does but one: the single commit of a document that
    /// has not changed since it was added, whose page would show the very
    /// version the document's own page shows (most documents of a portfolio
    /// are that; a page each would double the site).
    func hasPage(_ revision: Revision, source: String) -> Bool {
        guard let revisions = revisions[source], revisions.count == 1, revision.change == .added, revision.commit != nil else { return true }
        return revision.newBlob != content[source]
    }

    /// The blob ids a revision's page compares.
    static func blobs(of revision: Revision) -> [String] {
        [revision.oldBlob, revision.newBlob].compactMap { $0 }
    }
}
