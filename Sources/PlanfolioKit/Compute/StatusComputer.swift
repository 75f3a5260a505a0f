/// The Compute stage: the status of every document as of `today`.
///
/// Pure: the linked portfolio, the config and today in; `PortfolioStatus`
/// and the problems found out. The rules live one concern per file:
/// `TimelineComputer` (phases), `ApprovalComputer` (signatures),
/// `LifecycleComputer` (plan state), `OpennessComputer` (breaches, open or
/// closed). `docs/status.md` states the rules and the edge decisions.
public enum StatusComputer {
    /// Every document's status as of `today`, and the problems found on the way.
    ///
    /// `only`: the status of these documents alone (and of the plans an
    /// assessment's or investigation's openness depends on), for a build
    /// that renders only the pages that show them (`Build`, from a session
    /// restored without its statuses); the diagnostics are then only theirs.
    /// Each document's status is the same as in a whole computation.
    ///
    /// `histories`: each plan's git history by source path (`PlanHistory`);
    /// a plan without one is judged by its `updated` date.
    public static func compute(portfolio: Portfolio, config: SiteConfig, today: Day, only: Set<String>? = nil,
                               histories: [String: PlanHistory] = [:]) -> (PortfolioStatus, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Link has resolved who supersedes whom (and reported cycles and double successors).
        let supersededBy = portfolio.supersededBy
        var status = PortfolioStatus(today: today)
        let referringPlans = only.map { OpennessComputer.referringPlans(of: $0, in: portfolio) }
            ?? OpennessComputer.referringPlans(in: portfolio)
        var planDocuments: [Document]
        var reviewDocuments: [Document]
        if let only {
            // In portfolio order, as in a whole computation.
            let plans = only.union(only.flatMap { referringPlans[$0] ?? [] })
            let chosen = plans.compactMap { portfolio.index(of: $0) }.sorted().map { portfolio.documents[$0] }
            planDocuments = chosen.filter { $0.kind == .plan }
            reviewDocuments = chosen.filter { $0.kind != .plan && only.contains($0.id) }
        } else {
            planDocuments = portfolio.documents(of: .plan)
            reviewDocuments = portfolio.documents.filter { $0.kind != .plan }
        }

        // Each plan's status depends only on the plan: computed on all cores,
        // gathered in document order (so diagnostics keep their order).
        let plans = ConcurrentMap.map(planDocuments) { plan -> (String, PlanStatus, [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let (approval, approvalDiagnostics) = ApprovalComputer.approval(of: plan, config: config, today: today,
                                                                                 history: histories[plan.source] ?? .unavailable)
            diagnostics += approvalDiagnostics
            let successor = supersededBy[plan.id]
            let (explicit, statusDiagnostics) = LifecycleComputer.explicit(plan)
            diagnostics += statusDiagnostics
            let closedUpFront = successor != nil || explicit == .superseded || explicit == .completed
            var phases = TimelineComputer.phases(of: plan, today: today, dueSoonDays: config.dueSoonDays, closed: closedUpFront)
            let lifecycle = explicit ?? LifecycleComputer.derive(supersededBy: successor, approval: approval, phases: phases)
            let open = lifecycle != .completed && lifecycle != .superseded
            if !open { phases = TimelineComputer.closing(phases) }
            return (plan.id, PlanStatus(lifecycle: lifecycle, approval: approval, phases: phases, open: open, supersededBy: successor), diagnostics)
        }
        for (id, planStatus, planDiagnostics) in plans {
            diagnostics += planDiagnostics
            status.plans[id] = planStatus
        }

        let lifecycles = status.plans.mapValues(\.lifecycle)
        let reviews = ConcurrentMap.map(reviewDocuments) { document in
            let (review, reviewDiagnostics) = OpennessComputer.review(of: document, referringPlans: referringPlans[document.id] ?? [], lifecycles: lifecycles,
                                                                      supersededBy: supersededBy[document.id])
            return (document.id, review, reviewDiagnostics)
        }
        for (id, review, reviewDiagnostics) in reviews {
            diagnostics += reviewDiagnostics
            status.reviews[id] = review
        }
        return (status, diagnostics)
    }

    /// What each document's status reads besides the config, the day and
    /// the plans' histories, as one key per id: its own face (`faceHash`)
    /// and successor, and for an assessment or investigation the same of
    /// every plan whose lifecycle its openness depends on. Two portfolios
    /// that give a document the same key give it the same status and the
    /// same diagnostics, which lets a build compute again only the
    /// documents whose key changed (`Build.compute`).
    static func inputKeys(of portfolio: Portfolio, faceHash: (Document) -> Digest) -> [String: Digest] {
        func own(_ document: Document) -> Digest {
            var hasher = StableHasher()
            hasher.combine(document.source)
            hasher.combine(faceHash(document))
            hasher.combine(portfolio.supersededBy[document.id] ?? "")
            return hasher.digest()
        }
        var plans: [String: Digest] = [:]
        for plan in portfolio.documents(of: .plan) { plans[plan.id] = own(plan) }
        let referringPlans = OpennessComputer.referringPlans(in: portfolio)
        var keys: [String: Digest] = [:]
        keys.reserveCapacity(portfolio.documents.count)
        for document in portfolio.documents {
            if document.kind == .plan {
                keys[document.id] = plans[document.id] ?? own(document)
                continue
            }
            var hasher = StableHasher()
            hasher.combine(own(document))
            let referring = referringPlans[document.id] ?? []
            hasher.combine(referring.count)
            for plan in referring {
                hasher.combine(plan)
                hasher.combine(plans[plan] ?? .none)
            }
            keys[document.id] = hasher.digest()
        }
        return keys
    }
}
