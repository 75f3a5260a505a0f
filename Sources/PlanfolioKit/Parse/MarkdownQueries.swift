import PlanfolioMarkdown

/// Small questions the Parse stage asks of a Markdown tree.
enum MarkdownQueries {
    /// Heading text normalised for matching section names: lowercased,
    /// spaces collapsed, "(s)" dropped so "Intervention(s)" matches "Interventions".
    static func normalizedHeading(_ text: String) -> String {
        let lowered = text.lowercased().replacingOccurrences(of: "(s)", with: "s")
        return lowered.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The blocks under the first heading whose text matches `name`, up to the
    /// next heading of the same or a higher level. Nil when there is no such heading.
    static func section(named name: String, in document: MarkdownNode) -> (heading: MarkdownNode, blocks: [MarkdownNode])? {
        let wanted = normalizedHeading(name)
        let blocks = document.children
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind, normalizedHeading(block.plainText) == wanted else { continue }
            var content: [MarkdownNode] = []
            for next in blocks[(index + 1)...] {
                if case .heading(let nextLevel) = next.kind, nextLevel <= level { break }
                content.append(next)
            }
            return (block, content)
        }
        return nil
    }

    /// The first level-1 heading's text, used as a title when front matter gives none.
    static func firstTitle(in document: MarkdownNode) -> String? {
        for block in document.children {
            if case .heading(1) = block.kind {
                let text = block.plainText.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { return text }
            }
        }
        return nil
    }

    /// `- **Key**: value` items of the lists in `blocks`, as key, value text and line.
    ///
    /// Also reads the template's `**Key\n**: value` (bold split over a line
    /// break) as `**Key**: value`.
    static func labelledItems(in blocks: [MarkdownNode]) -> [(key: String, value: String, line: Int)] {
        var out: [(String, String, Int)] = []
        for block in blocks {
            block.walk { node in
                guard case .paragraph = node.kind else { return }
                if let item = labelledText(node) { out.append((item.key, item.value, node.line)) }
            }
        }
        return out
    }

    /// `**Key**: value` at the start of a paragraph.
    static func labelledText(_ paragraph: MarkdownNode) -> (key: String, value: String)? {
        guard let first = paragraph.children.first, case .strong = first.kind else { return nil }
        let key = first.plainText.trimmingCharacters(in: .whitespaces)
        var rest = ""
        for child in paragraph.children.dropFirst() {
            rest += child.plainText
        }
        guard rest.hasPrefix(":") else { return nil }
        let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        return (key, value)
    }
}
