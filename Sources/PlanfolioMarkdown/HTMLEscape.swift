/// Every escape planfolio writes into HTML, SVG or XML goes through here:
/// `forEachHTMLEscapedPiece` is the one loop, and the `String`, `[UInt8]`
/// and (in PlanfolioKit) `SVGWriter` escapes are that loop with a different
/// place to put the pieces.
extension String {
    /// Text made safe for HTML/XML element content and quoted attribute values.
    ///
    /// Works on UTF-8 bytes: every character it escapes is ASCII, so multi-byte
    /// sequences pass through untouched. A text with nothing to escape is
    /// returned as it is; any other is written once into a string of its
    /// exact length.
    public var htmlEscaped: String {
        var text = self
        return text.withUTF8 { source -> String in
            var length = 0
            forEachHTMLEscapedPiece(of: source) { length += $0.count }
            // Every entity is longer than the byte it replaces.
            guard length != source.count else { return self }
            return String(unsafeUninitializedCapacity: length) { out in
                var index = 0
                forEachHTMLEscapedPiece(of: source) { piece in
                    _ = UnsafeMutableBufferPointer(rebasing: out[index..<index + piece.count]).initialize(fromContentsOf: piece)
                    index += piece.count
                }
                return index
            }
        }
    }

    /// `htmlEscaped`'s bytes appended to `buffer`, in one pass and without a
    /// String in between: the Mustache renderer writes `{{value}}` this way.
    public func appendHTMLEscapedUTF8(to buffer: inout [UInt8]) {
        var text = self
        text.withUTF8 { appendHTMLEscaped($0, to: &buffer) }
    }
}

/// `htmlEscaped`'s bytes of `source` (part of a text's UTF-8) appended to
/// `buffer`, runs with nothing to escape copied whole: how `HTMLRenderer`
/// writes text.
func appendHTMLEscaped(_ source: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
    forEachHTMLEscapedPiece(of: source) { buffer.append(contentsOf: $0) }
}

/// The escaping loop: `source` (UTF-8) made safe for HTML/XML element
/// content and quoted attribute values, handed to `piece` in order, each
/// run with nothing to escape whole and each escaped byte as its entity.
///
/// Exactly five bytes are escaped: `<` `&lt;`, `>` `&gt;`, `&` `&amp;`,
/// `"` `&quot;`, `'` `&#39;`. Every piece is non-empty. Inlined into each
/// caller, so the pieces go straight into its buffer (it is on every page's
/// hot path: Markdown text, Mustache `{{value}}`, chart SVG).
@inlinable @inline(__always)
public func forEachHTMLEscapedPiece(of source: UnsafeBufferPointer<UInt8>, _ piece: (UnsafeBufferPointer<UInt8>) -> Void) {
    var start = 0
    for index in 0..<source.count {
        let entity: StaticString
        switch source[index] {
        case UInt8(ascii: "<"): entity = "&lt;"
        case UInt8(ascii: ">"): entity = "&gt;"
        case UInt8(ascii: "&"): entity = "&amp;"
        case UInt8(ascii: "\""): entity = "&quot;"
        case UInt8(ascii: "'"): entity = "&#39;"
        default: continue
        }
        if start < index { piece(UnsafeBufferPointer(rebasing: source[start..<index])) }
        entity.withUTF8Buffer(piece)
        start = index + 1
    }
    if start < source.count { piece(UnsafeBufferPointer(rebasing: source[start...])) }
}

extension String {
    /// The URL made safe for a quoted `href` or `src` attribute, as cmark-gfm
    /// writes one (see `appendHrefEscaped`).
    public var hrefEscaped: String {
        var buffer: [UInt8] = []
        appendHrefEscapedUTF8(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// `hrefEscaped`'s bytes appended to `buffer`.
    public func appendHrefEscapedUTF8(to buffer: inout [UInt8]) {
        var text = self
        text.withUTF8 { appendHrefEscaped($0, to: &buffer) }
    }
}

/// A URL (UTF-8) written into a quoted `href` or `src` attribute the way
/// cmark-gfm's HTML writer does, so a link means what cmark would make of it:
/// ASCII letters, digits and `-_.+!*(),%#@?=;:/$~` are kept (a `%` too, so a
/// URL already percent-encoded stays as it is), `&` and `'` become
/// `&amp;` and `&#39;`, and every other byte `%XX` (a space, `"`, `<`, `\`,
/// `` ` ``, `[`, `]`, control characters, each byte of a non-ASCII character).
///
/// What a browser reads is then exactly what is written: no whitespace or
/// control character it would skip, no backslash it would take for a slash.
func appendHrefEscaped(_ source: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
    let hex: StaticString = "0123456789ABCDEF"
    var start = 0
    for index in 0..<source.count {
        let byte = source[index]
        if isKeptInHref(byte) { continue }
        if start < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index])) }
        switch byte {
        case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "'"): buffer.append(contentsOf: "&#39;".utf8)
        default:
            hex.withUTF8Buffer { digits in
                buffer.append(UInt8(ascii: "%"))
                buffer.append(digits[Int(byte >> 4)])
                buffer.append(digits[Int(byte & 0x0F)])
            }
        }
        start = index + 1
    }
    if start < source.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...])) }
}

/// Whether `appendHrefEscaped` writes `byte` as it is.
@inline(__always)
private func isKeptInHref(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
         UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
         UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"),
         UInt8(ascii: "~"):
        return true
    default:
        return false
    }
}
