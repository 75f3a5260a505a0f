import PlanfolioMarkdown

/// A revision's page (`revisions/ID-SHORTID.html`): what one commit, or
/// the working tree, did to one document's file, drawn by planfolio (an
/// auditor may have no access to the git host): the commit, the change,
/// and the lines removed and added with three lines around each change,
/// every one escaped by planfolio. For a plan, the governed sections the
/// revision changed are named, and each change says the section it falls
/// in and whether that section is governed (docs/theme.md).
struct RevisionPage: TemplateValue {
    var documentID: String
    var documentTitle: String
    /// The document page's revision list.
    var documentHref: String
    var kindLabel: String
    var isWorking: Bool
    var isPlan: Bool
    var commit: CommitInfo
    /// "Added", "Modified", "Renamed from plans/old.md", ...
    var change: String
    /// The file's path under the input folder before and after; nil where it did not exist.
    var oldPath: String?
    var newPath: String?
    var governed: [SectionName]
    var hasGoverned: Bool
    var governedNames: String
    /// Why a version cannot be shown (too large, gone from the repository); nil when both can.
    var unavailable: String?
    /// A file added or deleted whole, shown as its text; nil otherwise.
    var wholeFile: WholeFile?
    var hunks: [Hunk]
    var hasHunks: Bool

    struct WholeFile: TemplateValue {
        /// `added` or `removed`.
        var kind: String
        var lines: Int
        /// The file's text, control characters shown as symbols (`DiffRows.printable`).
        var text: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .kind: kind
            case .lines: lines
            case .text: text
            default: nil
            }
        }
    }

    /// One change with three lines around it.
    struct Hunk: TemplateValue {
        /// "Lines 12–18 → 12–20".
        var header: String
        /// The template section the change falls in; "" outside any.
        var section: String
        var hasSection: Bool
        /// The change touches a governed section.
        var governed: Bool
        /// The table's rows as HTML, every line escaped (`DiffRows`; raw: `{{{rows}}}`).
        var rows: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .header: header
            case .section: section
            case .hasSection: hasSection
            case .governed: governed
            case .rows: rows
            default: nil
            }
        }
    }

    init(_ document: Document, revision: Revision, history: SiteHistory, today: Day, root: String) {
        documentID = document.id
        documentTitle = document.title
        documentHref = root + document.url + "#pf-revisions"
        kindLabel = document.kind.displayName
        isWorking = revision.commit == nil
        isPlan = document.kind == .plan
        commit = CommitInfo(revision.commit, today: today)
        change = RevisionList.changeLabel(revision)
        oldPath = revision.oldPath
        newPath = revision.newPath
        let sections = RevisionList.governedSections(history.revisions[document.source] ?? [], spans: history.spans)[revision.pageKey] ?? []
        governed = sections.map(SectionName.init)
        hasGoverned = !sections.isEmpty
        governedNames = sections.joined(separator: ", ")
        hunks = []
        hasHunks = false

        let oldText = revision.oldBlob.map { history.texts[$0] }
        let newText = revision.newBlob.map { history.texts[$0] }
        // A version that could not be read (larger than 8 MiB, or gone from the repository).
        if oldText.map({ $0 == nil }) ?? false || newText.map({ $0 == nil }) ?? false {
            unavailable = "This version of the file cannot be shown: it is larger than 8 MiB or could not be read from the repository."
            return
        }
        // A file added or deleted whole is shown whole, as its text; any other change line by line with context.
        if oldText == nil || newText == nil, let whole = (newText ?? oldText).flatMap({ $0 }) {
            let text = TextLines(whole)
            wholeFile = WholeFile(kind: newText == nil ? "removed" : "added", lines: text.count, text: DiffRows.printable(text.bytes[...]))
            return
        }
        // Sections are marked where a plan's version is compared with the one before (the history step
        // knows both versions' sections then).
        let compared = isPlan && revision.oldBlob != nil && revision.newBlob != nil
        let oldSpans = compared ? revision.oldBlob.flatMap { history.spans[$0] } ?? [] : []
        let newSpans = compared ? revision.newBlob.flatMap { history.spans[$0] } ?? [] : []
        let old = TextLines(oldText.flatMap { $0 } ?? [])
        let new = TextLines(newText.flatMap { $0 } ?? [])
        hunks = LineDiff.hunks(LineDiff.lines(old, new)).map { Self.hunk($0, oldSpans: oldSpans, newSpans: newSpans) }
        hasHunks = !hunks.isEmpty
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .documentID: documentID
        case .documentTitle: documentTitle
        case .documentHref: documentHref
        case .kindLabel: kindLabel
        case .isWorking: isWorking
        case .isPlan: isPlan
        case .commit: commit
        case .change: change
        case .oldPath: oldPath
        case .newPath: newPath
        case .governed: governed
        case .hasGoverned: hasGoverned
        case .governedNames: governedNames
        case .unavailable: unavailable
        case .wholeFile: wholeFile
        case .hunks: hunks
        case .hasHunks: hasHunks
        default: nil
        }
    }

    private static func hunk(_ hunk: LineDiff.Hunk, oldSpans: [SectionSpan], newSpans: [SectionSpan]) -> Hunk {
        func span(of line: LineDiff.Line) -> SectionSpan? {
            if let number = line.newNumber { return newSpans.first { $0.firstLine <= number && number <= $0.lastLine } }
            if let number = line.oldNumber { return oldSpans.first { $0.firstLine <= number && number <= $0.lastLine } }
            return nil
        }
        let sections = hunk.lines.filter { $0.kind != .same }.compactMap(span)
        let section = sections.first?.name ?? ""
        let oldCount = hunk.lines.count { $0.oldNumber != nil }, newCount = hunk.lines.count { $0.newNumber != nil }
        return Hunk(header: "Lines \(range(hunk.oldStart, oldCount)) → \(range(hunk.newStart, newCount))",
                    section: section, hasSection: !section.isEmpty,
                    governed: sections.contains(where: \.governed), rows: DiffRows.html(hunk.lines))
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "none" : count == 1 ? "\(start)" : "\(start)–\(start + count - 1)"
    }
}
