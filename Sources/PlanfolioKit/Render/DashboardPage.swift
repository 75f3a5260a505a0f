/// The portfolio dashboard: counts, then documents by system.
enum DashboardPage {
    static func context(portfolio: Portfolio, root: String) -> [String: Any] {
        let counts: [[String: Any]] = DocumentKind.allCases.map { kind in
            ["label": kind.pluralDisplayName, "count": portfolio.documents(of: kind).count, "href": root + kind.folder + ".html"]
        }
        var bySystem: [String: [Document]] = [:]
        for document in portfolio.documents {
            bySystem[document.system ?? "(no system)", default: []].append(document)
        }
        let systems: [[String: Any]] = bySystem.keys.sorted().map { name in
            [
                "name": name,
                "href": bySystem[name]?.first.flatMap { portfolio.system(of: $0) }.map { root + SystemPage.path($0) } ?? "",
                "hasHref": bySystem[name]?.first.flatMap { portfolio.system(of: $0) } != nil,
                "documents": bySystem[name]!.map { document -> [String: Any] in
                    ["id": document.id, "title": document.title, "kindLabel": document.kind.displayName, "href": root + document.url]
                },
            ]
        }
        return ["counts": counts, "systems": systems, "hasSystems": !systems.isEmpty]
    }
}
