/// Stable anchors for headings, the way GitHub makes them, so the template's
/// own Table of Contents links (`#proposed-interventions`) work on the site.
///
/// Lowercase; letters, digits, `-` and `_` kept; spaces become `-`; everything
/// else dropped. A repeated anchor gets `-1`, `-2`, ... in document order.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func baseSlug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out += "-"
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public mutating func slug(_ text: String) -> String {
        var base = Self.baseSlug(text)
        if base.isEmpty { base = "section" }
        if let count = used[base] {
            used[base] = count + 1
            let candidate = "\(base)-\(count + 1)"
            used[candidate] = 0
            return candidate
        }
        used[base] = 0
        return base
    }
}
