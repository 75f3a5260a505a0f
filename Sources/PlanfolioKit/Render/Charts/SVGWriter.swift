import PlanfolioMarkdown

/// Writes planfolio's own inline SVG: the one place charts become markup.
///
/// Every attribute value and every text goes through `String.htmlEscaped`;
/// only presentation attributes are written (never `style=`, never script),
/// so a strict Content-Security-Policy holds. The chart is an image for
/// assistive technology (`role="img"`, `<title>` and `<desc>` named by
/// `aria-labelledby`); the same data follows it as a table.
struct SVGWriter {
    private(set) var markup = ""
    private var open: [String] = []

    /// Starts an `<svg>` of `width` x `height` user units that scales to its container.
    init(width: Int, height: Int, id: String, title: String, description: String, className: String) {
        markup.reserveCapacity(8192)
        let titleID = id + "-title"
        let descID = id + "-desc"
        markup += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
        markup += " class=\"\(className.htmlEscaped)\" role=\"img\" aria-labelledby=\"\(titleID.htmlEscaped) \(descID.htmlEscaped)\""
        markup += " preserveAspectRatio=\"xMinYMin meet\" font-family=\"system-ui, sans-serif\" font-size=\"13\">"
        markup += "<title id=\"\(titleID.htmlEscaped)\">\(title.htmlEscaped)</title>"
        markup += "<desc id=\"\(descID.htmlEscaped)\">\(description.htmlEscaped)</desc>"
        open.append("svg")
    }

    // Pieces are appended one by one: string interpolation built a
    // temporary string for each attribute, 2% of a build (docs/performance.md).

    /// An element with no content, e.g. `rect`, `line`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>) {
        markup += "<"
        markup += name
        write(attributes)
        markup += "/>"
    }

    /// An element holding only text, e.g. `text`, `title`.
    mutating func text(_ name: String = "text", _ attributes: KeyValuePairs<String, SVGValue>, _ content: String) {
        markup += "<"
        markup += name
        write(attributes)
        markup += ">"
        markup += content.htmlEscaped
        markup += "</"
        markup += name
        markup += ">"
    }

    mutating func begin(_ name: String, _ attributes: KeyValuePairs<String, SVGValue> = [:]) {
        markup += "<"
        markup += name
        write(attributes)
        markup += ">"
        open.append(name)
    }

    mutating func end() {
        guard let name = open.popLast() else { return }
        markup += "</"
        markup += name
        markup += ">"
    }

    /// Closes whatever is open, the `<svg>` last, and returns the markup.
    mutating func finish() -> String {
        while !open.isEmpty { end() }
        return markup
    }

    private mutating func write(_ attributes: KeyValuePairs<String, SVGValue>) {
        for (key, value) in attributes {
            markup += " "
            markup += key
            markup += "=\""
            switch value {
            case .string(let text): markup += text.htmlEscaped
            case .number(let number): SVGValue.append(number, to: &markup)  // digits, `-` and `.`: nothing to escape
            }
            markup += "\""
        }
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
        var out = ""
        append(value, to: &out)
        return out
    }

    /// `format(value)` appended to `out`.
    static func append(_ value: Double, to out: inout String) {
        guard value.isFinite else {
            out += "0"
            return
        }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 {
            out += "0"
            return
        }
        if tenths < 0 { out += "-" }
        let magnitude = tenths.magnitude
        out += String(magnitude / 10)
        if magnitude % 10 != 0 {
            out += "."
            out += String(magnitude % 10)
        }
    }
}

extension SVGValue {
    static func n(_ value: Double) -> SVGValue { .number(value) }
    static func n(_ value: Int) -> SVGValue { .number(Double(value)) }
}
