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

    /// An element with no content, e.g. `rect`, `line`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>) {
        markup += "<\(name)"
        write(attributes)
        markup += "/>"
    }

    /// An element holding only text, e.g. `text`, `title`.
    mutating func text(_ name: String = "text", _ attributes: KeyValuePairs<String, SVGValue>, _ content: String) {
        markup += "<\(name)"
        write(attributes)
        markup += ">\(content.htmlEscaped)</\(name)>"
    }

    mutating func begin(_ name: String, _ attributes: KeyValuePairs<String, SVGValue> = [:]) {
        markup += "<\(name)"
        write(attributes)
        markup += ">"
        open.append(name)
    }

    mutating func end() {
        guard let name = open.popLast() else { return }
        markup += "</\(name)>"
    }

    /// Closes whatever is open, the `<svg>` last, and returns the markup.
    mutating func finish() -> String {
        while !open.isEmpty { end() }
        return markup
    }

    private mutating func write(_ attributes: KeyValuePairs<String, SVGValue>) {
        for (key, value) in attributes {
            markup += " \(key)=\"\(value.text.htmlEscaped)\""
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
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

extension SVGValue {
    static func n(_ value: Double) -> SVGValue { .number(value) }
    static func n(_ value: Int) -> SVGValue { .number(Double(value)) }
}
