/// Why a signature is stale, when the git history says: the governed
/// sections that changed after it, when, in which commit, and the page of
/// that revision (docs/history.md). The approval panel and the register
/// show it beside "stale since DATE".
struct StaleCause: TemplateValue {
    /// The governed sections the change touched, joined with ", ".
    var sections: String
    /// The change's day, `YYYY-MM-DD`.
    var day: String
    /// The commit's short id, or "the working tree" for an uncommitted change.
    var commit: String
    /// The revision's page.
    var href: String

    init(_ change: GovernedChange, document: Document, root: String) {
        sections = change.sections.joined(separator: ", ")
        day = change.day.description
        commit = change.commit?.shortID ?? "the working tree"
        href = root + SiteHistory.path(documentID: document.id, key: change.pageKey)
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .sections: sections
        case .day: day
        case .commit: commit
        case .href: href
        default: nil
        }
    }
}
