/// A link to a document with what names it: the dashboard's documents by
/// system, "Superseded by", "Referenced by", and (with more members) the
/// nodes of a system page.
struct DocumentItem: TemplateValue {
    var id: String
    var title: String
    /// From the page's root.
    var href: String
    /// `Plan`, `Investigation`, `Assessment`.
    var kindLabel: String

    init(_ document: Document, root: String) {
        id = document.id
        title = document.title
        href = root + document.url
        kindLabel = document.kind.displayName
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .id: id
        case .title: title
        case .href: href
        case .kindLabel: kindLabel
        default: nil
        }
    }
}
