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

    /// - Parameters:
    ///   - referringPlans: ids of the plans that refer to the document (see `referringPlans(in:)`).
    ///   - lifecycles: lifecycle of every plan, by id.
    static func review(of document: Document, referringPlans: [String], lifecycles: [String: Lifecycle],
                       supersededBy: String?) -> (ReviewStatus, [Diagnostic]) {
        let breaches = breaches(of: document)
        let related = referringPlans.filter { lifecycles[$0] != .superseded }
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

    /// For each assessment and investigation id, the ids of the plans that refer to it, sorted:
    /// directly, or for an assessment also through an investigation that refers to it.
    /// One pass over the portfolio, so the stage stays linear in its size.
    /// `referringPlans(in:)` for the documents `ids` alone, found through
    /// `Portfolio.referencedBy` instead of a pass over every plan.
    static func referringPlans(of ids: Set<String>, in portfolio: Portfolio) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for id in ids {
            var plans = Set<String>()
            for referrer in portfolio.referencedBy[id] ?? [] {
                guard let document = portfolio[referrer] else { continue }
                switch document.kind {
                case .plan:
                    if document.references.assessment?.value == id || document.references.investigation?.value == id { plans.insert(referrer) }
                case .investigation:
                    guard document.references.assessment?.value == id else { continue }
                    for plan in portfolio.referencedBy[referrer] ?? [] where portfolio[plan]?.kind == .plan
                        && portfolio[plan]?.references.investigation?.value == referrer {
                        plans.insert(plan)
                    }
                case .assessment:
                    continue
                }
            }
            if !plans.isEmpty { out[id] = plans.sorted() }
        }
        return out
    }

    static func referringPlans(in portfolio: Portfolio) -> [String: [String]] {
        var assessmentOfInvestigation: [String: String] = [:]
        for investigation in portfolio.documents(of: .investigation) {
            if let assessment = investigation.references.assessment?.value {
                assessmentOfInvestigation[investigation.id] = assessment
            }
        }
        var out: [String: Set<String>] = [:]
        for plan in portfolio.documents(of: .plan) {
            if let assessment = plan.references.assessment?.value {
                out[assessment, default: []].insert(plan.id)
            }
            if let investigation = plan.references.investigation?.value {
                out[investigation, default: []].insert(plan.id)
                if let assessment = assessmentOfInvestigation[investigation] {
                    out[assessment, default: []].insert(plan.id)
                }
            }
        }
        return out.mapValues { $0.sorted() }
    }
}
