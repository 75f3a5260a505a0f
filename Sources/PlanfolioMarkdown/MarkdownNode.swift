/// One node of a parsed Markdown document, copied out of cmark's C tree.
///
/// Plain values with the source line of each node, so that every later stage
/// can inspect, rewrite and render a document without touching C memory.
public struct MarkdownNode: Sendable, Equatable {
    /// The kinds with payloads other than a flag are `indirect` (boxed): that
    /// keeps `Kind` at 9 bytes and a node at 56 instead of 80, which is about
    /// a tenth of a 20,000-document build's memory (docs/performance.md).
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        indirect case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for an ordinary item, else whether its box is checked.
        case item(task: Bool?)
        indirect case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        indirect case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case strikethrough
        indirect case link(url: String, title: String)
        indirect case image(url: String, title: String)
        /// A construct planfolio does not render (footnotes and the like); its children still are.
        indirect case other(String)
    }

    public enum TableAlignment: Sendable, Equatable { case none, left, center, right }

    public var kind: Kind
    /// The text of `text`, `code`, `codeBlock`, `htmlBlock` and `htmlInline` nodes.
    public var literal: String
    public var children: [MarkdownNode]
    /// 1-based line in the file the Markdown came from.
    public var line: Int
    /// 1-based column, 0 where cmark does not know it.
    public var column: Int

    public init(_ kind: Kind, literal: String = "", children: [MarkdownNode] = [], line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.line = line
        self.column = column
    }

    /// The text a reader sees in this node and its children (no markup).
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        switch kind {
        case .text, .code, .codeBlock: out += literal
        case .softBreak, .lineBreak: out += " "
        case .htmlInline, .htmlBlock: break
        default:
            for child in children { child.appendPlainText(to: &out) }
        }
    }

    /// Calls `visit` on this node and every node below it, depth first, in document order.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }
}
