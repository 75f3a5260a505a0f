import CCmarkGFM
import Foundation

/// Parses Markdown with cmark-gfm and copies the result into `MarkdownNode` values.
///
/// This is the only code that parses with cmark. GitHub's flavour is used
/// (tables, strikethrough, autolinks, tag filter, task lists); the C tree is
/// freed before `parse` returns.
///
/// cmark-gfm 0.29.0.gfm.6 is not thread safe (process-wide special-character
/// tables; see `CmarkLibrary`), so parses take turns on the library; the
/// rest of a build (reading, front matter, linking, rendering) runs on
/// every core meanwhile.
public enum MarkdownParser {
    /// How deep blocks and inlines may nest below the document: a list item
    /// in a list is two levels, emphasis in a paragraph one more. Documents
    /// need a dozen or so; nodes deeper than this are left out of the tree
    /// (`MarkdownProblem.Kind.nestedTooDeep`), so that every walk over a
    /// tree, and the release of one, may recurse: a tree is never deeper
    /// than this, whatever the input (cmark itself copes with any depth).
    public static let maximumDepth = 100

    /// Parses `text`; `firstLine` is the file line the text starts on, so that
    /// node lines point into the original file (after front matter).
    public static func parse(_ text: String, firstLine: Int = 1) -> MarkdownNode {
        parseReportingProblems(text, firstLine: firstLine).document
    }

    /// `parse`, with what had to be left out of the document: tables over
    /// `TableBudget`'s limits and reference definitions over
    /// `ReferenceBudget`'s (shown as text), and nesting deeper than `maximumDepth`.
    public static func parseReportingProblems(_ text: String, firstLine: Int = 1) -> ParsedMarkdown {
        parsed(text, firstLine: firstLine, kindsByName: false, allocator: .bump)
    }

    /// The memory cmark parses with. Only tests choose: the public `parse`
    /// always uses `.bump`.
    enum Allocator {
        /// `CmarkBumpAllocator`: the C tree is taken back whole after the parse.
        case bump
        /// cmark's default allocator (malloc and free, node by node): what
        /// tests compare the bump allocator's trees with.
        case system
    }

    /// For tests: `parse`, optionally telling every node's kind by its type
    /// name (the slow way, to check the type numbers) or allocating with another
    /// `allocator`, to compare the trees.
    static func parse(_ text: String, firstLine: Int, kindsByName: Bool, allocator: Allocator = .bump) -> MarkdownNode {
        parsed(text, firstLine: firstLine, kindsByName: kindsByName, allocator: allocator).document
    }

    /// The parse every other one is: tables and references kept within
    /// `TableBudget` and `ReferenceBudget`, then cmark with its extensions
    /// and the given allocator, then the copy. Only cmark's parse takes turns
    /// with other threads (`CmarkLibrary.withShared`); the rest runs on every core.
    static func parsed(_ text: String, firstLine: Int, kindsByName: Bool, allocator: Allocator) -> ParsedMarkdown {
        let budget = TableBudget.apply(to: text, firstLine: firstLine)
        let references = ReferenceBudget.apply(to: budget.text ?? text, firstLine: firstLine)
        let text = references.text ?? budget.text ?? text
        let problems = budget.problems + references.problems
        var parsed: ParsedMarkdown
        switch allocator {
        case .system:
            parsed = parse(text, firstLine: firstLine, kindsByName: kindsByName, memory: nil)
        case .bump:
            let bump = CmarkBumpAllocator.current
            defer { bump.reset() }
            parsed = parse(text, firstLine: firstLine, kindsByName: kindsByName, memory: CmarkBumpAllocator.memory)
        }
        if !problems.isEmpty {
            parsed.problems = (problems + parsed.problems).sorted { $0.line < $1.line }
        }
        return parsed
    }

