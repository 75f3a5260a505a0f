import Foundation

/// Turns a request's path into a file of the served site, and refuses
/// every way out of it: `..` and `.` segments (also percent-encoded, which
/// is decoded exactly once), hidden names (the site's `.planfolio` marker),
/// NUL and backslashes, and symbolic links that lead outside the folder.
enum SitePath {
    enum Resolution: Equatable {
        /// A regular file inside the site: its real path, and its path in the site.
        case file(path: String, sitePath: String)
        /// Nothing there (or a link leading out of the site): the 404 page.
        case missing(sitePath: String)
        /// A path no page can have: 400.
        case malformed
    }

    /// The path in the site a request path (percent-encoded, from the
    /// request line) names: `/` is `index.html`, `/plans/` is
    /// `plans/index.html`; nil when it is malformed or tries to leave the site.
    static func sitePath(ofRequestPath raw: String) -> String? {
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            // `.`, `..` and every hidden name start with a dot.
            if segment.hasPrefix(".") { return nil }
            segments.append(segment)
        }
        if decoded.hasSuffix("/") || segments.isEmpty { segments.append("index.html") }
        return segments.joined(separator: "/")
    }

    static func resolve(_ raw: String, root: String) -> Resolution {
        guard var sitePath = sitePath(ofRequestPath: raw) else { return .malformed }
        guard let realRoot = realPath(root) else { return .missing(sitePath: sitePath) }
        var candidate = realRoot + "/" + sitePath
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), isFolder.boolValue {
            sitePath += "/index.html"
            candidate += "/index.html"
        }
        guard let real = realPath(candidate), real.hasPrefix(realRoot + "/") else { return .missing(sitePath: sitePath) }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .missing(sitePath: sitePath) }
        return .file(path: real, sitePath: sitePath)
    }

    /// The path with every link resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
