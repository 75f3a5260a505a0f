/// Which files beside the documents may be published as they are.
///
/// A file the site links to opens in the site's own origin, so a file a
/// browser would run (HTML, or an SVG with script) could run script on the
/// site. Only types a browser shows inertly are published, and an SVG only
/// when it holds no script, event handler, foreign HTML or outside reference.
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

    /// True when SVG text could run script or load from elsewhere when opened directly.
    public static func svgIsActive(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        let markers = ["<script", "javascript:", "<foreignobject", "<iframe", "<embed", "<object",
                       "@import", "href=\"http", "href='http", "href=\"//", "href='//", "url(http", "url(//",
                       "<!entity", "<?xml-stylesheet"]
        if markers.contains(where: text.contains) { return true }
        // Event handler attributes: whitespace, `on` and letters, then `=`.
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 3 < scalars.count {
            if (scalars[index] == " " || scalars[index] == "\n" || scalars[index] == "\t" || scalars[index] == "\r"),
               scalars[index + 1] == "o", scalars[index + 2] == "n" {
                var end = index + 3
                while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
                while end < scalars.count, scalars[end] == " " { end += 1 }
                if end > index + 3, end < scalars.count, scalars[end] == "=" { return true }
            }
            index += 1
        }
        return false
    }
}
