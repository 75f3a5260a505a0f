/// HTML brought to a form in which only significant differences remain, by
/// the rules of cmark's `test/normalize.py` (which the cmark-gfm spec suite
/// is judged with), written anew for these tests:
///
/// - runs of whitespace become one space, except inside `<pre>`;
/// - whitespace around block-level tags is dropped, and newlines after `<br>`;
/// - `<x />` becomes `<x>`; tag and attribute names are lowercased and the
///   attributes sorted, each value unescaped and written again with `&`, `<`,
///   `>` and `"` as entities (a name alone stays alone);
/// - character references become their characters, except `<`, `>`, `&` and
///   `"`, which are written as entities; a reference to nothing stays as it is;
/// - comments, declarations, processing instructions and CDATA are kept.
struct SpecHTMLNormalizer {
    private enum Last { case startTag, endTag, data, reference, other }

    private var output = ""
    private var last = Last.startTag
    private var lastTag = ""
    private var inPre = false

    static func normalize(_ html: String) -> String {
        var normalizer = SpecHTMLNormalizer()
        normalizer.feed(Array(html.unicodeScalars))
        return normalizer.output
    }

    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button", "object",
        "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div", "section", "dl",
        "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead",
        "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]

    /// The named references cmark writes or the suite's HTML holds outside
    /// raw HTML; any other name is kept as written on both sides.
    static let namedReferences: [String: Unicode.Scalar] = [
        "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "nbsp": "\u{A0}", "copy": "\u{A9}",
    ]

    private mutating func feed(_ scalars: [Unicode.Scalar]) {
        var index = 0
        var text: [Unicode.Scalar] = []
        func flushText(_ normalizer: inout SpecHTMLNormalizer) {
            if !text.isEmpty { normalizer.data(String(String.UnicodeScalarView(text))) }
            text.removeAll()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let (end, handled) = markup(scalars, at: index) {
                flushText(&self)
                handled(&self)
                index = end
            } else if scalar == "&", let (end, character, written) = reference(scalars, at: index) {
                flushText(&self)
                self.reference(character, written: written)
                index = end
            } else {
                text.append(scalar)
                index += 1
            }
        }
        flushText(&self)
    }

    // MARK: Reading

