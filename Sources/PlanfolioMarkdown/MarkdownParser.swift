import CCmarkGFM
import Foundation

/// Parses Markdown with cmark-gfm and copies the result into `MarkdownNode` values.
///
/// This is the only file that calls cmark. GitHub's flavour is used (tables,
/// strikethrough, autolinks, tag filter, task lists); the C tree is freed
/// before `parse` returns.
///
/// Parsing runs on any number of threads at once. cmark-gfm 0.29.0.gfm.6
/// keeps the inline extensions' special characters (`~` for strikethrough,
/// `:` and `w` for autolinks) in two process-wide tables, `SPECIAL_CHARS`
/// and `SKIP_CHARS` in inlines.c. Every inline parse is bracketed by
/// `cmark_manage_extensions_special_characters(parser, true)` ...
/// `(parser, false)`, which sets and then clears those entries from the list
/// each attached extension carries; two parses at once therefore clear each
/// other's characters and silently lose strikethrough and autolinks.
///
/// `Registration.once` removes the race instead of serialising around it:
/// before the first parse, on one thread, it registers the characters of
/// all five extensions in the tables for good (the same call cmark makes),
/// then empties each extension's character list, so every later add and
/// remove iterates an empty list and writes nothing. After that the tables
/// are only read, and they hold exactly what they hold inside every serial
/// parse (planfolio always attaches the same five extensions, and cmark
/// only parses inlines between the add and the remove). The other globals
/// (the extension registry, node type numbers) are written only while the
/// extensions register, which also happens inside `once`. See
/// docs/performance.md.
public enum MarkdownParser {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Parses `text`; `firstLine` is the file line the text starts on, so that
    /// node lines point into the original file (after front matter).
    public static func parse(_ text: String, firstLine: Int = 1) -> MarkdownNode {
        let extensions = Registration.once.extensions
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            return MarkdownNode(.document)
        }
        defer { cmark_parser_free(parser) }
        for ext in extensions {
            cmark_parser_attach_syntax_extension(parser, ext.pointer)
        }
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownNode(.document)
        }
        defer { cmark_node_free(root) }
        return copy(root, lineOffset: firstLine - 1, inheritedLine: firstLine)
    }

    /// The one-time set-up that makes parsing thread safe (see the type's comment).
    /// A `static let` is initialised exactly once, on first use, and every
    /// thread that reads it afterwards sees the finished value (Swift's
    /// lazy globals use `swift_once`, which gives that ordering).
    private final class Registration: Sendable {
        static let once = Registration()

        let extensions: [Extension]

        private init() {
            cmark_gfm_core_extensions_ensure_registered()
            var found: [Extension] = []
            for name in MarkdownParser.extensionNames {
                if let ext = cmark_find_syntax_extension(name) { found.append(Extension(pointer: ext)) }
            }
            extensions = found
            // Register every extension's characters in the global tables, as a
            // parse would, then empty the extensions' lists so that no parse
            // ever adds or removes them again.
            if let parser = cmark_parser_new(CMARK_OPT_DEFAULT) {
                for ext in found { cmark_parser_attach_syntax_extension(parser, ext.pointer) }
                cmark_manage_extensions_special_characters(parser, 1)
                cmark_parser_free(parser)
            }
            for ext in found { cmark_syntax_extension_set_special_inline_chars(ext.pointer, nil) }
        }
    }

    /// A registered extension: cmark keeps these for the life of the process.
    private struct Extension: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private static func copy(_ node: OpaquePointer, lineOffset: Int, inheritedLine: Int) -> MarkdownNode {
        let rawLine = Int(cmark_node_get_start_line(node))
        // Autolinked bare URLs report line 0: they take their parent's line.
        let line = rawLine > 0 ? rawLine + lineOffset : inheritedLine
        let column = Int(cmark_node_get_start_column(node))
        let kind = self.kind(of: node)
        var literal = ""
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            if let cString = cmark_node_get_literal(node) { literal = String(cString: cString) }
        default: break
        }
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(copy(current, lineOffset: lineOffset, inheritedLine: line))
            child = cmark_node_next(current)
        }
        return MarkdownNode(kind, literal: literal, children: children, line: line, column: column)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let type = string(cmark_node_get_type_string(node))
        switch type {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list":
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case "item": return .item(task: nil)
        case "tasklist": return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case "code_block": return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case "html_block": return .htmlBlock
        case "paragraph": return .paragraph
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)))
        case "thematic_break": return .thematicBreak
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [MarkdownNode.TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
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
        case "link": return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case "image": return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return .other(type)
        }
    }
}
