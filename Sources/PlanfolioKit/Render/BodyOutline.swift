import Foundation
import PlanfolioMarkdown

/// Fits a document body under its page's own `<h1>`, so the page's headings
/// are in order (one `h1`, then `h2` sections).
///
/// A document written on the template opens with `# Title`, which the page
/// header already shows: that first heading is dropped when its text is the
/// document's title. Any other level-1 heading becomes level 2.
enum BodyOutline {
    static func forPage(_ body: MarkdownNode, title: String) -> MarkdownNode {
        var body = body
        var children = body.children
        if let first = children.first, case .heading(1) = first.kind,
           first.plainText.trimmingCharacters(in: .whitespaces) == title {
            children.removeFirst()
        }
        body.children = children.map { block in
            guard case .heading(1) = block.kind else { return block }
            var demoted = block
            demoted.kind = .heading(level: 2)
            return demoted
        }
        return body
    }
}
