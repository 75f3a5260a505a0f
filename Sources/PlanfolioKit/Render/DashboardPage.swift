/// `index.html`, the portfolio dashboard: counts, then documents by system,
/// with where plans stand (`statusSections`, whose members are the page's own).
struct DashboardPage: TemplateValue {
    /// One per kind of document, linking to its list.
    var counts: [KindCount]
    /// Every system named by a document, by name; "(no system)" for the rest.
    var systems: [SystemEntry]
    var hasSystems: Bool
    var statusSections: DashboardStatus

    struct KindCount: TemplateValue {
        /// `Plans`, `Investigations`, `Assessments`.
        var label: String
        var count: Int
        var href: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .label: label
            case .count: count
            case .href: href
            default: nil
            }
        }
    }

    struct SystemEntry: TemplateValue {
        var name: String
        /// The system's page; "" for "(no system)".
        var href: String
        var hasHref: Bool
        var documents: [DocumentItem]

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .name: self.name
            case .href: href
            case .hasHref: hasHref
            case .documents: documents
            default: nil
            }
        }
    }

    init(portfolio: Portfolio, status: PortfolioStatus, config: SiteConfig, root: String) {
        counts = DocumentKind.allCases.map { kind in
            KindCount(label: kind.pluralDisplayName, count: portfolio.documents(of: kind).count, href: root + kind.folder + ".html")
        }
        var bySystem: [String: [Document]] = [:]
        for document in portfolio.documents {
            bySystem[document.system ?? "(no system)", default: []].append(document)
        }
        systems = bySystem.keys.sorted().map { name in
            let documents = bySystem[name] ?? []
            let system = documents.first.flatMap { portfolio.system(of: $0) }
            return SystemEntry(name: name, href: system.map { root + SystemPage.path($0) } ?? "", hasHref: system != nil,
                               documents: documents.map { DocumentItem($0, root: root) })
        }
        hasSystems = !systems.isEmpty
        statusSections = DashboardStatus(portfolio: portfolio, status: status, config: config, root: root)
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .counts: counts
        case .systems: systems
        case .hasSystems: hasSystems
        default: statusSections.member(name)
        }
    }
}
