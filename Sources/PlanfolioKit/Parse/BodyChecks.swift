import PlanfolioMarkdown

/// Warnings about what a document's body asks for that the site will not do.
enum BodyChecks {
    static func check(_ body: MarkdownNode, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Text leaves are never raw HTML, images or links.
        body.walkSkippingTextLeaves { node in
            switch node.kind {
            case .htmlBlock, .htmlInline:
                let snippet = node.literal.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40)
                diagnostics.append(.warning(.rawHTML, "raw HTML '\(snippet)' is not published; write it in Markdown", file: file, line: node.line))
            case .image(let url, _) where URLSafety.isRemote(url):
                diagnostics.append(.warning(.remoteImage, "image '\(url)' is on another site; it is shown as a link, never loaded", file: file, line: node.line))
            case .link(let url, _) where !URLSafety.isSafe(url):
                diagnostics.append(.warning(.invalidValue, "link to '\(url.prefix(60))' uses a scheme that is not allowed; only its text is shown", file: file, line: node.line))
            default:
                break
            }
        }
        return diagnostics
    }
}
