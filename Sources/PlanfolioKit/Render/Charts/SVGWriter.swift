import PlanfolioMarkdown

/// Writes planfolio's own inline SVG: the one place charts become markup.
///
/// Every attribute value and every text goes through `String.htmlEscaped`;
/// only presentation attributes are written (never `style=`, never script),
/// so a strict Content-Security-Policy holds. The chart is an image for
/// assistive technology (`role="img"`, `<title>` and `<desc>` named by
/// `aria-labelledby`); the same data follows it as a table.
struct SVGWriter {
    /// The markup so far, as UTF-8: appending bytes is a copy, where each
    /// `String` append paid for its own checks (the charts make about 250
    /// appends each; see docs/performance.md, "Hotspots").
    private var bytes: [UInt8] = []
    private var open: [String] = []

    var markup: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts an `<svg>` of `width` x `height` user units that scales to its container.
    init(width: Int, height: Int, id: String, title: String, description: String, className: String) {
        bytes.reserveCapacity(8192)
        let titleID = id + "-title"
        let descID = id + "-desc"
        put("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"")
        put(" class=\"\(className.htmlEscaped)\" role=\"img\" aria-labelledby=\"\(titleID.htmlEscaped) \(descID.htmlEscaped)\"")
        put(" preserveAspectRatio=\"xMinYMin meet\" font-family=\"system-ui, sans-serif\" font-size=\"13\">")
        put("<title id=\"\(titleID.htmlEscaped)\">\(title.htmlEscaped)</title>")
        put("<desc id=\"\(descID.htmlEscaped)\">\(description.htmlEscaped)</desc>")
        open.append("svg")
    }

    /// An element with no content, e.g. `rect`, `line`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>) {
        raw("<")
        put(name)
        write(attributes)
        raw("/>")
    }

    /// An element holding only text, e.g. `text`, `title`.
    mutating func text(_ name: String = "text", _ attributes: KeyValuePairs<String, SVGValue>, _ content: String) {
        raw("<")
        put(name)
        write(attributes)
        raw(">")
        put(content.htmlEscaped)
        raw("</")
        put(name)
        raw(">")
    }

    mutating func begin(_ name: String, _ attributes: KeyValuePairs<String, SVGValue> = [:]) {
        raw("<")
        put(name)
        write(attributes)
        raw(">")
        open.append(name)
    }

    mutating func end() {
        guard let name = open.popLast() else { return }
        raw("</")
        put(name)
        raw(">")
    }

    /// Closes whatever is open, the `<svg>` last, and returns the markup.
    mutating func finish() -> String {
        while !open.isEmpty { end() }
        return markup
    }

    private mutating func write(_ attributes: KeyValuePairs<String, SVGValue>) {
        for (key, value) in attributes {
            raw(" ")
            put(key)
            raw("=\"")
            switch value {
            case .string(let text): put(text.htmlEscaped)
            case .number(let number): SVGValue.append(number, to: &bytes)  // digits, `-` and `.`: nothing to escape
            }
            raw("\"")
        }
    }

    private mutating func put(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}

/// An SVG attribute value: text, or a number written the same way on every machine.
enum SVGValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    case string(String)
    case number(Double)

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }

    var text: String {
        switch self {
        case .string(let text): return text
        case .number(let value): return SVGValue.format(value)
        }
    }

    /// At most one decimal, no exponent, no "-0": stable output for byte-identical builds.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let magnitude = tenths.magnitude
        // Small strings throughout: no allocation.
        var out = tenths < 0 ? "-" : ""
        out += String(magnitude / 10)
        if magnitude % 10 != 0 {
            out += "."
            out += String(magnitude % 10)
        }
        return out
    }

    /// `format(value)` appended to `out` as UTF-8.
    static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(UInt8(ascii: "0"))
            return
        }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if tenths < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        out.append(contentsOf: String(magnitude / 10).utf8)  // a small string: no allocation
        if magnitude % 10 != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }
}

extension SVGValue {
    static func n(_ value: Double) -> SVGValue { .number(value) }
    static func n(_ value: Int) -> SVGValue { .number(Double(value)) }
}
