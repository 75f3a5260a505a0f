import Foundation
import Testing

/// One example of a CommonMark-style spec file (cmark-gfm's `test/spec.txt`
/// and `test/extensions.txt`): Markdown and the HTML cmark-gfm writes for it.
///
/// Read the way cmark's `spec_tests.py` reads them: an example opens with a
/// line of 32 backticks and ` example` (and the extensions it needs), the
/// Markdown ends at a line `.`, the HTML at the closing line of 32 backticks;
/// `→` stands for a tab. Examples are numbered from 1 in each file, counting
/// the `disabled` ones, which are left out.
struct SpecExample: Sendable, CustomTestStringConvertible {
    var file: String
    var number: Int
    var line: Int
    var section: String
    var markdown: String
    var html: String

    var testDescription: String { "\(file) example \(number) (line \(line), \(section))" }

    static let fence = String(repeating: "`", count: 32)

    static func examples(in text: String, file: String) -> [SpecExample] {
        var examples: [SpecExample] = []
        var number = 0
        var state = 0  // 0 prose, 1 Markdown, 2 HTML
        var disabled = false
        var start = 0
        var section = ""
        var markdown = ""
        var html = ""
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(rawLine) + "\n"
            let stripped = rawLine.trimmingCharacters(in: .whitespaces)
            if stripped.hasPrefix(fence + " example") {
                state = 1
                disabled = stripped.dropFirst(fence.count + " example".count).split(separator: " ").contains("disabled")
                start = lineNumber
            } else if stripped == fence {
                state = 0
                number += 1
                if !disabled {
                    examples.append(SpecExample(file: file, number: number, line: start, section: section,
                                                markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                                html: html.replacingOccurrences(of: "→", with: "\t")))
                }
                markdown = ""
                html = ""
            } else if stripped == "." && state == 1 {
                state = 2
            } else if state == 1 {
                markdown += line
            } else if state == 2 {
                html += line
            } else if rawLine.hasPrefix("#"), let space = rawLine.firstIndex(of: " "),
                      rawLine[..<space].allSatisfy({ $0 == "#" }) {
                section = rawLine[space...].trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }
}
