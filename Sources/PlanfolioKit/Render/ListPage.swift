/// The list page of one kind: a table readable without script.
///
/// With a status from Compute, each row also carries `data-lifecycle`,
/// `data-approval` and `data-open`, which `assets/site.js` turns into
/// filter chips (and `#lifecycle=overdue` links from the dashboard).
enum ListPage {
    static func context(kind: DocumentKind, portfolio: Portfolio, root: String, status: PortfolioStatus? = nil) -> [String: Any] {
        let rows: [[String: Any]] = portfolio.documents(of: kind).map { document in
            var row: [String: Any] = [
                "id": document.id,
                "href": root + document.url,
                "title": document.title,
                "system": document.system ?? "",
                "owner": document.owner ?? "",
                "date": document.date?.description ?? "",
                "updated": document.updated?.description ?? "",
            ]
            if let plan = status?.plans[document.id] {
                row["lifecycle"] = plan.lifecycle.rawValue
                row["approval"] = plan.approval.state.rawValue
                row["approvalLabel"] = ListPage.approvalLabel(plan.approval)
                row["open"] = plan.open ? "open" : "closed"
                row["hasStatus"] = true
            } else if let review = status?.reviews[document.id] {
                row["open"] = review.open ? "open" : "closed"
                row["hasStatus"] = true
            }
            return row
        }
        return [
            "kind": kind.rawValue,
            "heading": kind.pluralDisplayName,
            "rows": rows,
            "count": rows.count,
            "isEmpty": rows.isEmpty,
            "isPlanList": kind == .plan,
            "hasStatus": status != nil,
        ]
    }

    /// "Approved", "2 of 4 signed", "Awaiting approval", with "(stale)" when re-approval is needed.
    static func approvalLabel(_ approval: ApprovalStatus) -> String {
        var label: String
        switch approval.state {
        case .approved: label = "Approved"
        case .partial: label = "\(approval.signed) of \(approval.required) signed"
        case .awaiting: label = "Awaiting approval"
        }
        if approval.stale { label += " (stale)" }
        return label
    }
}
