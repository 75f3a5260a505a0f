import Foundation

/// Separates YAML front matter from the Markdown body.
///
/// Front matter is the text between a first line `---` and the next line
/// `---` (or `...`). A UTF-8 BOM and CRLF line ends are accepted; lines are
/// counted in the original file so diagnostics point at the right place.
public struct SplitDocument: Sendable, Equatable {
    /// The YAML text, nil when the file has no front matter.
    public var yaml: String?
    /// File line of the first YAML line (2 when the file starts with `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// File line the body starts on.
    public var bodyFirstLine: Int
    /// True when an opening `---` has no closing line.
    public var unterminated: Bool
}

public enum FrontMatterSplitter {
    public static func split(_ original: String) -> SplitDocument {
        var text = original
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // memchr: Foundation's `contains(String)` cost ~1M instructions per 5 KB file.
        if text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }) ?? text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            return SplitDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1, unterminated: false)
        }
        // Find the closing line, scanning line starts after the first line,
        // on the bytes: the line ends and the ASCII closing lines are bytes.
        let found = text.withUTF8 { bytes -> (yaml: Range<Int>, bodyStart: Int, bodyFirstLine: Int)? in
            var lineNumber = 1
            var index = (lineEnd(bytes, from: 0).map { $0 + 1 }) ?? bytes.count
            let yamlStart = index
            while index < bytes.count {
                lineNumber += 1
                let lineEnd = lineEnd(bytes, from: index) ?? bytes.count
                if isClosingLine(UnsafeBufferPointer(rebasing: bytes[index..<lineEnd])) {
                    return (yamlStart..<index, min(lineEnd + 1, bytes.count), lineNumber + 1)
                }
                index = min(lineEnd + 1, bytes.count)
            }
            return nil
        }
        guard let found else {
            return SplitDocument(yaml: nil, yamlFirstLine: 2, body: text, bodyFirstLine: 1, unterminated: true)
        }
        // Cut by index (offsets after a newline are character boundaries),
        // so the parts are copied, not decoded again.
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return SplitDocument(yaml: String(text[index(found.yaml.lowerBound)..<index(found.yaml.upperBound)]), yamlFirstLine: 2,
                             body: String(text[index(found.bodyStart)...]), bodyFirstLine: found.bodyFirstLine, unterminated: false)
    }

    /// Offset of the first newline at or after `start`.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// `---` or `...`, then only spaces and tabs.
    private static func isClosingLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end == 3 else { return false }
        return (line[0] == UInt8(ascii: "-") && line[1] == UInt8(ascii: "-") && line[2] == UInt8(ascii: "-"))
            || (line[0] == UInt8(ascii: ".") && line[1] == UInt8(ascii: ".") && line[2] == UInt8(ascii: "."))
    }
}
