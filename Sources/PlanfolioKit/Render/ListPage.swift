/// `plans.html`, `investigations.html`, `assessments.html`: the list of one
/// kind, a table readable without script.
///
/// With a status from Compute, each row also carries `data-lifecycle`,
/// `data-approval` and `data-open`, which `assets/site.js` turns into
/// filter chips (and `#lifecycle=overdue` links from the dashboard).
struct ListPage: TemplateValue {
    /// `plan`, `investigation`, `assessment`.
    var kind: String
    /// `Plans`, ...
    var heading: String
    var rows: [Row]
    var count: Int
    /// "6 plans", "1 assessment": the lede under the heading.
    var countText: String
    var isEmpty: Bool
    /// The plan list, with status columns.
    var isPlans: Bool
    /// An assessment or investigation list, with status.
    var isReviews: Bool

    /// One document. With a status, the members of `planColumns` (plans)
    /// and `openColumns` are the row's own; without, the row has no such member.
    struct Row: TemplateValue {
        var id: String
        var href: String
        var title: String
        var system: String
        var owner: String
        var date: String
        var updated: String
        /// Shown struck through (UI.md: superseded, struck-through id).
        var isSuperseded: Bool
        var planColumns: PlanListColumns?
        var openColumns: OpenColumns?

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .id: id
            case .href: href
            case .title: title
            case .system: system
            case .owner: owner
            case .date: date
            case .updated: updated
            case .isSuperseded: isSuperseded
            default: planColumns?.member(name) ?? openColumns?.member(name)
            }
        }
    }

    /// Whether a document Compute judged is open, for `data-open` and filter chips.
    struct OpenColumns: TemplateValue {
        /// `open` or `closed`.
        var open: String
        /// `Open` or `Closed`.
        var openLabel: String
        /// Always true.
        var hasOpen = true

        init?(for document: Document, status: PortfolioStatus?) {
            guard let open = status?.plans[document.id]?.open ?? status?.reviews[document.id]?.open else { return nil }
            self.open = open ? "open" : "closed"
            openLabel = open ? "Open" : "Closed"
        }

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .open: open
            case .openLabel: openLabel
            case .hasOpen: hasOpen
            default: nil
            }
        }
    }

    init(kind: DocumentKind, portfolio: Portfolio, root: String, status: PortfolioStatus? = nil) {
        rows = portfolio.documents(of: kind).map { document in
            Row(id: document.id,
                href: root + document.url,
                title: document.title,
                system: document.system ?? "",
                owner: document.owner ?? "",
                date: document.date?.description ?? "",
                updated: document.updated?.description ?? "",
                isSuperseded: portfolio.supersededBy[document.id] != nil,
                planColumns: status.flatMap { PlanListColumns(for: document, status: $0) },
                openColumns: OpenColumns(for: document, status: status))
        }
        self.kind = kind.rawValue
        heading = kind.pluralDisplayName
        count = rows.count
        countText = "\(rows.count) \(rows.count == 1 ? kind.rawValue : kind.folder)"
        isEmpty = rows.isEmpty
        isPlans = kind == .plan && status != nil
        isReviews = kind != .plan && status != nil
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .kind: kind
        case .heading: heading
        case .rows: rows
        case .count: count
        case .countText: countText
        case .isEmpty: isEmpty
        case .isPlans: isPlans
        case .isReviews: isReviews
        default: nil
        }
    }
}
