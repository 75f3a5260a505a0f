import CCmarkGFM
import Foundation

/// Parses Markdown with cmark-gfm and copies the result into `MarkdownNode` values.
///
/// This is the only code that parses with cmark. GitHub's flavour is used
/// (tables, strikethrough, autolinks, tag filter, task lists); the C tree is
/// freed before `parse` returns.
///
/// cmark-gfm 0.29.0.gfm.6 is not thread safe (process-wide special-character
/// tables; see `CmarkLibrary`), so each parse borrows a private copy of the
/// library from `CmarkLibraryPool` and parses run on every core at once.
public enum MarkdownParser {
    /// Parses `text`; `firstLine` is the file line the text starts on, so that
    /// node lines point into the original file (after front matter).
    public static func parse(_ text: String, firstLine: Int = 1) -> MarkdownNode {
        parse(text, firstLine: firstLine, kindsByName: false)
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
    /// name (as before kinds went by number) or allocating with another
    /// `allocator`, to compare the trees.
    static func parse(_ text: String, firstLine: Int, kindsByName: Bool, allocator: Allocator = .bump) -> MarkdownNode {
        CmarkLibraryPool.shared.withLibrary { cmark in
            parse(text, firstLine: firstLine, kindsByName: kindsByName, allocator: allocator, library: cmark)
        }
    }

    /// For tests: the same with the copy of cmark they give (held by the
    /// caller alone, as `CmarkLibraryPool` hands it out), so that each copy's
    /// own extension type numbers can be checked.
    static func parse(_ text: String, firstLine: Int, kindsByName: Bool, allocator: Allocator = .bump,
                      library cmark: CmarkLibrary) -> MarkdownNode {
        switch allocator {
        case .system:
            return parse(text, firstLine: firstLine, kindsByName: kindsByName, cmark: cmark, memory: nil)
        case .bump:
            let bump = CmarkBumpAllocator.current
            defer { bump.reset() }
            return parse(text, firstLine: firstLine, kindsByName: kindsByName, cmark: cmark, memory: CmarkBumpAllocator.memory)
        }
    }

    /// Parses with `cmark`, allocating from `memory` when given (the bump
    /// allocator's): then the C tree is taken back with the allocator's
    /// block, not freed by `cmark_node_free`.
    private static func parse(_ text: String, firstLine: Int, kindsByName: Bool, cmark: CmarkLibrary,
                              memory: UnsafeMutablePointer<cmark_mem>?) -> MarkdownNode {
        let parser = memory.map { cmark.parserNewWithMemory(CMARK_OPT_DEFAULT, $0) } ?? cmark.parserNew(CMARK_OPT_DEFAULT)
        guard let parser else {
            return MarkdownNode(.document)
        }
        defer { cmark.parserFree(parser) }
        for ext in cmark.extensions {
            _ = cmark.attach(parser, ext)
        }
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark.feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark.finish(parser) else {
            return MarkdownNode(.document)
        }
        defer { if memory == nil { cmark.nodeFree(root) } }
        return copy(root, cmark: cmark, byName: kindsByName, lineOffset: firstLine - 1, inheritedLine: firstLine)
    }

    private static func copy(_ node: OpaquePointer, cmark: CmarkLibrary, byName: Bool, lineOffset: Int, inheritedLine: Int) -> MarkdownNode {
        let rawLine = Int(cmark.startLine(node))
        // Autolinked bare URLs report line 0: they take their parent's line.
        let line = rawLine > 0 ? rawLine + lineOffset : inheritedLine
        let column = Int(cmark.startColumn(node))
        let kind = byName ? self.kind(named: node, cmark: cmark) : self.kind(of: node, cmark: cmark)
        let code = MarkdownNode.code(of: kind)
        var literal = ""
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            if let cString = cmark.literal(node) { literal = String(cString: cString) }
        default: break
        }
        // A paragraph, heading, emphasis or cell of plain text on one line:
        // stored without building the text node and its array.
        if literal.isEmpty, let code, let only = cmark.firstChild(node),
           cmark.next(only) == nil, cmark.nodeType(only) == CMARK_NODE_TEXT.rawValue, cmark.firstChild(only) == nil {
            let rawChildLine = Int(cmark.startLine(only))
            if (rawChildLine > 0 ? rawChildLine + lineOffset : line) == line {
                let text = cmark.literal(only).map { String(cString: $0) } ?? ""
                return MarkdownNode(code: code, textChild: text, childColumn: Int(cmark.startColumn(only)), line: line, column: column)
            }
        }
        // Counted first so that each array is allocated once, at its final
        // size: appending would leave it up to twice as large as needed.
        var count = 0
        var child = cmark.firstChild(node)
        while let current = child {
            count += 1
            child = cmark.next(current)
        }
        if count == 0, let code {
            return MarkdownNode(code: code, literal: literal, line: line, column: column)
        }
        var children: [MarkdownNode] = []
        children.reserveCapacity(count)
        child = cmark.firstChild(node)
        while let current = child {
            children.append(copy(current, cmark: cmark, byName: byName, lineOffset: lineOffset, inheritedLine: line))
            child = cmark.next(current)
        }
        return MarkdownNode(kind, literal: literal, children: children, line: line, column: column)
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
