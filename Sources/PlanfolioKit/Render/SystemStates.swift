/// What the system pages say about where documents stand, from the Compute
/// stage's `PortfolioStatus`: whether a document is open, its state badge,
/// and a system's worst open state.
///
/// Without status (no entry for a document) only the links are known: a
/// superseded document is closed, any other counts as open, and no state is
/// shown.
enum SystemStates {
    /// Worst first: the order a system's open plans are judged in.
    static let severity: [Lifecycle] = [.overdue, .draft, .approved, .inProgress]

    static func isOpen(_ document: Document, status: PortfolioStatus?, portfolio: Portfolio) -> Bool {
        if let plan = status?.plans[document.id] { return plan.open }
        if let review = status?.reviews[document.id] { return review.open && review.supersededBy == nil }
        return portfolio.supersededBy[document.id] == nil
    }

    /// The badge of one document, or nil when status does not know it.
    static func badge(_ document: Document, status: PortfolioStatus?) -> Badge? {
        if let plan = status?.plans[document.id] {
            return Badge(StatusBadges.lifecycleWord(plan.lifecycle), StatusBadges.lifecycleTone(plan.lifecycle))
        }
        if let review = status?.reviews[document.id] {
            return review.open ? Badge("Open", "blue") : Badge("Closed", "green")
        }
        return nil
    }

    /// The worst lifecycle among the system's open plans; else "Open" when an
    /// assessment or investigation is still open; else "Closed"; nil when
    /// status knows none of the documents.
    static func worst(_ documents: [Document], status: PortfolioStatus?) -> Badge? {
        let lifecycles = documents.compactMap { status?.plans[$0.id] }.filter(\.open).map(\.lifecycle)
        if let worst = severity.first(where: lifecycles.contains) {
            return Badge(StatusBadges.lifecycleWord(worst), StatusBadges.lifecycleTone(worst))
        }
        let reviews = documents.compactMap { status?.reviews[$0.id] }
        let known = reviews.count + documents.count(where: { status?.plans[$0.id] != nil })
        guard known > 0 else { return nil }
        if reviews.contains(where: \.open) { return Badge("Open", "blue") }
        return Badge("Closed", "green")
    }
}
