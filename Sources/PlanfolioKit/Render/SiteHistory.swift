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

    /// The site path of a document's revision page, e.g. `plans/RP-2026-009/rev-3f2a9c01b7d4.html`.
    static func path(of revision: Revision, in document: Document) -> String {
        "\(document.kind.folder)/\(document.id)/\(revision.pageName)"
    }

    /// The blob ids a revision's page compares.
    static func blobs(of revision: Revision) -> [String] {
        [revision.oldBlob, revision.newBlob].compactMap { $0 }
    }
}
