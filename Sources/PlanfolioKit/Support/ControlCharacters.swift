/// The characters no value read from YAML may carry onto the site.
///
/// YAML's escapes (`"\0"`, `"\x1b"`, `"\uFFFF"`) write any character into a
/// front matter or config value, and from there into pages, the Atom feed
/// and JSON: controls that XML forbids and HTML calls parse errors, and an
/// ESC that recolours a terminal when a diagnostic quotes the value. Such a
/// value is an error at its line, not silently changed: it is never what
/// the author meant to publish. Allowed are tab and line feed; forbidden
/// are the other C0 controls (CR too: YAML folds a written line break to
/// LF, so only an escape gives one), DEL, the C1 controls and Unicode's
/// noncharacters.
enum ControlCharacters {
    /// The first forbidden character of `text`, or nil when there is none.
    static func firstForbidden(in text: String) -> Unicode.Scalar? {
        // Nearly every value is printable ASCII: one pass over the bytes answers.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0xFDD0...0xFDEF: true
        default: scalar.value & 0xFFFE == 0xFFFE
        }
    }

    /// `U+001B`, as a message names the character.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
