import PlanfolioMarkdown

/// Finds bracketed text left from the plan template, such as `[Name of AI system]`.
///
/// A placeholder is square-bracketed text in prose, headings or table cells
/// that cmark did not turn into a link. Text in code, in links and images,
/// and a task-list box (`[ ]`, `[x]`, `[X]`) opening a list item are not
/// placeholders. cmark leaves an unresolved `[text]` as plain text, possibly
/// split over several text nodes and emphasis, so the finder reads each
/// block's inlines as one run of text before matching brackets.
enum PlaceholderFinder {
    /// One placeholder: its text with the brackets, and the file line and
    /// column (in bytes, 0 when unknown) of its `[`.
    struct Found: Sendable, Hashable {
        var text: String
        var line: Int
        var column: Int
    }

    /// Every placeholder in `blocks` and the blocks below them, in document order.
    static func find(in blocks: [MarkdownNode]) -> [Found] {
        var out: [Found] = []
        for block in blocks { collect(block, into: &out) }
        return out
    }

    /// The placeholders in the inlines of one block (paragraph, heading, table cell).
    static func find(inInlines container: MarkdownNode, opensListItem: Bool = false) -> [Found] {
        guard hasBracket(container) else { return [] }
        return scan(InlineRun(container, opensListItem: opensListItem)).found
    }

    /// Whether a tree parsed from `source` may have a `[` in its text. cmark
    /// copies text from the source, so a `[` in a text node was a `[` there
    /// (escaped or not), or an entity such as `&#91;` or `&lsqb;`: without
    /// either byte there is nothing for `find` to find. (Most finished plans
    /// have no brackets; the scan of every block was a fifth of reading one.)
    static func mayHoldBrackets(_ source: String) -> Bool {
        UTF8Search.contains(UInt8(ascii: "["), in: source) || UTF8Search.contains(UInt8(ascii: "&"), in: source)
    }

    /// Whether any text below `node` has a `[`: most blocks have none, and
    /// are then not copied character by character.
    static func hasBracket(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .text: return UTF8Search.contains(UInt8(ascii: "["), in: node.literal)
        case .code, .htmlInline, .link, .image: return false
        default: return node.containsChild(where: hasBracket)
        }
    }

    /// True when `container`'s text is one or more placeholders and nothing
    /// else, like the template's `[Date]` cell.
    static func isOnlyPlaceholders(_ container: MarkdownNode) -> Bool {
        guard hasBracket(container) else { return false }
        let result = scan(InlineRun(container, opensListItem: false))
        return !result.found.isEmpty && result.rest.allSatisfy(\.isWhitespace)
    }

    /// True when `value` (text read from `paragraph`, such as a labelled
    /// item's value) is made of the paragraph's placeholders and nothing else.
    static func isOnlyPlaceholders(_ value: String, in paragraph: MarkdownNode) -> Bool {
        let found = find(inInlines: paragraph)
        guard !found.isEmpty else { return false }
        var rest = value
        for placeholder in found {
            rest = rest.replacingOccurrences(of: placeholder.text, with: "")
        }
        return rest != value && rest.allSatisfy(\.isWhitespace)
    }

    private static func collect(_ node: MarkdownNode, into out: inout [Found]) {
        switch node.kind {
        case .paragraph, .heading, .tableCell:
            out += find(inInlines: node)
        case .item(let task):
            var index = 0
            node.forEachChild { child in
                if index == 0, task == nil, case .paragraph = child.kind {
                    out += find(inInlines: child, opensListItem: true)
                } else {
                    collect(child, into: &out)
                }
                index += 1
            }
        case .codeBlock, .htmlBlock, .htmlInline, .code, .link, .image:
            return
        default:
            node.forEachChild { collect($0, into: &out) }
        }
    }

    /// A block's inline text as characters with their lines; code, links,
    /// images and raw HTML become a barrier that no placeholder spans.
    private struct InlineRun {
        static let barrier: Character = "\u{0}"
        var characters: [Character] = []
        var lines: [Int] = []
        var columns: [Int] = []
        /// Characters before this index are a task box, skipped.
        var skip = 0

        init(_ container: MarkdownNode, opensListItem: Bool) {
            for child in container.children { append(child) }
            if opensListItem, characters.count >= 3, characters[0] == "[", characters[2] == "]",
               [" ", "x", "X"].contains(characters[1]), characters.count == 3 || characters[3].isWhitespace {
                skip = 3
            }
        }

        mutating func append(_ node: MarkdownNode) {
            switch node.kind {
            case .text:
                var column = node.column
                for character in node.literal {
                    characters.append(character)
                    lines.append(node.line)
                    columns.append(node.column > 0 ? column : 0)
                    column += character.utf8.count
                }
            case .softBreak, .lineBreak:
                characters.append(" ")
                lines.append(node.line)
                columns.append(0)
            case .code, .htmlInline, .link, .image:
                characters.append(Self.barrier)
                lines.append(node.line)
                columns.append(0)
            default:
                for child in node.children { append(child) }
            }
        }
    }

    /// Matches brackets in a run: each outermost balanced `[...]` with some
    /// text inside is a placeholder; `rest` is the run without them.
    private static func scan(_ run: InlineRun) -> (found: [Found], rest: String) {
        var found: [Found] = []
        var rest = ""
        let characters = run.characters
        let closes = matchingCloses(characters, from: run.skip)
        var index = run.skip
        if run.skip > 0 { rest += String(characters[0..<run.skip]) }
        while index < characters.count {
            let character = characters[index]
            guard let close = closes[index] else {
                rest.append(character == InlineRun.barrier ? "\u{FFFC}" : character)
                index += 1
                continue
            }
            let inner = characters[(index + 1)..<close]
            if inner.allSatisfy(\.isWhitespace) || inner.first == "^" {
                // `[]`, `[ ]` and footnote-style `[^1]` are not template text.
                rest += String(characters[index...close])
            } else {
                found.append(Found(text: String(characters[index...close]), line: run.lines[index], column: run.columns[index]))
            }
            index = close + 1
        }
        return (found, rest)
    }

    /// For each `[` that a later `]` closes (with no barrier between), the
    /// index of that `]`. One pass with a stack, so a run full of brackets
    /// costs linear time.
    private static func matchingCloses(_ characters: [Character], from start: Int) -> [Int: Int] {
        var closes: [Int: Int] = [:]
        var open: [Int] = []
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "[": open.append(index)
            case "]": if let last = open.popLast() { closes[last] = index }
            case InlineRun.barrier: open.removeAll()
            default: break
            }
            index += 1
        }
        return closes
    }
}
