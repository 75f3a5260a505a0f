/// The list page of one kind: a table readable without script.
enum ListPage {
    static func context(kind: DocumentKind, portfolio: Portfolio, root: String, status: PortfolioStatus? = nil) -> [String: Any] {
        let rows: [[String: Any]] = portfolio.documents(of: kind).map { document in
            [
                "id": document.id,
                "href": root + document.url,
                "title": document.title,
                "system": document.system ?? "",
                "owner": document.owner ?? "",
                "date": document.date?.description ?? "",
                "updated": document.updated?.description ?? "",
            ].merging(status.map { PlanListColumns.columns(for: document, status: $0) } ?? [:]) { $1 }
        }
        return [
            "kind": kind.rawValue,
            "heading": kind.pluralDisplayName,
            "rows": rows,
            "count": rows.count,
            "isEmpty": rows.isEmpty,
            "isPlans": kind == .plan && status != nil,
        ]
    }
}
