import PlanfolioMarkdown

/// Fits a document body under its page's own `<h1>`, so the page's headings
/// are in order: one `h1` (the page header), then `h2` sections.
///
/// The body's leading `# Title` is left out (the page shows the title
/// itself); any other level-1 heading of the body becomes level 2. Works
/// block by block, as `BodySplitter` writes them, so the tree is not copied.
enum BodyOutline {
    /// The top-level blocks of the page's body: `body`'s less a leading
    /// level-1 heading.
    static func blocks(of body: MarkdownNode) -> ArraySlice<MarkdownNode> {
        let blocks = body.children
        guard case .heading(1) = blocks.first?.kind else { return blocks[...] }
        return blocks.dropFirst()
    }

    /// `block` as the page shows it: a level-1 heading as level 2.
    static func forPage(_ block: MarkdownNode) -> MarkdownNode {
        guard case .heading(1) = block.kind else { return block }
        var demoted = block
        demoted.kind = .heading(level: pageLevel(1))
        return demoted
    }

    /// The level the page shows a top-level heading of `level` at.
    static func pageLevel(_ level: Int) -> Int {
        level == 1 ? 2 : level
    }
}
