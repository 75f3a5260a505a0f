/// The "Assessment" and "Investigation" cards near the top of a document
/// page (UI.md): the documents up the chain this one names, each with its
/// id, title and where it stands (open or closed, breaches, superseded),
/// linking to it. Its members are `DocumentPage`'s.
///
/// A reference to an id the portfolio does not have gets no card (the
/// metadata row still names it, and Link reports it).
struct ChainCards: TemplateValue {
    var chainCards: [Card]
    var hasChainCards: Bool

    struct Card: TemplateValue {
        /// `Assessment` or `Investigation`: which reference it is.
        var role: String
        var kindLabel: String
        var id: String
        var title: String
        var href: String
        var badges: [Badge]
        var isSuperseded: Bool

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .role: role
            case .kindLabel: kindLabel
            case .id: id
            case .title: title
            case .href: href
            case .badges: badges
            case .isSuperseded: isSuperseded
            default: nil
            }
        }
    }

    init(_ document: Document, portfolio: Portfolio, status: PortfolioStatus, root: String) {
        var cards: [Card] = []
        for (role, reference) in [("Assessment", document.references.assessment), ("Investigation", document.references.investigation)] {
            guard let id = reference?.value, id != document.id, let target = portfolio[id] else { continue }
            var badges: [Badge] = []
            var superseded = false
            if let review = status.reviews[id] {
                badges = StatusBadges.review(review)
                superseded = review.supersededBy != nil
            } else if let plan = status.plans[id] {
                badges = StatusBadges.plan(plan)
                superseded = plan.lifecycle == .superseded
            }
            cards.append(Card(role: role, kindLabel: target.kind.displayName, id: target.id, title: target.title,
                              href: root + target.url, badges: badges, isSuperseded: superseded))
        }
        chainCards = cards
        hasChainCards = !cards.isEmpty
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .chainCards: chainCards
        case .hasChainCards: hasChainCards
        default: nil
        }
    }
}
