import PlanfolioMarkdown

/// Small questions the Parse stage asks of a Markdown tree.
enum MarkdownQueries {
    /// Heading text normalised for matching section names: lowercased,
    /// spaces collapsed, "(s)" dropped so "Intervention(s)" matches "Interventions".
    static func normalizedHeading(_ text: String) -> String {
        // Runs for every heading and label of every plan, so it works on
        // UTF-8 bytes rather than through Foundation (slow on Linux), in
        // one pass over the string's own buffer into the result's. Only
        // non-ASCII text needs the Unicode lowercasing first; the ASCII bytes
        // matched below never occur inside a multi-byte character.
        var source = text
        if let normalized = source.withUTF8({ normalizedHeadingBytes($0, requireASCII: true) }) { return normalized }
        source = text.lowercased()
        return source.withUTF8 { normalizedHeadingBytes($0, requireASCII: false) } ?? ""
    }

    /// `normalizedHeading` of UTF-8 `bytes` already lowercased outside
    /// ASCII; nil when `requireASCII` and a byte is not ASCII.
    private static func normalizedHeadingBytes(_ bytes: UnsafeBufferPointer<UInt8>, requireASCII: Bool) -> String? {
        var isASCII = true
        // Never longer than the source: a space is written only in place of
        // at least one space or tab, and "(s)" becomes "s".
        let out = String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 && requireASCII {
                    isASCII = false
                    return 0
                }
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    out[count] = UInt8(ascii: " ")
                    count += 1
                    pendingSpace = false
                }
                out[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                count += 1
                if byte == UInt8(ascii: ")"), count >= 3, out[count - 2] == UInt8(ascii: "s"), out[count - 3] == UInt8(ascii: "(") {
                    count -= 2
                    out[count - 1] = UInt8(ascii: "s")
                }
            }
            return count
        }
        return isASCII ? out : nil
    }

    /// The blocks under the first heading whose text matches `name`, up to the
    /// next heading of the same or a higher level. Nil when there is no such heading.
    static func section(named name: String, in document: MarkdownNode) -> (heading: MarkdownNode, blocks: [MarkdownNode])? {
        let wanted = normalizedHeading(name)
        let blocks = document.children
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind, normalizedHeading(block.plainText) == wanted else { continue }
            return (block, sectionBlocks(blocks, after: index, level: level))
        }
        return nil
    }

    /// The blocks after `blocks[index]` up to the next heading of `level` or
    /// a higher one, copied once (appending them one by one regrew the array).
    static func sectionBlocks(_ blocks: [MarkdownNode], after index: Int, level: Int) -> [MarkdownNode] {
        var end = index + 1
        while end < blocks.count {
            if case .heading(let nextLevel) = blocks[end].kind, nextLevel <= level { break }
            end += 1
        }
        return Array(blocks[(index + 1)..<end])
    }

    /// The first level-1 heading's text, used as a title when front matter gives none.
    static func firstTitle(in document: MarkdownNode) -> (text: String, line: Int)? {
        for block in document.children {
            if case .heading(1) = block.kind {
                let text = block.plainText.trimmedLikeFoundationWhitespaces
                if !text.isEmpty { return (text, block.line) }
            }
        }
        return nil
    }

    /// `- **Key**: value` items of the lists in `blocks`, as key, value text and line.
    ///
    /// Also reads the template's `**Key\n**: value` (bold split over a line
    /// break) as `**Key**: value`.
    static func labelledItems(in blocks: [MarkdownNode]) -> [(key: String, value: String, line: Int)] {
        labelledParagraphs(in: blocks).map { ($0.key, $0.value, $0.paragraph.line) }
    }

    /// Like `labelledItems`, with the paragraph each came from, for callers
    /// that look at its inlines (placeholders, code).
    ///
    /// - Parameter wanted: when given, only labels whose key it accepts are
    ///   read (a value is the costly part, and most callers want few keys).
    static func labelledParagraphs(in blocks: [MarkdownNode], wanted: ((String) -> Bool)? = nil) -> [(key: String, value: String, paragraph: MarkdownNode)] {
        var out: [(key: String, value: String, paragraph: MarkdownNode)] = []
        // Every paragraph in document order, as `walk` visits them; a
        // paragraph holds only inlines, so nothing below one is visited
        // (walking every text node was most of the cost).
        func visit(_ node: MarkdownNode) {
            if case .paragraph = node.kind {
                if let item = labelledText(node, wanted: wanted) { out.append((item.key, item.value, node)) }
                return
            }
            node.forEachChild(visit)
        }
        for block in blocks { visit(block) }
        return out
    }

    /// `**Key**: value` at the start of a paragraph.
    ///
    /// The template writes `**Description\n**: ...`: a closing `**` right
    /// after a line break cannot close emphasis in CommonMark, so cmark leaves
    /// it as the text `**Description`, a soft break, then `**: ...`. That
    /// shape is read as the key `Description` too.
    /// With `wanted`, nil for a key it does not accept, before the value is read.
    static func labelledText(_ paragraph: MarkdownNode, wanted: ((String) -> Bool)? = nil) -> (key: String, value: String)? {
        let children = paragraph.children
        guard let first = children.first else { return nil }
        var key: String
        var restNodes: ArraySlice<MarkdownNode>
        var rest = ""
        switch first.kind {
        case .strong:
            // Bold of one run of text (nearly every label): its literal.
            key = first.soleTextChild?.literal ?? first.plainText
            restNodes = children.dropFirst()
        case .text where first.literal.hasPrefix("**") && children.count >= 3:
            let breakNode = children[1]
            let after = children[2]
            guard case .softBreak = breakNode.kind, case .text = after.kind, after.literal.hasPrefix("**:") else { return nil }
            key = String(first.literal.dropFirst(2))
            rest = String(after.literal.dropFirst(2))
            restNodes = children.dropFirst(3)
        default:
            return nil
        }
        key = key.trimmedWhitespace
        if let wanted, !wanted(key) { return nil }
        for child in restNodes {
            child.appendPlainText(to: &rest)
            // Not a label unless the rest starts with ':': stop reading now.
            if let byte = rest.utf8.first, byte != UInt8(ascii: ":") { return nil }
        }
        guard rest.hasPrefix(":"), !key.isEmpty else { return nil }
        // The first character is exactly ":", one byte.
        let value = Substring(rest.utf8.dropFirst()).trimmedWhitespace
        return (key, value)
    }
}
