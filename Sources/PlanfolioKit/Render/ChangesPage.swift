/// `changes.html`: what changed since a date or revision (`--since`,
/// `changesSince`, or 30 days before today), found by comparing the
/// portfolio as it stood at that point with the one built
/// (`PortfolioChanges`): documents added, changed, removed or superseded;
/// plans whose lifecycle or approval moved; phases whose deadline moved,
/// and by how much; new metric breaches (docs/theme.md).
struct ChangesPage: TemplateValue {
    static let path = "changes.html"
    static let feedPath = "changes.xml"

    /// Where the comparison starts; nil without history.
    var since: Since?
    var isEmpty: Bool
    var added: [Entry] = []
    var changed: [Entry] = []
    /// Removed documents have no page: their entries have no `href`.
    var removed: [Entry] = []
    var superseded: [Entry] = []
    /// Plans whose lifecycle moved: `from` and `to` are set.
    var lifecycles: [Entry] = []
    /// Plans whose approval state moved: `from` and `to` are set.
    var approvals: [Entry] = []
    /// Phases whose deadline moved: `phase`, `from`, `to` and `moved` are set.
    var deadlines: [Entry] = []
    /// New metric breaches: `metric`, `group`, `value` and `threshold` are set.
    var breaches: [Entry] = []

    struct Since: TemplateValue {
        /// As the user gave it: a date or a revision; by default the date 30 days before today.
        var label: String
        var day: String
        /// False when the point is before the repository's first commit.
        var hasCommit: Bool
        var shortID: String
        var id: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .label: label
            case .day: day
            case .hasCommit: hasCommit
            case .shortID: shortID
            case .id: id
            default: nil
            }
        }
    }

    /// One line of the page: the document, and what each list says of it
    /// (members the list does not use are nil, so no member).
    struct Entry: TemplateValue {
        var id: String
        var title: String
        var kindLabel: String
        var hasHref: Bool
        /// The document's page, and its revision list; "" for a removed document.
        var href: String
        var revisionsHref: String
        /// The superseding document's id, and its page when it has one.
        var by: String?
        var byHref: String?
        var from: String?
        var to: String?
        var phase: String?
        /// "3 days later", "1 day earlier".
        var moved: String?
        var metric: String?
        var group: String?
        var value: String?
        /// "at least 0.8", "at most 0.1".
        var threshold: String?

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .id: id
            case .title: title
            case .kindLabel: kindLabel
            case .hasHref: hasHref
            case .href: href
            case .revisionsHref: revisionsHref
            case .by: by
            case .byHref: byHref
            case .from: from
            case .to: to
            case .phase: phase
            case .moved: moved
            case .metric: metric
            case .group: group
            case .value: value
            case .threshold: threshold
            default: nil
            }
        }
    }

    /// The changes between the `since` snapshot and the portfolio being built.
    static func changes(portfolio: Portfolio, status: PortfolioStatus, history: SiteHistory) -> PortfolioChanges? {
        guard let since = history.since else { return nil }
        let now = PortfolioSnapshot.of(portfolio, status: status) { history.content[$0.source] ?? "" }
        return PortfolioChanges.compare(since.snapshot, now)
    }

    init(portfolio: Portfolio, status: PortfolioStatus, history: SiteHistory?, root: String) {
        guard let history, let since = history.since, let changes = Self.changes(portfolio: portfolio, status: status, history: history) else {
            isEmpty = true
            return
        }
        func entry(_ entry: PortfolioSnapshot.Entry, linked: Bool = true) -> Entry {
            Entry(id: entry.id, title: entry.title, kindLabel: entry.kind.displayName, hasHref: linked,
                  href: linked ? root + entry.url : "", revisionsHref: linked ? root + entry.url + "#pf-revisions" : "",
                  by: entry.supersededBy, byHref: entry.supersededBy.flatMap { portfolio[$0] }.map { root + $0.url })
        }
        func state(_ change: PortfolioChanges.StateChange) -> Entry {
            var item = entry(change.entry)
            item.from = change.from
            item.to = change.to
            return item
        }
        self.since = Since(label: since.label, day: since.day.description, hasCommit: since.commit != nil,
                           shortID: since.commit.map { String($0.prefix(7)) } ?? "", id: since.commit ?? "")
        isEmpty = changes.isEmpty
        added = changes.added.map { entry($0) }
        changed = changes.changed.map { entry($0) }
        removed = changes.removed.map { entry($0, linked: false) }
        superseded = changes.superseded.map { entry($0) }
        lifecycles = changes.lifecycles.map(state)
        approvals = changes.approvals.map(state)
        deadlines = changes.deadlines.map { move in
            var item = entry(move.entry)
            item.phase = move.phase
            item.from = move.from.description
            item.to = move.to.description
            item.moved = Self.movedText(move.days)
            return item
        }
        breaches = changes.breaches.map { new in
            var item = entry(new.entry)
            item.metric = new.breach.metric
            item.group = new.breach.group
            item.value = MetricChart.number(new.breach.value)
            item.threshold = "\(new.breach.limit == .min ? "at least" : "at most") \(MetricChart.number(new.breach.threshold))"
            return item
        }
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .since: since
        case .isEmpty: isEmpty
        case .added: added
        case .hasAdded: !added.isEmpty
        case .changed: changed
        case .hasChanged: !changed.isEmpty
        case .removed: removed
        case .hasRemoved: !removed.isEmpty
        case .superseded: superseded
        case .hasSuperseded: !superseded.isEmpty
        case .lifecycles: lifecycles
        case .hasLifecycles: !lifecycles.isEmpty
        case .approvals: approvals
        case .hasApprovals: !approvals.isEmpty
        case .deadlines: deadlines
        case .hasDeadlines: !deadlines.isEmpty
        case .breaches: breaches
        case .hasBreaches: !breaches.isEmpty
        default: nil
        }
    }

    /// "3 days later", "1 day earlier".
    static func movedText(_ days: Int) -> String {
        let count = abs(days)
        return "\(count) \(count == 1 ? "day" : "days") \(days > 0 ? "later" : "earlier")"
    }
}

