import PlanfolioMarkdown

/// Writes planfolio's own inline SVG: the one place charts become markup.
///
/// Every attribute value and every text is escaped as `String.htmlEscaped`
/// escapes; only presentation attributes are written (never `style=`, never
/// script), so a strict Content-Security-Policy holds. The chart is an image
/// for assistive technology (`role="img"`, `<title>` and `<desc>` named by
/// `aria-labelledby`); the same data follows it as a table.
///
/// Element and attribute names are `StaticString`s and numbers are written
/// digit by digit, all straight into one byte buffer: a chart is a few
/// hundred elements, and a `String` made per name, number or value was most
/// of its cost (see docs/performance.md, "Charts").
struct SVGWriter: ~Copyable {
    /// The markup so far, as UTF-8.
    private var bytes: ByteBuffer
    private var open: [StaticString] = []

    /// Starts an `<svg>` of `width` x `height` user units that scales to its container.
    init(width: Int, height: Int, id: String, title: String, description: String, className: String) {
        bytes = ByteBuffer(capacity: 16384)
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        integer(width)
        raw(" ")
        integer(height)
        raw("\" width=\"")
        integer(width)
        raw("\" height=\"")
        integer(height)
        raw("\" class=\"")
        escaped(className)
        raw("\" role=\"img\" aria-labelledby=\"")
        escaped(id)
        raw("-title ")
        escaped(id)
        raw("-desc\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"system-ui, sans-serif\" font-size=\"13\"><title id=\"")
        escaped(id)
        raw("-title\">")
        escaped(title)
        raw("</title><desc id=\"")
        escaped(id)
        raw("-desc\">")
        escaped(description)
        raw("</desc>")
        open.append("svg")
    }

    /// A writer for a fragment of a chart, with no `<svg>` around it (see `PrefixedMarkup`).
    init() {
        bytes = ByteBuffer(capacity: 1024)
    }

    /// Closes whatever is open and returns the fragment's bytes.
    mutating func finishFragment() -> [UInt8] {
        while !open.isEmpty { end() }
        return bytes.array
    }

    /// `markup` as recorded, with `prefix` (escaped) where it was recorded with a placeholder.
    mutating func append(_ markup: PrefixedMarkup, prefix: String) {
        for (index, piece) in markup.pieces.enumerated() {
            if index > 0 { escaped(prefix) }
            piece.withUnsafeBufferPointer { bytes.append($0) }
        }
    }

    /// Text inside the element `begin` opened, escaped; for text put together from parts.
    mutating func content(_ text: String) {
        escaped(text)
    }

    /// An element with no content, e.g. `rect`, `line`.
    mutating func empty(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, SVGValue>) {
        raw("<")
        raw(name)
        write(attributes)
        raw("/>")
    }

    /// An element holding only text, e.g. `text`, `title`.
    mutating func text(_ name: StaticString = "text", _ attributes: KeyValuePairs<StaticString, SVGValue>, _ content: String) {
        raw("<")
        raw(name)
        write(attributes)
        raw(">")
        escaped(content)
        raw("</")
        raw(name)
        raw(">")
    }

    mutating func begin(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, SVGValue> = [:]) {
        raw("<")
        raw(name)
        write(attributes)
        raw(">")
        open.append(name)
    }

    mutating func end() {
        guard let name = open.popLast() else { return }
        raw("</")
        raw(name)
        raw(">")
    }

    /// Closes whatever is open, the `<svg>` last, and returns the markup.
    mutating func finish() -> SVGMarkup {
        while !open.isEmpty { end() }
        return SVGMarkup(bytes: bytes.array)
    }

    private mutating func write(_ attributes: KeyValuePairs<StaticString, SVGValue>) {
        for (key, value) in attributes {
            raw(" ")
            raw(key)
            raw("=\"")
            switch value {
            case .string(let text): escaped(text)
            case .literal(let text): text.withUTF8Buffer { escaped($0) }
            case .number(let number): SVGValue.append(number, to: &bytes)  // digits, `-` and `.`: nothing to escape
            case .pattern(let prefix, let name):
                raw("url(#")
                escaped(prefix)
                raw("-")
                raw(name.name)
                raw(")")
            case .diamond(let x, let y, let r): SVGValue.appendDiamond(x: x, y: y, r: r, to: &bytes)
            }
            raw("\"")
        }
    }

    private mutating func integer(_ value: Int) {
        bytes.write(atMost: DecimalText.maximumLength) { DecimalText.write(scaled: value, decimals: 0, into: $0) }
    }

    private mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { escaped($0) }
    }

    /// `source` as `String.htmlEscaped` writes it (`forEachHTMLEscapedPiece`), straight into the buffer.
    private mutating func escaped(_ source: UnsafeBufferPointer<UInt8>) {
        forEachHTMLEscapedPiece(of: source) { bytes.append($0) }
    }

    /// Markup written as it is: element and attribute names, punctuation.
    private mutating func raw(_ text: StaticString) {
        bytes.append(text)
    }
}
