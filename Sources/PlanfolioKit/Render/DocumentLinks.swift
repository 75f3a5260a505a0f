/// The links section of a document page: who supersedes it, who refers to
/// it, its system. Its members are `DocumentPage`'s (docs/linking.md).
struct DocumentLinks: TemplateValue {
    var isSuperseded: Bool
    /// The successor; no member when not superseded.
    var supersededBy: DocumentItem?
    /// The documents that name this one, by kind (assessments, investigations, plans), each sorted by id.
    var referencedByGroups: [ReferenceGroup]
    var hasReferencedBy: Bool
    /// The system's page; no member without a system.
    var systemHref: String?

    struct ReferenceGroup: TemplateValue {
        /// `plan`, ...
        var kind: String
        /// `Plans`, ...
        var label: String
        var items: [DocumentItem]

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .kind: kind
            case .label: label
            case .items: items
            default: nil
            }
        }
    }

    init(_ document: Document, portfolio: Portfolio, root: String) {
        if let successorID = portfolio.supersededBy[document.id], let successor = portfolio[successorID] {
            isSuperseded = true
            supersededBy = DocumentItem(successor, root: root)
        } else {
            isSuperseded = false
        }
        let referrers = (portfolio.referencedBy[document.id] ?? []).compactMap { portfolio[$0] }
        referencedByGroups = DocumentKind.allCases.compactMap { kind in
            let items = referrers.filter { $0.kind == kind }.sorted { $0.id < $1.id }
            guard !items.isEmpty else { return nil }
            return ReferenceGroup(kind: kind.rawValue, label: kind.pluralDisplayName, items: items.map { DocumentItem($0, root: root) })
        }
        hasReferencedBy = !referencedByGroups.isEmpty
        systemHref = portfolio.system(of: document).map { root + SystemPage.path($0) }
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .isSuperseded: isSuperseded
        case .supersededBy: supersededBy
        case .referencedByGroups: referencedByGroups
        case .hasReferencedBy: hasReferencedBy
        case .systemHref: systemHref
        default: nil
        }
    }
}
