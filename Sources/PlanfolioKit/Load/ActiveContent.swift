/// Which files beside the documents may be published as they are.
///
/// A file the site links to opens in the site's own origin, so a file a
/// browser would run (HTML, script) could run script on the site. Only
/// types a browser shows inertly are published; an SVG, which can hold
/// script, only as the clean copy `SVGSanitizer` writes.
public enum ActiveContent {
    /// File endings that are published when a document links to them.
    public static let publishedExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "svg",
        "pdf", "csv", "tsv", "txt", "json", "md5", "sha256",
        "xlsx", "xls", "ods", "docx", "doc", "odt", "pptx", "odp", "zip", "parquet",
    ]

    /// The lowercased ending of `path`, without the dot.
    public static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    public static func isPublishedType(_ path: String) -> Bool {
        publishedExtensions.contains(fileExtension(path))
    }
}
