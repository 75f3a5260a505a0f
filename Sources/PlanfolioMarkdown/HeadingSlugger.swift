/// Stable anchors for headings, the way GitHub makes them, so the template's
/// own Table of Contents links (`#proposed-interventions`) work on the site.
///
/// Lowercase; letters, digits, `-` and `_` kept; spaces become `-`; everything
/// else dropped. A repeated anchor gets `-1`, `-2`, ... in document order,
/// skipping any already taken, so no two headings share an id.
///
/// The theme's own ids start with `pf-` (docs/decisions.md), so an anchor
/// that would be `pf` or start with `pf-` (`## PF main`) gets `h-` in front:
/// `h-pf-main`. No heading can take a page's id.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func baseSlug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every heading), byte by byte: lowercasing ASCII
            // only maps `A`-`Z` to `a`-`z` (done here, without the Unicode
            // case mapping of `lowercased()`), and the only alphabetic ASCII
            // scalars left are `a`-`z`, the only numeric ones `0`-`9`, the
            // same answers the Unicode properties give.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    bytes.append(byte)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let lowered = text.lowercased()
        var out = ""
        for scalar in lowered.unicodeScalars {
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
        if base == "pf" || base.hasPrefix("pf-") { base = "h-" + base }
        guard var count = used[base] else {
            used[base] = 0
            return base
        }
        var candidate: String
        repeat {
            count += 1
            candidate = "\(base)-\(count)"
        } while used[candidate] != nil
        used[base] = count
        used[candidate] = 0
        return candidate
    }
}
