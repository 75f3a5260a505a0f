/// Which link targets may reach the site, and which are on another site.
///
/// An allowlist, not a blocklist: a URL is relative, a fragment, or uses
/// `http`, `https` or `mailto`. Browsers ignore tabs, newlines and leading
/// spaces inside a scheme (`java\tscript:`), so those are skipped before the
/// scheme is read. Only a scheme as URLs spell one (a letter, then letters,
/// digits, `+`, `-` or `.`) makes a URL absolute: `foo):` is a relative path,
/// as it is to a browser.
///
/// The writer percent-encodes every URL (`appendHrefEscaped`), so what a
/// browser reads is the URL as written here: no whitespace it would skip, no
/// backslash it would take for a slash.
public enum URLSafety {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme of `url`, lowercased, or nil for a relative URL or fragment.
    /// A URL that starts with `:` has the empty scheme (not allowed).
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 { continue }  // control characters and spaces browsers skip
            if scalar == ":" { return scheme.isEmpty ? "" : scheme.lowercased() }
            guard scalar.isASCII, let byte = UInt8(exactly: scalar.value) else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if scheme.isEmpty { return nil }
            default:
                return nil
            }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    public static func isSafe(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// True for `http:`, `https:` and protocol-relative (`//host/path`)
    /// URLs: what is on another site, which the site never loads by itself.
    public static func isRemote(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return isProtocolRelative(url) }
        return scheme == "http" || scheme == "https"
    }

    /// True for `//host/path`: a URL on another host in the page's own scheme.
    public static func isProtocolRelative(_ url: String) -> Bool {
        url.hasPrefix("//")
    }

    /// The URL the site links to for `url`: a protocol-relative one gets
    /// `https:` in front, since a page opened from a file would otherwise
    /// ask `file://host/path` for it (a network share on Windows).
    public static func forSite(_ url: String) -> String {
        isProtocolRelative(url) ? "https:" + url : url
    }

    /// True for a plain relative path (no scheme, not a fragment, not protocol-relative `//host`).
    public static func isRelativePath(_ url: String) -> Bool {
        scheme(of: url) == nil && !url.hasPrefix("#") && !url.hasPrefix("//") && !url.hasPrefix("/") && !url.isEmpty
    }
}