/// `changes.xml`: `changes.html` as an Atom feed (RFC 4287), one entry per
/// document that changed, written only with a `baseURL`. An entry's id is
/// the document's page with its latest revision, so a feed reader sees an
/// entry again only when the document changes again.
enum ChangesFeed {
    static func text(portfolio: Portfolio, status: PortfolioStatus, history: SiteHistory, config: SiteConfig, baseURL: String,
                     today: Day, generator: String) -> String {
        let changes = ChangesPage.changes(portfolio: portfolio, status: status, history: history) ?? PortfolioChanges()
        let since = history.since
        var lines: [String: [String]] = [:]
        var entries: [String: PortfolioSnapshot.Entry] = [:]
        func note(_ entry: PortfolioSnapshot.Entry, _ line: String) {
            if entries[entry.id] == nil { entries[entry.id] = entry }
            lines[entry.id, default: []].append(line)
        }
        for entry in changes.added { note(entry, "Added") }
        for entry in changes.changed { note(entry, "Changed") }
        for entry in changes.removed { note(entry, "Removed") }
        for entry in changes.superseded { note(entry, "Superseded by \(entry.supersededBy ?? "")") }
        for change in changes.lifecycles { note(change.entry, "Lifecycle: \(change.from) → \(change.to)") }
        for change in changes.approvals { note(change.entry, "Approval: \(change.from) → \(change.to)") }
        for move in changes.deadlines { note(move.entry, "\(move.phase): deadline \(move.from) → \(move.to) (\(ChangesPage.movedText(move.days)))") }
        for new in changes.breaches { note(new.entry, "New breach: \(new.breach.metric) for \(new.breach.group)") }

        func latest(_ id: String) -> (key: String, stamp: String) {
            guard let document = portfolio[id], let revision = history.revisions[document.source]?.first else {
                return ("removed", FeedXML.timestamp(today))
            }
            guard let commit = revision.commit else { return ("working", FeedXML.timestamp(today)) }
            return (commit.id, commit.date)
        }
        let ids = changes.documentIDs
        let stamps = ids.map(latest)
        let feedUpdated = stamps.map(\.stamp).max() ?? FeedXML.timestamp(since?.day ?? today)
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(FeedXML.xml(config.title + ": changes since " + (since?.label ?? "")))</title>
          <id>\(FeedXML.xml(baseURL + ChangesPage.path))</id>
          <link rel="alternate" type="text/html" href="\(FeedXML.xml(baseURL + ChangesPage.path))"/>
          <link rel="self" type="application/atom+xml" href="\(FeedXML.xml(baseURL + ChangesPage.feedPath))"/>
          <updated>\(FeedXML.xml(feedUpdated))</updated>
          <author><name>\(FeedXML.xml(config.title))</name></author>
          <generator>\(FeedXML.xml(generator))</generator>

        """
        for (id, stamp) in zip(ids, stamps) {
            guard let entry = entries[id] else { continue }
            let link = baseURL + entry.url
            out += "  <entry>\n"
            out += "    <title>\(FeedXML.xml(entry.id + ": " + entry.title))</title>\n"
            out += "    <id>\(FeedXML.xml(link + "#" + stamp.key))</id>\n"
            // A removed document has no page: its entry links to changes.html.
            let page = portfolio[id] != nil ? link : baseURL + ChangesPage.path
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(FeedXML.xml(page))\"/>\n"
            out += "    <updated>\(FeedXML.xml(stamp.stamp))</updated>\n"
            out += "    <summary>\(FeedXML.xml((lines[id] ?? []).joined(separator: "; ")))</summary>\n"
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}
