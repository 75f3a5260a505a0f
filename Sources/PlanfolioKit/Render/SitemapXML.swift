/// `sitemap.xml` (sitemaps.org 0.9): every page of the site but `404.html`,
/// as absolute URLs. Written only when `baseURL` is set.
public enum SitemapXML {
    /// - Parameters:
    ///   - pages: paths of the HTML pages under the site, any order.
    ///   - lastModified: the day a page last changed, where known (documents' `updated` or `date`).
    public static func text(pages: [String], baseURL: String, lastModified: [String: Day]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() where page != "404.html" {
            out += "  <url><loc>\(FeedXML.xml(baseURL + page))</loc>"
            if let day = lastModified[page] { out += "<lastmod>\(day)</lastmod>" }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}
