/// `systems.html`: every system with its documents counted by kind and its
/// worst open state (`SystemStates.worst`, "" without status).
struct SystemsPage: TemplateValue {
    static let path = "systems.html"

    var rows: [Row]
    var hasRows: Bool
    var count: Int
    /// "1 system", "4 systems".
    var countLabel: String
    /// Some row has a worst state (Compute ran).
    var hasWorstStates: Bool
    /// How many documents name no system.
    var unassigned: Int
    /// "1 document names no system; it is", "3 documents name no system; they are".
    var unassignedLabel: String
    var hasUnassigned: Bool

    struct Row: TemplateValue {
        var name: String
        var slug: String
        var href: String
        var assessments: Int
        var investigations: Int
        var plans: Int
        var total: Int
        var worstState: String
        var worstStateTone: String
        var hasWorstState: Bool

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .name: self.name
            case .slug: slug
            case .href: href
            case .assessments: assessments
            case .investigations: investigations
            case .plans: plans
            case .total: total
            case .worstState: worstState
            case .worstStateTone: worstStateTone
            case .hasWorstState: hasWorstState
            default: nil
            }
        }
    }

    init(portfolio: Portfolio, root: String, status: PortfolioStatus? = nil) {
        rows = portfolio.systems.map { system in
            var counts: [DocumentKind: Int] = [:]
            let documents = system.documentIDs.compactMap { portfolio[$0] }
            for document in documents { counts[document.kind, default: 0] += 1 }
            let worst = SystemStates.worst(documents, status: status)
            return Row(name: system.name, slug: system.slug, href: root + SystemPage.path(system),
                       assessments: counts[.assessment] ?? 0, investigations: counts[.investigation] ?? 0, plans: counts[.plan] ?? 0,
                       total: system.documentIDs.count,
                       worstState: worst?.label ?? "", worstStateTone: worst?.tone ?? "", hasWorstState: worst != nil)
        }
        let assigned = portfolio.systems.reduce(0) { $0 + $1.documentIDs.count }
        unassigned = portfolio.documents.count - assigned
        hasRows = !rows.isEmpty
        count = rows.count
        countLabel = rows.count == 1 ? "1 system" : "\(rows.count) systems"
        hasWorstStates = rows.contains(where: \.hasWorstState)
        unassignedLabel = unassigned == 1 ? "1 document names no system; it is" : "\(unassigned) documents name no system; they are"
        hasUnassigned = unassigned > 0
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .rows: rows
        case .hasRows: hasRows
        case .count: count
        case .countLabel: countLabel
        case .hasWorstStates: hasWorstStates
        case .unassigned: unassigned
        case .unassignedLabel: unassignedLabel
        case .hasUnassigned: hasUnassigned
        default: nil
        }
    }
}
