import PlanfolioMarkdown

/// `feed.xml`: an Atom feed (RFC 4287) of the documents, latest first.
///
/// Written only when `baseURL` is set, because Atom needs absolute links.
/// Entries are the `maxEntries` documents with the latest `updated` (else
/// `date`) day, ties by kind and id; a document with neither date counts as
/// changed today. Times are the day at 00:00 UTC.
public enum FeedXML {
    public static let maxEntries = 100

    public static func text(portfolio: Portfolio, config: SiteConfig, baseURL: String, today: Day, generator: String) -> String {
        func changed(_ document: Document) -> Day { document.updated ?? document.date ?? today }
        let entries = portfolio.documents
            .sorted { a, b in
                let (x, y) = (changed(a), changed(b))
                return x != y ? x > y : (a.kind, a.id) < (b.kind, b.id)
            }
            .prefix(maxEntries)
        let feedUpdated = entries.first.map(changed) ?? today
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(xml(config.title))</title>
          <id>\(xml(baseURL))</id>
          <link rel="alternate" type="text/html" href="\(xml(baseURL))index.html"/>
          <link rel="self" type="application/atom+xml" href="\(xml(baseURL))feed.xml"/>
          <updated>\(timestamp(feedUpdated))</updated>
          <author><name>\(xml(config.title))</name></author>
          <generator>\(xml(generator))</generator>

        """
        for document in entries {
            let link = baseURL + document.url
            var summary = document.kind.displayName
            if let system = document.system { summary += " · " + system }
            out += "  <entry>\n"
            out += "    <title>\(xml(document.id + ": " + document.title))</title>\n"
            out += "    <id>\(xml(link))</id>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(link))\"/>\n"
            out += "    <updated>\(timestamp(changed(document)))</updated>\n"
            if let date = document.date { out += "    <published>\(timestamp(date))</published>\n" }
            if let owner = document.owner { out += "    <author><name>\(xml(owner))</name></author>\n" }
            out += "    <summary>\(xml(summary))</summary>\n"
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }

    /// Escaped for XML, with the control characters XML 1.0 forbids removed.
    static func xml(_ text: String) -> String {
        var clean = ""
        for scalar in text.unicodeScalars where scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            clean.unicodeScalars.append(scalar)
        }
        return clean.htmlEscaped
    }
}
