/// What the server adds to each HTML page it serves (never to the files on
/// disk): the reload script and the banner stylesheet as files from
/// `/__planfolio/`, the diagnostics banner at the top of `<main>`, and
/// `connect-src 'self'` in the page's Content-Security-Policy, which the
/// reload script's `EventSource` needs (the site's policy starts from
/// `default-src 'none'`). No inline script or style is ever added.
enum PageInjection {
    static func inject(into page: [UInt8], generation: Int, banner: String?) -> [UInt8] {
        var html = allowingConnections(page)
        let tags = "<link rel=\"stylesheet\" href=\"\(ServeAssets.stylesheetPath)\">\n"
            + "<script src=\"\(ServeAssets.reloadScriptPath)\" data-generation=\"\(generation)\" defer></script>\n"
        let headAt = find("</head", in: html, from: 0) ?? 0
        let bannerAt = openingTag("main", in: html) ?? openingTag("body", in: html) ?? headAt
        // The later place first, so the earlier one stays where it was found.
        if let banner { html.insert(contentsOf: Array(banner.utf8), at: bannerAt) }
        html.insert(contentsOf: Array(tags.utf8), at: headAt)
        return html
    }

    /// Every `<meta http-equiv="Content-Security-Policy">` of the page with `connect-src 'self'` allowed.
    static func allowingConnections(_ page: [UInt8]) -> [UInt8] {
        var html = page
        var from = 0
        while let start = find("<meta", in: html, from: from) {
            guard let end = html[start...].firstIndex(of: UInt8(ascii: ">")) else { break }
            from = end
            let tag = lowercased(html[start..<end])
            guard contains(tag, "http-equiv=\"content-security-policy\"") || contains(tag, "http-equiv='content-security-policy'"),
                  let content = find("content=", in: Array(tag), from: 0) else { continue }
            let quoteAt = start + content + "content=".utf8.count
            guard quoteAt < end, html[quoteAt] == UInt8(ascii: "\"") || html[quoteAt] == UInt8(ascii: "'"),
                  let close = html[(quoteAt + 1)..<end].firstIndex(of: html[quoteAt]) else { continue }
            let policy = String(decoding: html[(quoteAt + 1)..<close], as: UTF8.self)
            let allowed = Array(allowingConnections(policy: policy).utf8)
            html.replaceSubrange((quoteAt + 1)..<close, with: allowed)
            from = quoteAt + 1 + allowed.count
        }
        return html
    }

    /// The policy with `'self'` in its `connect-src` (added when missing, `'none'` dropped).
    static func allowingConnections(policy: String) -> String {
        var directives = policy.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        if let index = directives.firstIndex(where: { $0.split(separator: " ").first?.lowercased() == "connect-src" }) {
            var sources = directives[index].split(separator: " ").dropFirst().map(String.init).filter { $0.lowercased() != "'none'" }
            if !sources.contains(where: { $0.lowercased() == "'self'" }) { sources.append("'self'") }
            directives[index] = (["connect-src"] + sources).joined(separator: " ")
        } else {
            directives.append("connect-src 'self'")
        }
        return directives.joined(separator: "; ")
    }

    /// Just after the `>` of the first `<name …>` tag, if there is one.
    private static func openingTag(_ name: String, in html: [UInt8]) -> Int? {
        var from = 0
        while let start = find("<" + name, in: html, from: from) {
            let after = start + name.utf8.count + 1
            guard after < html.count else { return nil }
            // `<main>` or `<main id=…>`, not `<mainframe>`.
            if html[after] == UInt8(ascii: ">") || html[after] == UInt8(ascii: " ") || html[after] == UInt8(ascii: "\n")
                || html[after] == UInt8(ascii: "\t") || html[after] == UInt8(ascii: "\r") {
                return html[after...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }
            }
            from = after
        }
        return nil
    }

    /// The first place `needle` (lowercase ASCII) occurs in `html` at or after `from`, ignoring ASCII case.
    private static func find(_ needle: String, in html: [UInt8], from: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, html.count >= pattern.count, from <= html.count - pattern.count else { return nil }
        var index = from
        while index <= html.count - pattern.count {
            var matched = true
            for offset in 0..<pattern.count where lower(html[index + offset]) != pattern[offset] {
                matched = false
                break
            }
            if matched { return index }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] { bytes.map(lower) }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool { find(needle, in: haystack, from: 0) != nil }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }).reversed())
    }
}
