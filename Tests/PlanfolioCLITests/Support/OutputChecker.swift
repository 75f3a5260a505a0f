import Foundation
import PlanfolioKit

/// What the attack corpus requires of every site a hostile portfolio
/// builds: nothing in it can run, navigate or load from elsewhere, and
/// nothing XML forbids reaches a page, the feed, the sitemap or JSON.
///
/// - HTML: no `<script>` but the theme's own empty
///   `<script src="(../)*assets/NAME.js|search-index.js" defer>`; no `on*`
///   attribute; no `javascript:`, `vbscript:` or `data:` URL (entities
///   decoded as a browser would); no `http(s)://` or `//` in `src`; no
///   `iframe`, `object`, `embed`, `frame`, `base` or `<style>`; no `meta
///   http-equiv` but the theme's Content-Security-Policy; no `url(` in a
///   `style` attribute.
/// - Evidence SVGs under `files/`: `SVGAllowList.violations` finds none.
/// - Every text file: no C0 control but tab, LF, CR; no U+FFFE or U+FFFF.
enum OutputChecker {
    static func problems(in site: URL) -> [String] {
        var problems: [String] = []
        let root = site.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return ["cannot list \(site.path)"]
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            let bytes = Array(data)
            let ending = url.pathExtension.lowercased()
            if ["html", "xml", "json", "js", "svg", "css", "txt"].contains(ending) {
                problems += forbiddenCharacters(in: bytes).map { "\(path): \($0)" }
            }
            switch ending {
            case "html":
                problems += htmlProblems(String(decoding: bytes, as: UTF8.self)).map { "\(path): \($0)" }
            case "svg":
                if path.hasPrefix("files/") {
                    problems += SVGAllowList.violations(in: bytes).map { "\(path): \($0)" }
                } else {
                    problems += htmlProblems(String(decoding: bytes, as: UTF8.self)).map { "\(path): \($0)" }
                }
            default:
                break
            }
        }
        return problems
    }

    static func forbiddenCharacters(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        for (offset, byte) in bytes.enumerated() where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            found.append("control byte 0x\(String(byte, radix: 16)) at offset \(offset)")
            if found.count > 3 { break }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) { found.append("a noncharacter U+FFFE/U+FFFF") }
        return found
    }

    private nonisolated(unsafe) static let themeScript = #/^<script src="(\.\./)*(assets/[A-Za-z0-9._-]+\.js|search-index\.js)" defer></script>/#
    private nonisolated(unsafe) static let tag = #/<([A-Za-z][A-Za-z0-9:-]*)([^>]*)>/#
    private nonisolated(unsafe) static let attribute = #/([^\s=\/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/#

    static func htmlProblems(_ html: String) -> [String] {
        var problems: [String] = []
        // Every script tag must be exactly one of the theme's.
        var rest = html[...]
        while let range = rest.range(of: "<script", options: .caseInsensitive) {
            let tail = rest[range.lowerBound...]
            if tail.prefixMatch(of: themeScript) == nil {
                problems.append("script: \(tail.prefix(120))")
            }
            rest = rest[range.upperBound...]
        }
        for match in html.matches(of: tag) {
            let name = match.output.1.lowercased()
            let attributes = String(match.output.2)
            if ["iframe", "object", "embed", "frame", "frameset", "base", "applet", "style"].contains(name) {
                problems.append("<\(name)> element")
            }
            for attribute in attributes.matches(of: self.attribute) {
                let key = attribute.output.1.lowercased()
                var value = attribute.output.2.map(String.init) ?? ""
                if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                let decoded = decodeEntities(value)
                let url = String(decoded.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
                if key.hasPrefix("on") { problems.append("<\(name) \(key)=...>: an event handler") }
                // The theme's own Content-Security-Policy is the one kind a page may carry.
                if name == "meta" && key == "http-equiv" && url != "content-security-policy" { problems.append("<meta http-equiv=\(value)>") }
                if ["href", "src", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background", "ping"].contains(key) {
                    for scheme in ["javascript:", "vbscript:", "data:"] where url.hasPrefix(scheme) {
                        problems.append("<\(name) \(key)=\"\(value.prefix(80))\">: a \(scheme) URL")
                    }
                }
                if ["src", "srcset", "poster", "data", "background"].contains(key),
                   url.hasPrefix("http:") || url.hasPrefix("https:") || url.hasPrefix("//") {
                    problems.append("<\(name) \(key)=\"\(value.prefix(80))\">: loads from elsewhere")
                }
                if key == "style" && url.contains("url(") { problems.append("<\(name) style=\"\(value.prefix(80))\">: a url() in a style") }
            }
        }
        return problems
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#39;`, `&#NN;`, `&#xNN;` decoded, as a browser reads an attribute.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "&", let semicolon = text[index...].firstIndex(of: ";"),
                  text.distance(from: index, to: semicolon) <= 10 else {
                out.append(text[index])
                index = text.index(after: index)
                continue
            }
            let name = text[text.index(after: index)..<semicolon]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let decoded {
                out += decoded
                index = text.index(after: semicolon)
            } else {
                out.append(text[index])
                index = text.index(after: index)
            }
        }
        return out
    }
}
