import Foundation
import PlanfolioKit

/// What must hold of every build, whatever its input: a failed build
/// renders nothing, every output path stays inside the output folder, the
/// site grows with its input (never with input times input), the pages
/// carry no active markup, and `portfolio.json` is JSON.
///
/// The markup check reads every tag of the site's HTML and SVG as a browser
/// would tokenise it (escaped text has no `<`): no script without `src`, no
/// element that embeds or reframes a page, no event handler or inline style
/// attribute, and no URL whose scheme a browser would run or fetch.
enum SiteOracle {
    /// - Parameter baseURL: the config's; the 404 page and the feed link to the site by it.
    /// Bytes of site per byte of input, and the bytes any site may have
    /// besides (the theme's pages, up to 2,000 id links on a page): a
    /// footnote reference (`[^1]`, 4 bytes) is about 200 bytes of markup,
    /// the most any Markdown writes; a product of two inputs (a definition
    /// copied into every use, a title into every link) goes far past it.
    static let bytesPerInputByte = 128
    static let baseBytes = 4 * 1024 * 1024

    /// Sanitizing a clean copy again must publish it unchanged with nothing left out.
    static func evidenceCopyProblem(_ copy: [UInt8]) -> String? {
        switch SVGSanitizer.sanitize(copy) {
        case .refused(let reason): return "its clean copy is refused when read again: \(reason)"
        case .published(let again, let leftOut):
            if !leftOut.isEmpty { return "its clean copy still holds \(leftOut.joined(separator: ", "))" }
            if again != copy { return "its clean copy changes when sanitized again" }
            return nil
        }
    }

    static func problem(report: BuildReport, files: [OutputFile], baseURL: String?, inputBytes: Int) -> String? {
        if report.hasErrors && !files.isEmpty { return "a build with errors rendered \(files.count) files" }
        let siteBytes = files.reduce(0) { $0 + ($1.copyFrom == nil && !$1.path.hasPrefix("assets/") ? $1.contents.count : 0) }
        if siteBytes > bytesPerInputByte * inputBytes + baseBytes {
            return "\(siteBytes) bytes of site from \(inputBytes) bytes of input"
        }
        for file in files {
            if let problem = pathProblem(file.path) { return "\(file.path): \(problem)" }
            guard file.copyFrom == nil, !file.path.hasPrefix("assets/") else { continue }
            if file.path.hasPrefix(LinkedFiles.folder + "/"), file.path.hasSuffix(".svg") {
                // An evidence copy may keep allowed `style` declarations, so the
                // page scanner does not apply; the sanitizer must find nothing
                // more to remove from its own output.
                if let problem = evidenceCopyProblem(file.contents) { return "\(file.path): \(problem)" }
                continue
            }
            if file.path.hasSuffix(".html") || file.path.hasSuffix(".svg"),
               let problem = MarkupScanner(file.contents, baseURL: baseURL).firstActiveMarkup() {
                return "\(file.path): \(problem)"
            }
            if file.path == "portfolio.json", (try? JSONSerialization.jsonObject(with: Data(file.contents))) == nil {
                return "portfolio.json is not JSON"
            }
        }
        return nil
    }

    static func pathProblem(_ path: String) -> String? {
        if path.isEmpty || path.hasPrefix("/") { return "not a relative path" }
        if path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) { return "control character or backslash in the path" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "empty, '.' or '..' component"
        }
        return nil
    }
}

/// A small HTML tokeniser, enough to see every start tag and its attributes.
struct MarkupScanner {
    static let embeddingElements: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "foreignobject", "animate", "set", "handler", "listener"]
    static let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "poster", "data", "background", "srcset", "ping"]
    /// Schemes a link may carry (`URLSafety`); `src` may carry none.
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    let bytes: [UInt8]
    let baseURL: String?
    init(_ bytes: [UInt8], baseURL: String?) {
        self.bytes = bytes
        self.baseURL = baseURL
    }

    func firstActiveMarkup() -> String? {
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            if bytes[index...].starts(with: Array("!--".utf8)) {
                index = find(Array("-->".utf8), from: index) ?? bytes.count
                continue
            }
            guard index < bytes.count, isLetter(bytes[index]) else { continue }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
            let name = lower(bytes[nameStart..<index])
            let element = name.split(separator: ":").last.map(String.init) ?? name
            if Self.embeddingElements.contains(element) { return "<\(name)> element" }
            var attributes: [(String, String)] = []
            while index < bytes.count {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
                let attributeStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
                let attribute = lower(bytes[attributeStart..<index])
                var value = ""
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let end = bytes[(index + 1)...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                        index = min(end + 1, bytes.count)
                    } else {
                        let start = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: bytes[start..<index], as: UTF8.self)
                    }
                }
                attributes.append((attribute, value))
            }
            if let problem = problem(element: element, attributes: attributes) { return "<\(name)>: \(problem)" }
        }
        return nil
    }

    func problem(element: String, attributes: [(String, String)]) -> String? {
        let names = Set(attributes.map(\.0))
        if element == "script", !names.contains("src") { return "script without src" }
        // The theme's Content-Security-Policy is the one http-equiv a page may have (a refresh navigates).
        if element == "meta", let equiv = attributes.first(where: { $0.0 == "http-equiv" })?.1,
           equiv.lowercased() != "content-security-policy" { return "meta http-equiv=\(equiv)" }
        for (name, value) in attributes {
            if name.hasPrefix("on") { return "event handler attribute \(name)" }
            if name == "style" || name == "srcdoc" { return "\(name) attribute" }
            guard Self.urlAttributes.contains(name) else { continue }
            let url = Self.decodedURL(value)
            if let baseURL, url.hasPrefix(baseURL.lowercased()) { continue }
            if url.hasPrefix("//") || url.hasPrefix("\\") || url.hasPrefix("/\\") { return "\(name) to another host: \(value)" }
            if let scheme = Self.scheme(of: url) {
                if element == "a" && name == "href" && Self.linkSchemes.contains(scheme) { continue }
                return "\(name) with scheme \(scheme): \(value)"
            }
        }
        return nil
    }

    /// The URL a browser would see: character references decoded, the
    /// characters it strips (controls, tabs, newlines, leading spaces) left out, lowercased.
    static func decodedURL(_ value: String) -> String {
        var text = value
        for (entity, character) in [("&colon;", ":"), ("&tab;", "\t"), ("&newline;", "\n"), ("&sol;", "/"), ("&bsol;", "\\"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character, options: .caseInsensitive)
        }
        var decoded = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            decoded += rest[..<ampersand]
            rest = rest[ampersand...]
            if rest.hasPrefix("&#"), let semicolon = rest.firstIndex(of: ";") {
                let body = rest[rest.index(rest.startIndex, offsetBy: 2)..<semicolon]
                let number = body.first == "x" || body.first == "X" ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
                if let number, let scalar = Unicode.Scalar(number) {
                    decoded.unicodeScalars.append(scalar)
                    rest = rest[rest.index(after: semicolon)...]
                    continue
                }
            }
            decoded.append("&")
            rest = rest.dropFirst()
        }
        decoded += rest
        return String(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
    }

    /// A scheme as a browser reads one: letters, digits, `+-.` before the first `:`, ahead of any `/?#`.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let head = url[..<colon]
        guard let first = head.first, first.isLetter,
              head.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return String(head)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index + needle.count }
            index += 1
        }
        return nil
    }

    private func lower(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
}
