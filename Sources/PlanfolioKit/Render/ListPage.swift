/// The list page of one kind: a table readable without script.
///
/// With a status from Compute, each row also carries `data-lifecycle`,
/// `data-approval` and `data-open`, which `assets/site.js` turns into
/// filter chips (and `#lifecycle=overdue` links from the dashboard).
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
                .merging(ListPage.openColumns(for: document, status: status)) { $1 }
        }
        return [
            "kind": kind.rawValue,
            "heading": kind.pluralDisplayName,
            "rows": rows,
            "count": rows.count,
            "isEmpty": rows.isEmpty,
            "isPlans": kind == .plan && status != nil,
            "isReviews": kind != .plan && status != nil,
        ]
    }

    /// `open` (`open` or `closed`, for `data-open` and filter chips) and
    /// `openLabel` for a document Compute judged; empty otherwise.
    static func openColumns(for document: Document, status: PortfolioStatus?) -> [String: Any] {
        let open = status?.plans[document.id]?.open ?? status?.reviews[document.id]?.open
        guard let open else { return [:] }
        return ["open": open ? "open" : "closed", "openLabel": open ? "Open" : "Closed", "hasOpen": true]
    }
}
