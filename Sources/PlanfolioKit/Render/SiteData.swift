/// The site's files that are data rather than pages: `portfolio.json`,
/// `search-index.js`, and with a base URL `feed.xml` and `sitemap.xml`.
enum SiteData {
    static func files(portfolio: Portfolio, config: SiteConfig, status: PortfolioStatus, pages: [String],
                      searchTexts: [String: String]? = nil) -> [OutputFile] {
        let index = if let searchTexts {
            SearchIndex.scriptBytes(portfolio: portfolio) { searchTexts[$0.id] ?? SearchIndex.text(of: $0) }
        } else {
            SearchIndex.scriptBytes(portfolio: portfolio)
        }
        var files = [
            OutputFile(path: "portfolio.json", contents: PortfolioJSON.bytes(portfolio: portfolio, status: status, generator: SiteRenderer.generator)),
            OutputFile(path: SearchIndex.fileName, contents: index),
        ]
        if let baseURL = config.baseURL {
            files.append(OutputFile(path: "feed.xml", text: FeedXML.text(portfolio: portfolio, config: config, baseURL: baseURL,
                                                                        today: status.today, generator: SiteRenderer.generator)))
            var lastModified: [String: Day] = [:]
            for document in portfolio.documents {
                if let day = document.updated ?? document.date { lastModified[document.url] = day }
            }
            files.append(OutputFile(path: "sitemap.xml", text: SitemapXML.text(pages: pages, baseURL: baseURL, lastModified: lastModified)))
        }
        return files
    }
}
