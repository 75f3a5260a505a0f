/// `changes.html`: what changed since a date or revision (`--since`,
/// `changesSince`, or 30 days before today), found by comparing the
/// portfolio as it stood at that point with the one built
/// (`PortfolioChanges`): documents added, changed, removed or superseded;
/// plans whose lifecycle or approval moved; phases whose deadline moved,
/// and by how much; new metric breaches.
///
/// Context keys (listed in `docs/theme.md`): `since` {label, day, hasCommit,
/// shortID, id}, `isEmpty`, and for each list `hasX` and `x`: `added`,
/// `changed`, `removed`, `superseded` [{id, title, kindLabel, href,
/// hasHref, revisionsHref, by, byHref}], `lifecycles`, `approvals` [{id,
/// title, href, from, to}], `deadlines` [{id, title, href, phase, from,
/// to, moved}], `breaches` [{id, title, href, metric, group, value,
/// threshold}].
enum ChangesPage {
    static let path = "changes.html"
    static let feedPath = "changes.xml"

    /// The changes between the `since` snapshot and the portfolio being built.
    static func changes(portfolio: Portfolio, status: PortfolioStatus, history: SiteHistory) -> PortfolioChanges? {
        guard let since = history.since else { return nil }
        let now = PortfolioSnapshot.of(portfolio, status: status) { history.content[$0.source] ?? "" }
        return PortfolioChanges.compare(since.snapshot, now)
    }

    static func context(portfolio: Portfolio, status: PortfolioStatus, history: SiteHistory, root: String) -> [String: Any] {
        guard let since = history.since, let changes = changes(portfolio: portfolio, status: status, history: history) else {
            return ["isEmpty": true]
        }
        func item(_ entry: PortfolioSnapshot.Entry, linked: Bool = true) -> [String: Any] {
            var item: [String: Any] = ["id": entry.id, "title": entry.title, "kindLabel": entry.kind.displayName,
                                       "hasHref": linked, "href": linked ? root + entry.url : "",
                                       "revisionsHref": linked ? root + entry.url + "#pf-revisions" : ""]
            if let by = entry.supersededBy {
                item["by"] = by
                item["byHref"] = portfolio[by].map { root + $0.url } ?? ""
            }
            return item
        }
        func state(_ change: PortfolioChanges.StateChange) -> [String: Any] {
            item(change.entry).merging(["from": change.from, "to": change.to]) { $1 }
        }
        var context: [String: Any] = [
            "since": [
                "label": since.label,
                "day": since.day.description,
                "hasCommit": since.commit != nil,
                "shortID": since.commit.map { String($0.prefix(7)) } ?? "",
                "id": since.commit ?? "",
            ] as [String: Any],
            "isEmpty": changes.isEmpty,
        ]
        let lists: [(String, [[String: Any]])] = [
            ("added", changes.added.map { item($0) }),
            ("changed", changes.changed.map { item($0) }),
            ("removed", changes.removed.map { item($0, linked: false) }),
            ("superseded", changes.superseded.map { item($0) }),
            ("lifecycles", changes.lifecycles.map(state)),
            ("approvals", changes.approvals.map(state)),
            ("deadlines", changes.deadlines.map { move in
                item(move.entry).merging(["phase": move.phase, "from": move.from.description, "to": move.to.description,
                                          "moved": movedText(move.days)]) { $1 }
            }),
            ("breaches", changes.breaches.map { new in
                let limit = new.breach.limit == .min ? "at least" : "at most"
                return item(new.entry).merging(["metric": new.breach.metric, "group": new.breach.group,
                                                "value": MetricChart.number(new.breach.value),
                                                "threshold": "\(limit) \(MetricChart.number(new.breach.threshold))"]) { $1 }
            }),
        ]
        for (key, items) in lists {
            context[key] = items
            context["has" + key.prefix(1).uppercased() + key.dropFirst()] = !items.isEmpty
        }
        return context
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
