/// The revision list of a document's page (`#pf-revisions`): each commit
/// that touched its file, newest first, the working tree's uncommitted
/// change on top, each linking to its revision page; for a plan, the
/// governed sections each one changed.
///
/// Keys merged into the document page's context (listed in `docs/theme.md`):
/// `hasRevisions`, `revisions` [{href, shortID, id, date, day, author,
/// subject, change, isWorking, hasPage, hasGoverned, governed [{name}],
/// governedNames}]; `hasPage` is false for the one revision of a document
/// unchanged since it was added (this page shows that version).
enum RevisionList {
    static func context(_ document: Document, history: SiteHistory?, today: Day, root: String) -> [String: Any] {
        guard let history else { return ["hasRevisions": false] }
        let revisions = history.revisions[document.source] ?? []
        let governed = governedSections(revisions, spans: history.spans)
        let items: [[String: Any]] = revisions.map { revision in
            let sections = governed[revision.pageKey] ?? []
            // The one revision of a document unchanged since is this page: its row says so instead of linking.
            let hasPage = history.hasPage(revision, source: document.source)
            var item: [String: Any] = [
                "href": root + SiteHistory.path(of: revision, in: document),
                "hasPage": hasPage,
                "change": changeLabel(revision),
                "isWorking": revision.commit == nil,
                "hasGoverned": !sections.isEmpty,
                "governed": sections.map { ["name": $0] },
                "governedNames": sections.joined(separator: ", "),
            ]
            if let commit = revision.commit {
                item["shortID"] = commit.shortID
                item["id"] = commit.id
                item["date"] = commit.date
                item["day"] = commit.day.description
                item["author"] = commit.author
                item["subject"] = commit.subject
            } else {
                item["shortID"] = "working tree"
                item["id"] = ""
                item["date"] = today.description
                item["day"] = today.description
                item["author"] = ""
                item["subject"] = "Not committed yet"
            }
            return item
        }
        // The same page as a build of a checkout of the commit would write: an `--as-of` site says nothing of being one.
        return ["hasRevisions": !items.isEmpty, "revisions": items]
    }

    /// What a revision did, in words: "Added", "Renamed from plans/old.md".
    static func changeLabel(_ revision: Revision) -> String {
        switch revision.change {
        case .added: revision.commit == nil ? "New file" : "Added"
        case .modified: "Modified"
        case .renamed: "Renamed from \(revision.oldPath ?? "")"
        case .deleted: "Deleted"
        }
    }

    /// The governed sections each revision of a plan changed, by revision page name.
    static func governedSections(_ revisions: [Revision], spans: [String: [SectionSpan]]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (old, new, revision) in GovernedChanges.comparisons(revisions) {
            guard let before = spans[old], let after = spans[new] else { continue }
            let sections = SectionSpans.governedChanges(from: before, to: after)
            if !sections.isEmpty { out[revision.pageKey] = sections }
        }
        return out
    }
}
