/// What a published SVG may hold: the one list `SVGSanitizer` writes from
/// and `violations(in:)` checks against.
///
/// An evidence file opens in the site's own origin, so only what draws a
/// static picture is kept: SVG-namespace shapes, paths, text, groups and
/// their paint servers, clips, masks, markers and symbols, with geometry
/// and presentation attributes whose values cannot reach outside the file.
/// A reference may only name an element of the same file (`#id`, or
/// `url(#id)` in a paint or clip value). Nothing that runs (script, event
/// handlers, animation, which can set `href`), embeds (`foreignObject`,
/// `image`, other namespaces), styles (`<style>`, whose CSS could
/// `@import`) or links is kept.
public enum SVGAllowList {
    public static let svgNamespace = "http://www.w3.org/2000/svg"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Elements of the SVG namespace that are written out, with their children.
    static let elements: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "title", "desc",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern",
        "clipPath", "mask", "marker",
    ]

    /// Elements that are not written but whose children are: a link's text
    /// and shapes stay, the link does not.
    static let unwrapped: Set<String> = ["a"]

    /// Elements that may refer to another element of the file with `href`.
    static let referencing: Set<String> = ["use", "linearGradient", "radialGradient", "pattern", "textPath"]

    /// Presentation properties: allowed as attributes and inside `style`.
    /// Those taking a URL (`fill`, `stroke`, `clip-path`, `mask`, `marker-*`)
    /// pass only with `url(#id)`; `filter` and `cursor` are not here.
    static let properties: Set<String> = [
        "alignment-baseline", "baseline-shift", "clip-path", "clip-rule", "color", "color-interpolation",
        "direction", "display", "dominant-baseline", "fill", "fill-opacity", "fill-rule",
        "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
        "image-rendering", "letter-spacing", "marker-end", "marker-mid", "marker-start", "mask", "opacity", "overflow",
        "paint-order", "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
        "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
        "text-anchor", "text-decoration", "text-rendering", "transform", "unicode-bidi", "vector-effect", "visibility",
        "white-space", "word-spacing", "writing-mode",
    ]

    /// Other attributes without a namespace: geometry, identity, text layout, accessibility.
    static let attributes: Set<String> = properties.union([
        "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
        "width", "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio", "version",
        "offset", "gradientUnits", "gradientTransform", "spreadMethod",
        "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
        "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "lang",
        "href", "style",
    ])

    /// Attributes whose value is free text, shown or used only as a name: any text passes (escaped).
    static let textAttributes: Set<String> = ["id", "class", "role", "aria-label", "aria-labelledby", "aria-describedby", "lang"]

    /// `#id`: a reference to an element of the same file, the only kind kept.
    static func isFragmentReference(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "#") else { return false }
        return bytes.dropFirst().allSatisfy(isNameByte)
    }

    /// Letters, digits and `_ - . :`, or any non-ASCII byte (ids may be in any script).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
            || byte >= 0x80
    }

    /// Functions a kept value may call: colours and transforms, and `url`
    /// only as `url(#id)` (checked on its own).
    private static let functions: Set<String> = ["url", "rgb", "rgba", "hsl", "hsla", "matrix", "translate", "scale", "rotate", "skewx", "skewy"]

    /// Whether a geometry or presentation value is inert: no CSS escape or
    /// comment (which could spell a function in disguise), no `@`, `;`,
    /// `{`, `}`, `<`, no control character, every function one of
    /// `functions`, and every `url(...)` a `url(#id)`.
    static func isInertValue(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "@"), UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "<"):
                return false
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                return false
            case 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D, 0x7F:
                return false
            case UInt8(ascii: "("):
                // The identifier just before the parenthesis names the function.
                var start = index
                while start > 0, isFunctionNameByte(bytes[start - 1]) { start -= 1 }
                let name = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
                guard functions.contains(name) else { return false }
                if name == "url" {
                    guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ")")) else { return false }
                    var reference = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                    reference = String(reference.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
                    if reference.count >= 2, let quote = reference.first, quote == "'" || quote == "\"", reference.last == quote {
                        reference = String(reference.dropFirst().dropLast())
                    }
                    guard isFragmentReference(reference) else { return false }
                    index = close
                }
            default:
                break
            }
            index += 1
        }
        return true
    }

    private static func isFunctionNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// A `style` attribute rewritten from its allowed declarations
    /// (`property:value`, property in `properties`, value inert), or nil
    /// when none is left. Whether anything reaching outside was dropped is
    /// told through `reachedOutside`.
    static func cleanedStyle(_ style: String, reachedOutside: inout Bool) -> String? {
        var kept: [String] = []
        func trimmed(_ text: Substring) -> String {
            String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = trimmed(declaration[..<colon]).lowercased()
            let value = trimmed(declaration[declaration.index(after: colon)...])
            guard properties.contains(property), !value.isEmpty, isInertValue(value) else {
                // A refused function or escape is what could have fetched something.
                if value.contains("(") || value.contains("\\") { reachedOutside = true }
                continue
            }
            kept.append(property + ":" + value)
        }
        return kept.isEmpty ? nil : kept.joined(separator: ";")
    }

    /// Everything in `svg` the allow-list does not allow, one line each
    /// (empty for a clean file): what `SVGSanitizer` writes must always
    /// pass, so tests and the attack corpus check published files with it.
    public static func violations(in svg: [UInt8]) -> [String] {
        var found: [String] = []
        var depth = 0
        let failure = XMLEventReader.read(svg) { event in
            switch event {
            case .start(let name, let attributes, let line):
                depth += 1
                if depth == 1 && (name.namespace != svgNamespace || name.local != "svg") {
                    found.append("line \(line): the root is <\(name.local)>, not <svg> in the SVG namespace")
                }
                guard name.namespace == svgNamespace, elements.contains(name.local) else {
                    found.append("line \(line): element <\(name.local)> (\(name.namespace ?? "no namespace")) is not allowed")
                    return true
                }
                for attribute in attributes {
                    if let problem = problem(with: attribute, on: name.local) {
                        found.append("line \(line): \(problem)")
                    }
                }
            case .end:
                depth -= 1
            case .text:
                break
            case .comment:
                found.append("a comment")
            case .processingInstruction(let target):
                found.append("a processing instruction <?\(target)?>")
            case .doctype(let name):
                found.append("a DOCTYPE \(name)")
            }
            return found.count < 100
        }
        if let failure { found.append("does not parse: \(failure)") }
        return found
    }

    /// Why `attribute` may not be on element `element`, or nil when it may.
    static func problem(with attribute: XMLEventReader.Attribute, on element: String) -> String? {
        let name = attribute.name
        switch name.namespace {
        case nil:
            guard attributes.contains(name.local) else { return "attribute '\(name.local)' is not allowed" }
            if name.local == "href" {
                guard referencing.contains(element), isFragmentReference(attribute.value) else {
                    return "href='\(attribute.value)' on <\(element)> is not a reference inside the file"
                }
                return nil
            }
            if textAttributes.contains(name.local) { return nil }
            if name.local == "style" {
                var reachedOutside = false
                return cleanedStyle(attribute.value, reachedOutside: &reachedOutside) == attribute.value
                    ? nil : "style='\(attribute.value)' holds more than allowed declarations"
            }
            return isInertValue(attribute.value) ? nil : "\(name.local)='\(attribute.value)' is not an inert value"
        case xmlNamespace where name.local == "space" || name.local == "lang":
            return nil
        default:
            return "attribute '\(name.local)' in namespace \(name.namespace ?? "") is not allowed"
        }
    }
}
