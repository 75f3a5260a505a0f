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
            case .image(let url, _) where !URLSafety.isRelativePath(url) && !(url.hasPrefix("/") && URLSafety.scheme(of: url) == nil):
                // Absolute paths are the Link stage's errors (LinkedFiles).
                diagnostics.append(.warning(.invalidValue,
                    "image '\(url.prefix(60))' is neither a file beside the document nor on another site; only its text is shown",
                    file: file, line: node.line))
            case .link(let url, _) where !URLSafety.isSafe(url):
                diagnostics.append(.warning(.invalidValue, "link to '\(url.prefix(60))' uses a scheme that is not allowed; only its text is shown", file: file, line: node.line))
            default:
                break
            }
        }
        return diagnostics
    }

    /// What `MarkdownParser` left out of a body, as an error: the page would
    /// not show what the author wrote.
    static func diagnostic(_ problem: MarkdownProblem, file: String) -> Diagnostic {
        switch problem.kind {
        case .tableTooWide(let columns, let more):
            return .error(.tableTooLarge,
                "table has \(columns) columns, more than the \(TableBudget.maximumColumns) a table may have; it is shown as text"
                    + others(more, "table", "too wide"),
                file: file, line: problem.line)
        case .tooManyTableCells(let cells, let more):
            return .error(.tableTooLarge,
                "table of up to \(cells) cells takes the document's tables past \(TableBudget.maximumCells) cells; it is shown as text"
                    + others(more, "table", "over the budget"),
                file: file, line: problem.line)
        case .nestedTooDeep:
            return .error(.nestingTooDeep,
                "lists, quotes, emphasis or links are nested more than \(MarkdownParser.maximumDepth) levels deep here; what is nested deeper is left out",
                file: file, line: problem.line)
        case .referenceTooLarge(let bytes, let uses, let more):
            return .error(.referenceTooLarge,
                "reference definition of \(bytes) bytes could be copied into each of up to \(uses) links, past what the document may hold"
                    + " (four times its length and 1 MiB); it is shown as text" + others(more, "definition", "over the budget"),
                file: file, line: problem.line)
        }
    }

    private static func others(_ count: Int, _ noun: String, _ state: String) -> String {
        switch count {
        case 0: ""
        case 1: " (and 1 more \(noun) \(state))"
        default: " (and \(count) more \(noun)s \(state))"
        }
    }
}
