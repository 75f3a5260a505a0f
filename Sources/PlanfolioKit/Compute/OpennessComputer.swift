/// Spec 2 and 4.3: metric breaches, and whether an assessment or
/// investigation is still open.
///
/// Open until every plan that refers to it (directly, or through an
/// investigation for an assessment) and is not superseded is completed; with
/// no such plan, open while it has a breach. An explicit `status` of `open`
/// or `closed` (any case) overrides; anything else is an error.
enum OpennessComputer {
    /// Indices of the metrics on the wrong side of their threshold.
    static func breaches(of document: Document) -> [Int] {
        document.metrics.indices.filter { document.metrics[$0].isBreach }
    }

    /// - Parameter plans: lifecycle of every plan, by id.
    static func review(of document: Document, portfolio: Portfolio, lifecycles: [String: Lifecycle],
                       supersededBy: String?) -> (ReviewStatus, [Diagnostic]) {
        let breaches = breaches(of: document)
        let related = relatedPlans(of: document, portfolio: portfolio)
            .filter { lifecycles[$0] != .superseded }
        var open = related.isEmpty ? !breaches.isEmpty : related.contains { lifecycles[$0] != .completed }
        var diagnostics: [Diagnostic] = []
        if let status = document.status {
            switch status.value.trimmingSpaces.lowercased() {
            case "open": open = true
            case "closed": open = false
            default:
                diagnostics.append(.error(.unknownStatus,
                    "status '\(status.value)' is not one of open, closed (the states of \(document.kind == .assessment ? "an assessment" : "an investigation"))",
                    file: document.displayPath, line: status.line))
            }
        }
        return (ReviewStatus(open: open, breaches: breaches, supersededBy: supersededBy), diagnostics)
    }

    /// Ids of the plans that refer to the document, sorted: directly, or for an
    /// assessment also through an investigation that refers to it.
    static func relatedPlans(of document: Document, portfolio: Portfolio) -> [String] {
        var investigations: Set<String> = []
        if document.kind == .assessment {
            for investigation in portfolio.documents(of: .investigation)
            where investigation.references.assessment?.value == document.id {
                investigations.insert(investigation.id)
            }
        }
        return portfolio.documents(of: .plan).filter { plan in
            let references = plan.references
            switch document.kind {
            case .assessment:
                return references.assessment?.value == document.id
                    || references.investigation.map { investigations.contains($0.value) } == true
            case .investigation:
                return references.investigation?.value == document.id
            case .plan:
                return false
            }
        }.map(\.id).sorted()
    }
}
