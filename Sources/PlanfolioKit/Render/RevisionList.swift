/// The revision list of a document's page (`#pf-revisions`, partial
/// `revisions`): each commit that touched its file, newest first, the
/// working tree's uncommitted change on top, each linking to its revision
/// page; for a plan, the governed sections each one changed. Its members
/// are `DocumentPage`'s (docs/theme.md).
struct RevisionList: TemplateValue {
    var revisions: [Item]
    var hasRevisions: Bool

    /// One revision: the members of its part `about` (`CommitInfo`) and these.
    struct Item: TemplateValue {
        var about: CommitInfo
        /// The revision's page.
        var href: String
        /// False for the one revision of a document unchanged since it was added: the document's page is that version.
        var hasPage: Bool
        /// "Added", "Modified", "Renamed from plans/old.md", ...
        var change: String
        /// The working tree's uncommitted change.
        var isWorking: Bool
        var governed: [SectionName]
        var hasGoverned: Bool
        var governedNames: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .href: href
            case .hasPage: hasPage
            case .change: change
            case .isWorking: isWorking
            case .governed: governed
            case .hasGoverned: hasGoverned
            case .governedNames: governedNames
            default: about.member(name)
            }
        }
    }

    /// No revisions: a build without git history.
    static let none = RevisionList(revisions: [], hasRevisions: false)

    init(revisions: [Item], hasRevisions: Bool) {
        self.revisions = revisions
        self.hasRevisions = hasRevisions
    }

    init(_ document: Document, history: SiteHistory?, today: Day, root: String) {
        guard let history else {
            self = .none
            return
        }
        let revisions = history.revisions[document.source] ?? []
        let governed = Self.governedSections(revisions, spans: history.spans)
        // The same list as a build of a checkout of the commit would write: an `--as-of` site says nothing of being one.
        self.revisions = revisions.map { revision in
            let sections = governed[revision.pageKey] ?? []
            return Item(about: CommitInfo(revision.commit, today: today),
                        href: root + SiteHistory.path(of: revision, in: document),
                        hasPage: history.hasPage(revision, source: document.source),
                        change: Self.changeLabel(revision),
                        isWorking: revision.commit == nil,
                        governed: sections.map(SectionName.init), hasGoverned: !sections.isEmpty,
                        governedNames: sections.joined(separator: ", "))
        }
        hasRevisions = !self.revisions.isEmpty
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .revisions: revisions
        case .hasRevisions: hasRevisions
        default: nil
        }
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

/// A commit as the history's pages show it. The working tree's change is
/// one too: no id or author, "working tree" for its short id, today for its date.
struct CommitInfo: TemplateValue {
    /// The full id; "" for the working tree.
    var id: String
    var shortID: String
    var author: String
    /// The author date, ISO 8601 with the author's offset.
    var date: String
    /// The author's day, `YYYY-MM-DD`.
    var day: String
    /// The message's first line.
    var subject: String

    init(_ commit: Commit?, today: Day) {
        if let commit {
            id = commit.id
            shortID = commit.shortID
            author = commit.author
            date = commit.date
            day = commit.day.description
            subject = commit.subject
        } else {
            id = ""
            shortID = "working tree"
            author = ""
            date = today.description
            day = today.description
            subject = "Not committed yet"
        }
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .id: id
        case .shortID: shortID
        case .author: author
        case .date: date
        case .day: day
        case .subject: subject
        default: nil
        }
    }
}

/// A governed section's name, as `{{name}}` in a list of them.
struct SectionName: TemplateValue {
    var name: String

    init(_ name: String) { self.name = name }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        name.key == .name ? self.name : nil
    }
}
