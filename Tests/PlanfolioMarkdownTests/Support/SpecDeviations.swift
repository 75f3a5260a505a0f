import Foundation
@testable import PlanfolioMarkdown

/// Where planfolio's Markdown writer differs from cmark-gfm's HTML by
/// design, read from `Tests/Fixtures/cmark-gfm-spec/deviations.txt`.
///
/// The file explains each category once:
///
///     category NAME transform|exempt: why
///
/// and names the examples each applies to, one line a group:
///
///     FILE NUMBERS CATEGORY [CATEGORY ...]
///
/// where NUMBERS is a comma-separated list of numbers and ranges (`50-54,56`).
/// A `transform` category rewrites one side of the comparison (both already
/// normalised) so that the difference it names goes away and the rest of the
/// example is still compared; an `exempt` one leaves the example out of the
/// comparison. Lines starting with `#` are comments.
struct SpecDeviations {
    struct Category {
        var name: String
        var exempt: Bool
        var reason: String
    }

    var categories: [String: Category] = [:]
    /// Category names by file and example number.
    var byExample: [String: [Int: [String]]] = [:]
    /// Lines that could not be read, with the reason.
    var problems: [String] = []

    init(_ text: String) {
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words[0] == "category" {
                guard words.count >= 4, words[2] == "transform:" || words[2] == "exempt:" else {
                    problems.append("line \(offset + 1): expected 'category NAME transform|exempt: reason'")
                    continue
                }
                if categories[words[1]] != nil { problems.append("line \(offset + 1): category \(words[1]) explained twice") }
                categories[words[1]] = Category(name: words[1], exempt: words[2] == "exempt:", reason: words[3...].joined(separator: " "))
                continue
            }
            guard words.count >= 3, let numbers = Self.numbers(words[1]) else {
                problems.append("line \(offset + 1): expected 'FILE NUMBERS CATEGORY...'")
                continue
            }
            for number in numbers {
                byExample[words[0], default: [:]][number, default: []] += words[2...]
            }
        }
    }

    private static func numbers(_ text: String) -> [Int]? {
        var result: [Int] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0) }
            switch bounds.count {
            case 1: guard let single = bounds[0] else { return nil }; result.append(single)
            case 2: guard let low = bounds[0], let high = bounds[1], low <= high else { return nil }; result += Array(low...high)
            default: return nil
            }
        }
        return result
    }

    func categories(of example: SpecExample) -> [String] {
        byExample[example.file]?[example.number] ?? []
    }

    // MARK: Transforms

    /// The comparison's two sides after the `transform` categories `names`.
    static func apply(_ names: [String], actual: String, expected: String) -> (actual: String, expected: String) {
        var actual = actual
        var expected = expected
        for name in names {
            switch name {
            case "heading-ids":
                actual = replacing(#"<h([1-6]) id="[^"]*">"#, in: actual) { "<h\($0[1])>" }
            case "table-wrapper":
                actual = actual.replacingOccurrences(of: "<div class=\"table-wrap\"><table>", with: "<table>")
                    .replacingOccurrences(of: "</table></div>", with: "</table>")
            case "table-alignment":
                actual = replacing(#"<(th|td) class="align-(left|center|right)">"#, in: actual) { "<\($0[1]) align=\"\($0[2])\">" }
            case "outside-link-rel":
                actual = replacing(#"<a href="([^"]*)"( title="[^"]*")? rel="noopener noreferrer">"#, in: actual) { "<a href=\"\($0[1])\"\($0[2])>" }
            case "task-marks":
                actual = actual
                    .replacingOccurrences(of: "<li class=\"task\"><span aria-label=\"done\" class=\"task-box\" role=\"img\">\u{2611}</span>",
                                          with: "<li><input checked=\"\" disabled=\"\" type=\"checkbox\">")
                    .replacingOccurrences(of: "<li class=\"task\"><span aria-label=\"not done\" class=\"task-box\" role=\"img\">\u{2610}</span>",
                                          with: "<li><input disabled=\"\" type=\"checkbox\">")
            case "image-source":
                expected = replacing(#"<img alt="([^"]*)" src="([^"]*)"( title="[^"]*")?>"#, in: expected) { match in
                    let source = unescaped(match[2])
                    return URLSafety.isRelativePath(source) || URLSafety.isRemote(source) ? match[0] : match[1]
                }
            case "remote-image":
                expected = remoteImagesAsLinks(expected)
            case "link-scheme":
                expected = replacing(#"<a href="([^"]*)"( title="[^"]*")?>(.*?)</a>"#, in: expected) { match in
                    URLSafety.isSafe(unescaped(match[1])) ? match[0] : match[3]
                }
            default:
                break
            }
        }
        return (actual, expected)
    }

    /// Remote images as planfolio shows them: a link to the image, labelled
    /// with its text or else its URL; inside a link, the label alone.
    private static func remoteImagesAsLinks(_ html: String) -> String {
        var out = ""
        var depth = 0
        var rest = Substring(html)
        let image = try! NSRegularExpression(pattern: #"^<img alt="([^"]*)" src="([^"]*)"( title="[^"]*")?>"#)
        while let first = rest.first {
            if rest.hasPrefix("<a ") { depth += 1 }
            if rest.hasPrefix("</a>") { depth -= 1 }
            let text = String(rest)
            if first == "<", let match = image.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let altRange = Range(match.range(at: 1), in: text), let sourceRange = Range(match.range(at: 2), in: text),
               let whole = Range(match.range, in: text), URLSafety.isRemote(unescaped(String(text[sourceRange]))) {
                let source = String(text[sourceRange])
                let label = text[altRange].isEmpty ? source : String(text[altRange])
                out += depth > 0 ? "Image: \(label)"
                    : "<a class=\"remote-image\" href=\"\(source)\" rel=\"noopener noreferrer\">Image: \(label)</a>"
                rest = rest.dropFirst(text.distance(from: text.startIndex, to: whole.upperBound))
                continue
            }
            out.append(first)
            rest = rest.dropFirst()
        }
        return out
    }

    /// An attribute value of normalised HTML as its text.
    private static func unescaped(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `text` with each match of `pattern` replaced by `replacement` of its
    /// groups (0 the whole match; a group that did not take part is empty).
    private static func replacing(_ pattern: String, in text: String, _ replacement: ([String]) -> String) -> String {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        var out = ""
        var last = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text) else { continue }
            let groups = (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            out += text[last..<whole.lowerBound]
            out += replacement(groups)
            last = whole.upperBound
        }
        out += text[last...]
        return out
    }
}
