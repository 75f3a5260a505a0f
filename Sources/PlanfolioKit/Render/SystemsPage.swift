/// `systems.html`: every system with its documents counted by kind.
///
/// Context keys: `rows` [{name, slug, href, assessments, investigations,
/// plans, total, worstState, worstStateTone, hasWorstState}], `hasRows`,
/// `hasWorstStates`, `unassigned` (documents naming no system),
/// `hasUnassigned`. `worstState` comes from `SystemStates.worst`, empty when
/// there is no status.
enum SystemsPage {
    static let path = "systems.html"

    static func context(portfolio: Portfolio, root: String,
                        status: PortfolioStatus? = nil) -> [String: Any] {
        let rows: [[String: Any]] = portfolio.systems.map { system in
            var counts: [DocumentKind: Int] = [:]
            let documents = system.documentIDs.compactMap { portfolio[$0] }
            for document in documents { counts[document.kind, default: 0] += 1 }
            let worst = SystemStates.worst(documents, status: status)
            return [
                "name": system.name,
                "slug": system.slug,
                "href": root + SystemPage.path(system),
                "assessments": counts[.assessment] ?? 0,
                "investigations": counts[.investigation] ?? 0,
                "plans": counts[.plan] ?? 0,
                "total": system.documentIDs.count,
                "worstState": worst?["label"] as? String ?? "",
                "worstStateTone": worst?["tone"] as? String ?? "",
                "hasWorstState": worst != nil,
            ]
        }
        let assigned = portfolio.systems.reduce(0) { $0 + $1.documentIDs.count }
        let unassigned = portfolio.documents.count - assigned
        return [
            "rows": rows,
            "hasRows": !rows.isEmpty,
            "count": rows.count,
            "countLabel": rows.count == 1 ? "1 system" : "\(rows.count) systems",
            "hasWorstStates": rows.contains { ($0["hasWorstState"] as? Bool) == true },
            "unassigned": unassigned,
            "unassignedLabel": unassigned == 1 ? "1 document names no system; it is" : "\(unassigned) documents name no system; they are",
            "hasUnassigned": unassigned > 0,
        ]
    }
}
