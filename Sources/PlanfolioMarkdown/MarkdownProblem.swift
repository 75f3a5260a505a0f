/// Something in a document's Markdown that is not rendered as written
/// because rendering it would cost the build too much: the Parse stage
/// reports each one as an error at its line.
///
/// `MarkdownParser` finds them: `TableBudget` and `ReferenceBudget` before
/// cmark sees the text, the depth cap while the tree is copied out of cmark.
public struct MarkdownProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A table with more than `TableBudget.maximumColumns` columns, shown
        /// as text; `more` later tables of the document are too wide as well.
        case tableTooWide(columns: Int, more: Int)
        /// From this table on, the tables would take the document past
        /// `TableBudget.maximumCells` cells; it and the `more` tables after it
        /// are shown as text.
        case tooManyTableCells(cells: Int, more: Int)
        /// Blocks or inlines nested deeper than `MarkdownParser.maximumDepth`;
        /// what is nested deeper is left out.
        case nestedTooDeep
        /// A reference definition of `bytes` (destination and title) that
        /// the document's `uses` links could each copy past
        /// `ReferenceBudget.budget`; it, and `more` others, are shown as text.
        case referenceTooLarge(bytes: Int, uses: Int, more: Int)
    }

    public var kind: Kind
    /// 1-based line in the file the Markdown came from.
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }
}

/// A parsed document and what `MarkdownParser` had to leave out of it.
public struct ParsedMarkdown: Sendable, Equatable {
    public var document: MarkdownNode
    /// In the order of their lines; empty for nearly every document.
    public var problems: [MarkdownProblem]

    public init(document: MarkdownNode, problems: [MarkdownProblem]) {
        self.document = document
        self.problems = problems
    }
}
