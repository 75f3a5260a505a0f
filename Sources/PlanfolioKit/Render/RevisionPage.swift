import PlanfolioMarkdown

/// A revision's page (`revisions/ID-SHORTID.html`): what one commit, or
/// the working tree, did to one document's file, drawn by planfolio (an
/// auditor may have no access to the git host): the commit, the change,
/// and the lines removed and added with three lines around each change,
/// every one escaped by the template. For a plan, the governed sections
/// the revision changed are named, and each change says the section it
/// falls in and whether that section is governed.
///
/// Context keys (listed in `docs/theme.md`): `documentID`, `documentTitle`,
/// `documentHref`, `kindLabel`, `isWorking`, `commit` {id, shortID,
/// author, date, day, subject}, `change`, `oldPath`, `newPath`,
/// `hasGoverned`, `governed` [{name}], `governedNames`, `isPlan`, `hasHunks`, `hunks`
/// [{header, section, hasSection, governed, rows}] (`rows`: the table's
/// rows, written and escaped by `DiffRows`), `wholeFile` {kind, lines,
/// text} (a file added or deleted: its text), `unavailable`.
enum RevisionPage {
    static func context(_ document: Document, revision: Revision, history: SiteHistory, today: Day, root: String) -> [String: Any] {
        var context: [String: Any] = [
            "documentID": document.id,
            "documentTitle": document.title,
            "documentHref": root + document.url + "#pf-revisions",
            "kindLabel": document.kind.displayName,
            "isWorking": revision.commit == nil,
            "change": RevisionList.changeLabel(revision),
            "oldPath": revision.oldPath ?? "",
            "newPath": revision.newPath ?? "",
            "isPlan": document.kind == .plan,
        ]
        if let commit = revision.commit {
            context["commit"] = ["id": commit.id, "shortID": commit.shortID, "author": commit.author, "date": commit.date,
                                 "day": commit.day.description, "subject": commit.subject]
        } else {
            context["commit"] = ["id": "", "shortID": "working tree", "author": "", "date": today.description, "day": today.description,
                                 "subject": "Not committed yet"]
        }
        // Sections are marked where a plan's version is compared with the one before (the history step
        // knows both versions' sections then); a file added or deleted whole has no change to mark.
        let compared = document.kind == .plan && revision.oldBlob != nil && revision.newBlob != nil
        let oldSpans = compared ? revision.oldBlob.flatMap { history.spans[$0] } ?? [] : []
        let newSpans = compared ? revision.newBlob.flatMap { history.spans[$0] } ?? [] : []
        let governed = RevisionList.governedSections(history.revisions[document.source] ?? [], spans: history.spans)[revision.pageKey] ?? []
        context["hasGoverned"] = !governed.isEmpty
        context["governed"] = governed.map { ["name": $0] }
        context["governedNames"] = governed.joined(separator: ", ")

        let oldText = revision.oldBlob.map { history.texts[$0] }
        let newText = revision.newBlob.map { history.texts[$0] }
        // A version that could not be read (larger than 8 MiB, or gone from the repository).
        if oldText.map({ $0 == nil }) ?? false || newText.map({ $0 == nil }) ?? false {
            context["unavailable"] = "This version of the file cannot be shown: it is larger than 8 MiB or could not be read from the repository."
            context["hasHunks"] = false
            context["hunks"] = [[String: Any]]()
            return context
        }
        // A file added or deleted whole is shown whole, as its text; any other change line by line with context.
        if oldText == nil || newText == nil, let whole = (newText ?? oldText).flatMap({ $0 }) {
            let text = TextLines(whole)
            context["wholeFile"] = ["kind": newText == nil ? "removed" : "added", "lines": text.count,
                                    "text": DiffRows.printable(text.bytes[...])]
            context["hasHunks"] = false
            context["hunks"] = [[String: Any]]()
            return context
        }
        let old = TextLines(oldText.flatMap { $0 } ?? [])
        let new = TextLines(newText.flatMap { $0 } ?? [])
        let hunks = LineDiff.hunks(LineDiff.lines(old, new))
        context["hasHunks"] = !hunks.isEmpty
        context["hunks"] = hunks.map { hunk in hunkContext(hunk, oldSpans: oldSpans, newSpans: newSpans) }
        return context
    }

    private static func hunkContext(_ hunk: LineDiff.Hunk, oldSpans: [SectionSpan], newSpans: [SectionSpan]) -> [String: Any] {
        func span(of line: LineDiff.Line) -> SectionSpan? {
            if let number = line.newNumber { return newSpans.first { $0.firstLine <= number && number <= $0.lastLine } }
            if let number = line.oldNumber { return oldSpans.first { $0.firstLine <= number && number <= $0.lastLine } }
            return nil
        }
        let changed = hunk.lines.filter { $0.kind != .same }
        let sections = changed.compactMap(span)
        let section = sections.first?.name ?? ""
        let oldCount = hunk.lines.count { $0.oldNumber != nil }, newCount = hunk.lines.count { $0.newNumber != nil }
        let header = "Lines \(range(hunk.oldStart, oldCount)) → \(range(hunk.newStart, newCount))"
        return [
            "header": header,
            "section": section,
            "hasSection": !section.isEmpty,
            "governed": sections.contains(where: \.governed),
            "rows": DiffRows.html(hunk.lines),
        ]
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "none" : count == 1 ? "\(start)" : "\(start)–\(start + count - 1)"
    }
}
