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
        CmarkLibraryPool.shared.withLibrary { cmark in
            guard let parser = cmark.parserNew(CMARK_OPT_DEFAULT) else {
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
            defer { cmark.nodeFree(root) }
            return copy(root, cmark: cmark, lineOffset: firstLine - 1, inheritedLine: firstLine)
        }
    }

    private static func copy(_ node: OpaquePointer, cmark: CmarkLibrary, lineOffset: Int, inheritedLine: Int) -> MarkdownNode {
        let rawLine = Int(cmark.startLine(node))
        // Autolinked bare URLs report line 0: they take their parent's line.
        let line = rawLine > 0 ? rawLine + lineOffset : inheritedLine
        let column = Int(cmark.startColumn(node))
        let kind = self.kind(of: node, cmark: cmark)
        var literal = ""
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            if let cString = cmark.literal(node) { literal = String(cString: cString) }
        default: break
        }
        // Counted first so that each array is allocated once, at its final
        // size: appending would leave it up to twice as large as needed.
        var count = 0
        var child = cmark.firstChild(node)
        while let current = child {
            count += 1
            child = cmark.next(current)
        }
        var children: [MarkdownNode] = []
        children.reserveCapacity(count)
        child = cmark.firstChild(node)
        while let current = child {
            children.append(copy(current, cmark: cmark, lineOffset: lineOffset, inheritedLine: line))
            child = cmark.next(current)
        }
        return MarkdownNode(kind, literal: literal, children: children, line: line, column: column)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer, cmark: CmarkLibrary) -> MarkdownNode.Kind {
        // The most common core types by number: no extension gives these
        // nodes a type of its own, and the string compare below was a
        // quarter of the copy's cost. Everything else goes by name.
        switch cmark.nodeType(node) {
        case CMARK_NODE_TEXT.rawValue: return .text
        case CMARK_NODE_SOFTBREAK.rawValue: return .softBreak
        case CMARK_NODE_LINEBREAK.rawValue: return .lineBreak
        case CMARK_NODE_CODE.rawValue: return .code
        case CMARK_NODE_EMPH.rawValue: return .emphasis
        case CMARK_NODE_STRONG.rawValue: return .strong
        case CMARK_NODE_PARAGRAPH.rawValue: return .paragraph
        default: break
        }
        let type = string(cmark.typeString(node))
        switch type {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list":
            return .list(
                ordered: cmark.listType(node) == CMARK_ORDERED_LIST.rawValue,
                start: Int(cmark.listStart(node)),
                tight: cmark.listTight(node) != 0)
        case "item": return .item(task: nil)
        case "tasklist": return .item(task: cmark.taskChecked(node))
        case "code_block": return .codeBlock(info: string(cmark.fenceInfo(node)))
        case "html_block": return .htmlBlock
        case "paragraph": return .paragraph
        case "heading": return .heading(level: Int(cmark.headingLevel(node)))
        case "thematic_break": return .thematicBreak
        case "table":
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
}
