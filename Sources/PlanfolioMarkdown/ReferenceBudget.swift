/// Bounds what reference links can cost, before cmark sees the text.
///
/// cmark-gfm 0.29.0.gfm.6 copies a reference definition's URL and title
/// into every link that uses it, and planfolio's tree and page copy them
/// again: `[x][r]` written 20,000 times under a 10 KB `[r]: URL` takes
/// 150 KB of text to 400 MB in cmark and a 200 MB page; a whole file could
/// ask for terabytes. So the text is scanned first, in one cheap pass that
/// can only overestimate:
///
/// - every `[label]:` anywhere (not only where cmark would read a
///   definition) is taken as a definition, of as many bytes as its
///   destination and title (the title up to its closing quote or the next
///   blank line);
/// - every `]` of the text is taken as a use of any definition;
/// - a `[label]:` inside the destination or title just scanned for another
///   is not scanned again (the pass stays linear): its size is taken as all
///   that is left of that scan, which holds its own destination and title.
///
/// Definitions larger than the document's budget (`MarkdownParser.linkBudget`,
/// four times the text and 1 MiB) divided by the uses are neutralised: a
/// backslash before the `[` keeps cmark from reading a definition there
/// (its text stays, on the same lines), and a problem is reported. Links
/// written inline need no budget: their URLs are in the text.
public enum ReferenceBudget {
    /// Bytes of URLs and titles the links of a document of `length` bytes may copy.
    public static func budget(length: Int) -> Int { 4 * length + 1024 * 1024 }

    /// What could be a reference definition.
    struct Candidate: Equatable {
        /// UTF-8 offset of its `[`.
        var offset: Int
        /// 0-based line of its `[`.
        var line: Int
        /// Bytes of its destination and title.
        var size: Int
    }

    /// `text` with the definitions over budget neutralised (nil when all fit,
    /// nearly always), and a problem for what was neutralised; lines count from `firstLine`.
    static func apply(to text: String, firstLine: Int) -> (text: String?, problems: [MarkdownProblem]) {
        let (candidates, uses) = scan(text)
        guard !candidates.isEmpty, uses > 0 else { return (nil, []) }
        let limit = budget(length: text.utf8.count) / uses
        let over = candidates.filter { $0.size > limit }
        guard let first = over.first, let largest = over.map(\.size).max() else { return (nil, []) }
        let problem = MarkdownProblem(.referenceTooLarge(bytes: largest, uses: uses, more: over.count - 1), line: firstLine + first.line)
        return (BudgetScanning.neutralised(text, at: over.map(\.offset)), [problem])
    }

    /// Every `[label]:` of `text` with its size, and the count of `]`.
    static func scan(_ text: String) -> (candidates: [Candidate], uses: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var candidates: [Candidate] = []
            var uses = 0
            var line = 0
            var index = 0
            // The end of the last destination and title scanned.
            var scanned = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"):
                    line += 1
                case UInt8(ascii: "]"):
                    uses += 1
                case UInt8(ascii: "["):
                    guard let valueStart = labelEnd(bytes, openingAt: index) else { break }
                    if index < scanned {
                        candidates.append(Candidate(offset: index, line: line, size: scanned - index))
                    } else {
                        let (size, end) = valueSize(bytes, from: valueStart)
                        candidates.append(Candidate(offset: index, line: line, size: size))
                        scanned = end
                    }
                default:
                    break
                }
                index += 1
            }
            return (candidates, uses)
        }
    }

    /// Where the value starts when `[` at `start` opens `[label]:`, else nil.
    private static func labelEnd(_ bytes: UnsafeBufferPointer<UInt8>, openingAt start: Int) -> Int? {
        // The label: at most 999 bytes, no unescaped `[`, any line breaks.
        var index = start + 1
        while index < bytes.count, index - start <= 1000 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "[") { return nil }
            if byte == UInt8(ascii: "]") { break }
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: ":") else { return nil }
        return index + 2
    }

    /// The bytes of the destination and title from `start`, and where the scan ended.
    private static func valueSize(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (size: Int, end: Int) {
        var index = skipSpace(bytes, from: start)
        // The destination: `<...>` on one line, or a run of non-blank bytes.
        let destinationStart = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
            while index < bytes.count, bytes[index] != UInt8(ascii: ">"), !isLineEnd(bytes[index]) { index += 1 }
        } else {
            while index < bytes.count, bytes[index] > 0x20 { index += 1 }
        }
        let destination = index - destinationStart
        let destinationEnd = index
        // The title, if one opens: to its closing quote or the next blank line.
        index = skipSpace(bytes, from: index)
        guard index < bytes.count else { return (destination, destinationEnd) }
        let close: UInt8
        switch bytes[index] {
        case UInt8(ascii: "\""): close = UInt8(ascii: "\"")
        case UInt8(ascii: "'"): close = UInt8(ascii: "'")
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return (destination, destinationEnd)
        }
        let titleStart = index
        index += 1
        var blankSoFar = false
        while index < bytes.count, bytes[index] != close {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            // CR LF is one line break.
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1; continue }
            if isLineEnd(byte) {
                if blankSoFar { break }
                blankSoFar = true
            } else if !BudgetScanning.isContainerPrefix(byte) {
                blankSoFar = false
            }
            index += 1
        }
        let end = min(index + 1, bytes.count)
        return (destination + end - titleStart, end)
    }

    /// Past blanks and at most one line break (with the next line's block-quote markers and indentation).
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count, isLineEnd(bytes[index]) else { return index }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        index += 1
        while index < bytes.count, BudgetScanning.isContainerPrefix(bytes[index]) { index += 1 }
        return index
    }

    private static func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
}
