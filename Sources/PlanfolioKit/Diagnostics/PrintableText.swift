/// Text from the input (file names, ids, link targets, YAML values) made
/// safe to print where a terminal or a CI log reads it.
///
/// A diagnostic quotes what a document says, and a document is untrusted:
/// an ESC from `%1b` in a link recolours the terminal or hides the rest of
/// the line, a CR from `%0D` rewrites the line so that it can begin a GitHub
/// workflow command, and the bidirectional controls reorder what a reader
/// sees. Every such character is written as `\u{XX}`; everything else,
/// tab included, is kept. The text and github forms print through here;
/// the json and sarif forms carry the exact text, escaped by JSON's rules.
public enum PrintableText {
    /// - Parameter keepingLineBreaks: leave CR and LF as they are, for a form
    ///   that escapes them its own way (github's `%0D`, `%0A`).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            needsEscape(scalar) && !(keepingLineBreaks && (scalar == "\r" || scalar == "\n"))
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls but tab, DEL, C1 controls, the Unicode line and paragraph
    /// separators, and the bidirectional embedding, override and isolate controls.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
