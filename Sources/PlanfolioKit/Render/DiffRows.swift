import PlanfolioMarkdown

/// The table rows of one hunk of a revision page, written in one pass: a
/// revision page can hold thousands of lines, and a template value per
/// line cell was most of the cost of the site's revision pages. Each row is
///
///     <tr class="diff-KIND"><td class="num">OLD</td><td class="num">NEW</td><td class="diff-sign">SIGN</td><td class="diff-text">TEXT</td></tr>
///
/// with KIND `same`, `removed` or `added` (the theme styles these classes),
/// SIGN a space, `−` or `+` with the kind said in words for screen readers,
/// and TEXT the line escaped by `HTMLEscape` (the template's own escape):
/// no byte of a document reaches the page unescaped. Characters HTML and
/// XML forbid (`ControlCharacters`) are written as U+FFFD.
enum DiffRows {
    static func html(_ lines: [LineDiff.Line]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.text.count } + lines.count * 140)
        for line in lines {
            let (kind, sign): (StaticString, StaticString) = switch line.kind {
            case .same: ("same", "<span class=\"visually-hidden\">unchanged</span>")
            case .removed: ("removed", "−<span class=\"visually-hidden\"> removed</span>")
            case .added: ("added", "+<span class=\"visually-hidden\"> added</span>")
            }
            append("<tr class=\"diff-", to: &out)
            append(kind, to: &out)
            append("\"><td class=\"num\">", to: &out)
            if let number = line.oldNumber { out += Array(String(number).utf8) }
            append("</td><td class=\"num\">", to: &out)
            if let number = line.newNumber { out += Array(String(number).utf8) }
            append("</td><td class=\"diff-sign\">", to: &out)
            append(sign, to: &out)
            append("</td><td class=\"diff-text\">", to: &out)
            if mayHoldForbidden(line.text) {
                printable(line.text).appendHTMLEscapedUTF8(to: &out)
            } else {
                line.text.withUnsafeBufferPointer { source in
                    forEachHTMLEscapedPiece(of: source) { out.append(contentsOf: $0) }
                }
            }
            append("</td></tr>\n", to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Whether the line may hold a character `ControlCharacters` forbids: a
    /// C0 control but tab, DEL, or a lead byte of a C1 control or of a
    /// noncharacter (checked character by character then).
    private static func mayHoldForbidden(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF || $0 >= 0xF0 }
    }

    /// The text, each forbidden character (but tab and line feed) as U+FFFD.
    static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard mayHoldForbidden(bytes) else { return text }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            clean.append(scalar != "\t" && scalar != "\n" && ControlCharacters.isForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(clean)
    }
}
