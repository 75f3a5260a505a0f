/// Which link targets may reach the site.
///
/// An allowlist, not a blocklist: a URL is relative, a fragment, or uses
/// `http`, `https` or `mailto`. Browsers ignore tabs, newlines and leading
/// spaces inside a scheme (`java\tscript:`), so those are removed before the
/// scheme is read.
public enum URLSafety {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme of `url`, lowercased, or nil for a relative URL or fragment.
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 { continue }  // control characters and spaces browsers skip
            if scalar == ":" { return scheme.isEmpty ? "" : scheme.lowercased() }
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    public static func isSafe(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// True for `http:` and `https:` URLs: what the site never loads by itself.
    public static func isRemote(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return false }
        return scheme == "http" || scheme == "https"
    }

    /// True for a plain relative path (no scheme, not a fragment, not protocol-relative `//host`).
    public static func isRelativePath(_ url: String) -> Bool {
        scheme(of: url) == nil && !url.hasPrefix("#") && !url.hasPrefix("//") && !url.hasPrefix("/") && !url.isEmpty
    }
}