    private func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    private func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard scalars.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= scalars.count {
            if Array(scalars[index..<index + pattern.count]) == pattern { return index }
            index += 1
        }
        return nil
    }

    /// The markup at `index` (a `<`), as its end and what to do with it; nil when the `<` is text.
    private func markup(_ scalars: [Unicode.Scalar], at index: Int) -> (Int, (inout SpecHTMLNormalizer) -> Void)? {
        let rest = string(scalars, index..<min(scalars.count, index + 9))
        if rest.hasPrefix("<![CDATA["), let close = find("]]>", in: scalars, from: index) {
            let raw = string(scalars, index..<close + 3)
            return (close + 3, { $0.output += raw })
        }
        if rest.hasPrefix("<!--"), let close = find("-->", in: scalars, from: index + 4) {
            let body = string(scalars, index + 4..<close)
            return (close + 3, { $0.output += "<!--" + body + "-->"; $0.last = .other })
        }
        guard let close = find(">", in: scalars, from: index + 1) else { return nil }
        let inner = string(scalars, index + 1..<close)
        if inner.hasPrefix("!") || inner.hasPrefix("?") {
            return (close + 1, { $0.output += "<" + inner + ">"; $0.last = .other })
        }
        if inner.hasPrefix("/") {
            let name = inner.dropFirst().prefix { !$0.isWhitespace }.lowercased()
            guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return nil }
            return (close + 1, { $0.endTag(name) })
        }
        guard let first = inner.unicodeScalars.first, first.properties.isAlphabetic else { return nil }
        var body = Substring(inner)
        let selfClosing = body.hasSuffix("/")
        if selfClosing { body = body.dropLast() }
        let name = body.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
        let attributes = Self.attributes(String(body.dropFirst(name.count)))
        return (close + 1, { normalizer in
            normalizer.startTag(name, attributes)
            if selfClosing {
                normalizer.lastTag = name
                normalizer.last = .endTag
            }
        })
    }

    /// `name="value"`, `name='value'`, `name=value` and `name` alone, names lowercased, values unescaped.
    private static func attributes(_ text: String) -> [(String, String?)] {
        var result: [(String, String?)] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skipSpace() { while index < scalars.count, scalars[index].properties.isWhitespace || scalars[index] == "/" { index += 1 } }
        while true {
            skipSpace()
            guard index < scalars.count else { break }
            let start = index
            while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != "=", scalars[index] != "/" { index += 1 }
            let name = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            guard index < scalars.count, scalars[index] == "=" else {
                result.append((name, nil))
                continue
            }
            index += 1
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            var value: [Unicode.Scalar] = []
            if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                let quote = scalars[index]
                index += 1
                while index < scalars.count, scalars[index] != quote { value.append(scalars[index]); index += 1 }
                index += 1
            } else {
                while index < scalars.count, !scalars[index].properties.isWhitespace { value.append(scalars[index]); index += 1 }
            }
            result.append((name, unescape(value)))
        }
        return result
    }

    /// The character reference at `index` (a `&`): its end, its character
    /// (nil for a reference to nothing) and how it was written.
    private func reference(_ scalars: [Unicode.Scalar], at index: Int) -> (Int, Unicode.Scalar?, String)? {
        guard let semicolon = scalars[(index + 1)...].prefix(40).firstIndex(of: ";") else { return nil }
        let name = string(scalars, index + 1..<semicolon)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "#" })
        else { return nil }
        let written = "&" + name + ";"
        return (semicolon + 1, Self.character(of: name), written)
    }

    private static func character(of name: String) -> Unicode.Scalar? {
        guard name.hasPrefix("#") else { return namedReferences[name] }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }

    private static func unescape(_ scalars: [Unicode.Scalar]) -> String {
        var out = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let semicolon = scalars[(index + 1)...].prefix(40).firstIndex(of: ";"),
               let character = character(of: String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))) {
                out.unicodeScalars.append(character)
                index = semicolon + 1
            } else {
                out.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    // MARK: Writing

    private static func collapsingWhitespace(_ text: String) -> String {
        var out = ""
        var inSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inSpace { out += " " }
                inSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                inSpace = false
            }
        }
        return out
    }

    private static func trimmingLeading(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.drop { $0.properties.isWhitespace }))
    }

    private static func trimmingTrailing(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private mutating func data(_ text: String) {
        var data = text
        let afterTag = last == .endTag || last == .startTag
        let afterBlockTag = afterTag && Self.blockTags.contains(lastTag)
        if afterTag && lastTag == "br" { data = String(data.drop { $0 == "\n" }) }
        if !inPre { data = Self.collapsingWhitespace(data) }
        if afterBlockTag && !inPre {
            if last == .startTag {
                data = Self.trimmingLeading(data)
            } else if last == .endTag {
                data = Self.trimmingTrailing(Self.trimmingLeading(data))
            }
        }
        output += data
        last = .data
    }

    private mutating func startTag(_ name: String, _ attributes: [(String, String?)]) {
        if name == "pre" { inPre = true }
        if Self.blockTags.contains(name) { output = Self.trimmingTrailing(output) }
        output += "<" + name
        let sorted = attributes.sorted { a, b in a.0 != b.0 ? a.0 < b.0 : (a.1 ?? "") < (b.1 ?? "") }
        for (key, value) in sorted {
            output += " " + key
            if let value { output += "=\"" + Self.escapedAttribute(value) + "\"" }
        }
        output += ">"
        lastTag = name
        last = .startTag
    }

    private mutating func endTag(_ name: String) {
        if name == "pre" {
            inPre = false
        } else if Self.blockTags.contains(name) {
            output = Self.trimmingTrailing(output)
        }
        output += "</" + name + ">"
        lastTag = name
        last = .endTag
    }

    private mutating func reference(_ character: Unicode.Scalar?, written: String) {
        switch character {
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "&": output += "&amp;"
        case "\"": output += "&quot;"
        case .some(let character): output.unicodeScalars.append(character)
        case nil: output += written
        }
        last = .reference
    }

    private static func escapedAttribute(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