    /// Parses with cmark, allocating from `memory` when given (the bump
    /// allocator's): then the C tree is taken back with the allocator's
    /// block, not freed by `cmark_node_free`.
    ///
    /// Only making the C tree takes turns: feeding (where the table
    /// extension parses its rows' inlines) and finishing (the inline phase)
    /// are what write the process-wide tables. Reading the finished tree,
    /// copying it and freeing it touch nothing shared, so they run on every
    /// core at once.
    private static func parse(_ text: String, firstLine: Int, kindsByName: Bool,
                              memory: UnsafeMutablePointer<cmark_mem>?) -> ParsedMarkdown {
        let empty = ParsedMarkdown(document: MarkdownNode(.document), problems: [])
        let cmark = CmarkLibrary.shared
        var text = text
        let made: (parser: OpaquePointer, root: OpaquePointer?)? = CmarkLibrary.withShared { cmark in
            let parser = memory.map { cmark.parserNewWithMemory(CMARK_OPT_DEFAULT, $0) } ?? cmark.parserNew(CMARK_OPT_DEFAULT)
            guard let parser else { return nil }
            for ext in cmark.extensions {
                _ = cmark.attach(parser, ext)
            }
            text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark.feed(parser, base, chars.count) }
                }
            }
            return (parser, cmark.finish(parser))
        }
        guard let made else { return empty }
        defer { cmark.parserFree(made.parser) }
        guard let root = made.root else {
            return empty
        }
        defer { if memory == nil { cmark.nodeFree(root) } }
        var copier = TreeCopier(cmark: cmark, byName: kindsByName, lineOffset: firstLine - 1)
        let document = copier.copy(root, line: firstLine)
        return ParsedMarkdown(document: document, problems: copier.tooDeepLine.map { [MarkdownProblem(.nestedTooDeep, line: $0)] } ?? [])
    }

    /// Copies cmark's tree into `MarkdownNode`s with a stack of its own (the
    /// C tree can be as deep as the input is long), leaving out what is
    /// nested deeper than `maximumDepth`.
    private struct TreeCopier {
        let cmark: CmarkLibrary
        let byName: Bool
        let lineOffset: Int
        /// The line of the first node left out for its depth.
        var tooDeepLine: Int?

        init(cmark: CmarkLibrary, byName: Bool, lineOffset: Int) {
            self.cmark = cmark
            self.byName = byName
            self.lineOffset = lineOffset
        }

        /// A node whose children are being copied.
        private struct Open {
            var kind: MarkdownNode.Kind
            var literal: String
            var line: Int
            var column: Int
            var children: [MarkdownNode]
            /// The next child to copy.
            var next: OpaquePointer?

            var node: MarkdownNode {
                MarkdownNode(kind, literal: literal, children: children, line: line, column: column)
            }
        }

        private enum Started {
            case done(MarkdownNode)
            case open(Open)
        }

        /// The tree under `root`, which is on `line` of the file.
        mutating func copy(_ root: OpaquePointer, line: Int) -> MarkdownNode {
            var stack: [Open] = []
            switch start(root, inheritedLine: line, depth: 0) {
            case .done(let node): return node
            case .open(let open): stack.append(open)
            }
            while let top = stack.indices.last {
                guard let child = stack[top].next else {
                    let node = stack.removeLast().node
                    guard let parent = stack.indices.last else { return node }
                    stack[parent].children.append(node)
                    continue
                }
                stack[top].next = cmark.next(child)
                // The stack holds the open nodes from the document down, so
                // its size is the child's depth.
                switch start(child, inheritedLine: stack[top].line, depth: stack.count) {
                case .done(let node): stack[top].children.append(node)
                case .open(let open): stack.append(open)
                }
            }
            return MarkdownNode(.document)
        }

        /// `node` copied whole when it has no children to copy one by one,
        /// else opened for its children.
        private mutating func start(_ node: OpaquePointer, inheritedLine: Int, depth: Int) -> Started {
            let line = self.line(of: node, inheritedLine: inheritedLine)
            let column = Int(cmark.startColumn(node))
            let kind = byName ? MarkdownParser.kind(named: node, cmark: cmark) : MarkdownParser.kind(of: node, cmark: cmark)
            let code = MarkdownNode.code(of: kind)
            var literal = ""
            switch kind {
            case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
                if let cString = cmark.literal(node) { literal = String(cString: cString) }
            default: break
            }
            guard let first = cmark.firstChild(node) else {
                if let code { return .done(MarkdownNode(code: code, literal: literal, line: line, column: column)) }
                return .done(MarkdownNode(kind, literal: literal, line: line, column: column))
            }
            guard depth < maximumDepth else {
                if tooDeepLine == nil { tooDeepLine = self.line(of: first, inheritedLine: line) }
                return .done(MarkdownNode(kind, literal: literal, line: line, column: column))
            }
            // A paragraph, heading, emphasis or cell of plain text on one line:
            // stored without building the text node and its array.
            if literal.isEmpty, let code, cmark.next(first) == nil, cmark.nodeType(first) == CMARK_NODE_TEXT.rawValue,
               cmark.firstChild(first) == nil, self.line(of: first, inheritedLine: line) == line {
                let text = cmark.literal(first).map { String(cString: $0) } ?? ""
                return .done(MarkdownNode(code: code, textChild: text, childColumn: Int(cmark.startColumn(first)), line: line, column: column))
            }
            // Counted first so that the array is allocated once, at its final
            // size: appending would leave it up to twice as large as needed.
            var count = 0
            var child: OpaquePointer? = first
            while let current = child {
                count += 1
                child = cmark.next(current)
            }
            var children: [MarkdownNode] = []
            children.reserveCapacity(count)
            return .open(Open(kind: kind, literal: literal, line: line, column: column, children: children, next: first))
        }

        /// The file line of `node`. Autolinked bare URLs report line 0: they
        /// take their parent's line.
        private func line(of node: OpaquePointer, inheritedLine: Int) -> Int {
            let raw = Int(cmark.startLine(node))
            return raw > 0 ? raw + lineOffset : inheritedLine
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer, cmark: CmarkLibrary) -> MarkdownNode.Kind {
        // By type number wherever the number decides the name: every core
        // type but items (the tasklist extension names its items
        // "tasklist"), and the extensions' table and strikethrough types,
        // numbered per library copy. Comparing type-name strings was a
        // third of the copy's cost. Everything else goes by name.
        let type = cmark.nodeType(node)
        switch type {
        case CMARK_NODE_TEXT.rawValue: return .text
        case CMARK_NODE_SOFTBREAK.rawValue: return .softBreak
        case CMARK_NODE_LINEBREAK.rawValue: return .lineBreak
        case CMARK_NODE_CODE.rawValue: return .code
        case CMARK_NODE_EMPH.rawValue: return .emphasis
        case CMARK_NODE_STRONG.rawValue: return .strong
        case CMARK_NODE_PARAGRAPH.rawValue: return .paragraph
        case CMARK_NODE_DOCUMENT.rawValue: return .document
        case CMARK_NODE_BLOCK_QUOTE.rawValue: return .blockQuote
        case CMARK_NODE_LIST.rawValue: return list(node, cmark: cmark)
        case CMARK_NODE_CODE_BLOCK.rawValue: return .codeBlock(info: string(cmark.fenceInfo(node)))
        case CMARK_NODE_HTML_BLOCK.rawValue: return .htmlBlock
        case CMARK_NODE_HEADING.rawValue: return .heading(level: Int(cmark.headingLevel(node)))
        case CMARK_NODE_THEMATIC_BREAK.rawValue: return .thematicBreak
        case CMARK_NODE_HTML_INLINE.rawValue: return .htmlInline
        case CMARK_NODE_LINK.rawValue: return .link(url: string(cmark.url(node)), title: string(cmark.title(node)))
        case CMARK_NODE_IMAGE.rawValue: return .image(url: string(cmark.url(node)), title: string(cmark.title(node)))
        case cmark.tableCellType: return .tableCell
        case cmark.tableRowType: return .tableRow(isHeader: cmark.tableRowIsHeader(node) != 0)
        case cmark.tableType: return table(node, cmark: cmark)
        case cmark.strikethroughType: return .strikethrough
        default: return kind(named: node, cmark: cmark)
        }
    }

    /// The kind by cmark's name for the node's type.
    private static func kind(named node: OpaquePointer, cmark: CmarkLibrary) -> MarkdownNode.Kind {
        let type = string(cmark.typeString(node))
        switch type {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list": return list(node, cmark: cmark)
        case "item": return .item(task: nil)
        case "tasklist": return .item(task: cmark.taskChecked(node))
        case "code_block": return .codeBlock(info: string(cmark.fenceInfo(node)))
        case "html_block": return .htmlBlock
        case "paragraph": return .paragraph
        case "heading": return .heading(level: Int(cmark.headingLevel(node)))
        case "thematic_break": return .thematicBreak
        case "table": return table(node, cmark: cmark)
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: false)
        case "table_cell": return .tableCell
        case "text": return .text
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code
        case "html_inline": return .htmlInline
        case "emph": return .emphasis
        case "strong": return .strong
        case "strikethrough": return .strikethrough
        case "link": return .link(url: string(cmark.url(node)), title: string(cmark.title(node)))
        case "image": return .image(url: string(cmark.url(node)), title: string(cmark.title(node)))
        default: return .other(type)
        }
    }

    private static func list(_ node: OpaquePointer, cmark: CmarkLibrary) -> MarkdownNode.Kind {
        .list(ordered: cmark.listType(node) == CMARK_ORDERED_LIST.rawValue,
              start: Int(cmark.listStart(node)),
              tight: cmark.listTight(node) != 0)
    }

    private static func table(_ node: OpaquePointer, cmark: CmarkLibrary) -> MarkdownNode.Kind {
        let count = Int(cmark.tableColumns(node))
        var alignments: [MarkdownNode.TableAlignment] = []
        if let raw = cmark.tableAlignments(node) {
            for index in 0..<count {
                switch UInt8(raw[index]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        return .table(alignments: alignments)
    }
}
