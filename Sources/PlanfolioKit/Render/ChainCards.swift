/// The "Assessment" and "Investigation" cards near the top of a document
/// page (UI.md): the documents up the chain this one names, each with its
/// id, title and where it stands (open or closed, breaches, superseded),
/// linking to it.
///
/// Keys merged into the `document` context: `hasChainCards`, `chainCards`
/// [{role, kindLabel, id, title, href, badges: [{label, tone}], isSuperseded}].
/// A reference to an id the portfolio does not have gets no card (the
/// metadata row still names it, and Link reports it).
enum ChainCards {
    static func context(_ document: Document, portfolio: Portfolio, status: PortfolioStatus, root: String) -> [String: Any] {
        var cards: [[String: Any]] = []
        for (role, reference) in [("Assessment", document.references.assessment), ("Investigation", document.references.investigation)] {
            guard let id = reference?.value, id != document.id, let target = portfolio[id] else { continue }
            var badges: [[String: Any]] = []
            var superseded = false
            if let review = status.reviews[id] {
                badges = StatusBadges.review(review)
                superseded = review.supersededBy != nil
            } else if let plan = status.plans[id] {
                badges = StatusBadges.plan(plan)
                superseded = plan.lifecycle == .superseded
            }
            cards.append([
                "role": role,
                "kindLabel": target.kind.displayName,
                "id": target.id,
                "title": target.title,
                "href": root + target.url,
                "badges": badges,
                "isSuperseded": superseded,
            ])
        }
        return ["chainCards": cards, "hasChainCards": !cards.isEmpty]
    }
}
