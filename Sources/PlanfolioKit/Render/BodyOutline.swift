import PlanfolioMarkdown

/// Fits a document body under its page's own `<h1>`, so the page's headings
/// are in order: one `h1` (the page header), then `h2` sections.
///
/// `Document.bodyWithoutTitleHeading` already drops the body's leading
/// `# Title`; any other level-1 heading in the body becomes level 2.
enum BodyOutline {
    static func forPage(_ body: MarkdownNode) -> MarkdownNode {
        var body = body
        body.children = body.children.map { block in
            guard case .heading(1) = block.kind else { return block }
            var demoted = block
            demoted.kind = .heading(level: 2)
            return demoted
        }
        return body
    }
}
