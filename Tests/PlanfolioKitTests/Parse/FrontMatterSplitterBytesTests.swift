import Foundation
import Testing
@testable import PlanfolioKit

/// `FrontMatterSplitter.split` finds the closing line on bytes; it must
/// split every file exactly as the `Substring` version before it
/// (`splitByCharacters`, kept here) did.
@Suite struct FrontMatterSplitterBytesTests {
    static let files: [String] = [
        "", "---", "---\n", "--- \n", "---\n---\n", "---\n---", "---\n...\n", "---\nid: a\n---\nbody\n", "---\nid: a\n--- \t\nbody",
        "---\nid: a\n", "---\nid: a\n----\nno close\n", "---\nid: a\n -- \n---\n", "---\r\nid: a\r\n---\r\nbody\r\n", "---\rid: a\r---\rbody",
        "\u{FEFF}---\nid: a\n---\n# Title\n", "# no front matter\n---\n", "---\ntitle: é\u{301}\n---\n\u{301}body", "---\nx: \"---\"\n---\n",
        "---\na: 1\n---\u{301}\n---\n", "---\n\n\n...  \nbody\n\n", "---\nid: a\n---\n", "--- \nid: a\n...", "---\n---\n---\n",
    ]

    @Test(arguments: files)
    func splitsAsBefore(_ file: String) {
        #expect(FrontMatterSplitter.split(file) == Self.splitByCharacters(file))
    }

    @Test func closesAtTheFirstClosingLine() {
        let split = FrontMatterSplitter.split("---\nid: a\n--- \nbody ---\n---\n")
        #expect(split.yaml == "id: a\n")
        #expect(split.body == "body ---\n---\n")
        #expect(split.bodyFirstLine == 4)
    }

    /// `FrontMatterSplitter.split` as it was (by `String.Index` and `Substring`).
    static func splitByCharacters(_ original: String) -> SplitDocument {
        var text = original
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            return SplitDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1, unterminated: false)
        }
        let utf8 = text.utf8
        // Find the closing line, scanning line starts after the first line.
        var lineNumber = 1
        var index = utf8.firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.endIndex
        let yamlStart = index
        while index < utf8.endIndex {
            lineNumber += 1
            let lineEnd = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[index..<lineEnd]
            let trimmed = line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." {
                let yaml = String(text[yamlStart..<index])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
                return SplitDocument(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]),
                                     bodyFirstLine: lineNumber + 1, unterminated: false)
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
        }
        return SplitDocument(yaml: nil, yamlFirstLine: 2, body: text, bodyFirstLine: 1, unterminated: true)
    }
}

extension Substring {
    /// Without spaces and tabs at the end.
    fileprivate var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = Optional(index(before: end)), self[previous] == " " || self[previous] == "\t" {
            end = previous
        }
        return self[startIndex..<end]
    }
}
