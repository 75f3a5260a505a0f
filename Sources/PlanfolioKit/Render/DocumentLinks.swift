/// The links section of a document page: who supersedes it, and who refers to it.
///
/// Keys merged into the document page's context (listed in `docs/linking.md`):
/// `isSuperseded`, `supersededBy` {id, title, href}, `hasReferencedBy`,
/// `referencedByGroups` [{kind, label, items: [{id, title, href, kindLabel}]}],
/// `systemHref`.
enum DocumentLinks {
    static func context(_ document: Document, portfolio: Portfolio, root: String) -> [String: Any] {
        var context: [String: Any] = [:]
        if let successorID = portfolio.supersededBy[document.id], let successor = portfolio[successorID] {
            context["isSuperseded"] = true
            context["supersededBy"] = item(successor, root: root)
        } else {
            context["isSuperseded"] = false
        }
        let referrers = (portfolio.referencedBy[document.id] ?? []).compactMap { portfolio[$0] }
        let groups: [[String: Any]] = DocumentKind.allCases.compactMap { kind in
            let items = referrers.filter { $0.kind == kind }.sorted { $0.id < $1.id }
            guard !items.isEmpty else { return nil }
            return ["kind": kind.rawValue, "label": kind.pluralDisplayName, "items": items.map { item($0, root: root) }]
        }
        context["referencedByGroups"] = groups
        context["hasReferencedBy"] = !groups.isEmpty
        if let system = portfolio.system(of: document) {
            context["systemHref"] = root + SystemPage.path(system)
        }
        return context
    }

    static func item(_ document: Document, root: String) -> [String: Any] {
        ["id": document.id, "title": document.title, "href": root + document.url, "kindLabel": document.kind.displayName]
    }
}
