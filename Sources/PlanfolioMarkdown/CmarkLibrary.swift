import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// cmark-gfm and its extensions as planfolio calls them: the C functions
/// `MarkdownParser` uses, and the node type numbers the extensions register.
///
/// cmark-gfm 0.29.0.gfm.6 is not thread safe: the inline extensions' special
/// characters live in process-wide tables (`SPECIAL_CHARS`, `SKIP_CHARS` in
/// inlines.c) that every parse sets on entering its inline phase and clears
/// on leaving it, so a parse that ends clears the characters of one still
/// running, which then silently loses strikethrough and autolinks. So there
/// is one library, `shared`, and `withShared` lets one parse use it at a
/// time (docs/performance.md says why parses are not spread over private
/// copies of the library).
final class CmarkLibrary: @unchecked Sendable {
    typealias NodeToInt = @convention(c) (OpaquePointer?) -> Int32
    typealias NodeToString = @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    typealias NodeToNode = @convention(c) (OpaquePointer?) -> OpaquePointer?
    typealias NodeToVoid = @convention(c) (OpaquePointer?) -> Void

    let parserNew: @convention(c) (Int32) -> OpaquePointer?
    let parserNewWithMemory: @convention(c) (Int32, UnsafeMutablePointer<cmark_mem>?) -> OpaquePointer?
    let attach: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
    let feed: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int) -> Void
    let finish: NodeToNode
    let parserFree: NodeToVoid
    let nodeFree: NodeToVoid
    let startLine: NodeToInt
    let startColumn: NodeToInt
    let literal: NodeToString
    let firstChild: NodeToNode
    let next: NodeToNode
    let typeString: NodeToString
    let nodeType: @convention(c) (OpaquePointer?) -> UInt32
    let listType: @convention(c) (OpaquePointer?) -> UInt32
    let listStart: NodeToInt
    let listTight: NodeToInt
    let taskChecked: @convention(c) (OpaquePointer?) -> Bool
    let fenceInfo: NodeToString
    let headingLevel: NodeToInt
    let tableColumns: @convention(c) (OpaquePointer?) -> UInt16
    let tableAlignments: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<UInt8>?
    let url: NodeToString
    let title: NodeToString
    /// The extensions planfolio attaches.
    let extensions: [OpaquePointer]
    /// The node type numbers the extensions registered (numbered at
    /// registration); 0, which no node has, where the number could not be read.
    let tableType: UInt32, tableRowType: UInt32, tableCellType: UInt32, strikethroughType: UInt32
    let tableRowIsHeader: NodeToInt

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// The library planfolio is linked against, its extensions registered once.
    static let shared = CmarkLibrary.linked()
    private static let lock = NSLock()

    /// Runs `body` with the library while no other parse is using it.
    static func withShared<R>(_ body: (CmarkLibrary) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(shared)
    }

    /// The copy planfolio is linked against.
    static func linked() -> CmarkLibrary {
        CmarkLibrary(
            parserNew: cmark_parser_new, parserNewWithMemory: cmark_parser_new_with_mem, attach: cmark_parser_attach_syntax_extension,
            feed: cmark_parser_feed, finish: cmark_parser_finish, parserFree: cmark_parser_free,
            nodeFree: cmark_node_free, startLine: cmark_node_get_start_line, startColumn: cmark_node_get_start_column,
            literal: cmark_node_get_literal, firstChild: cmark_node_first_child, next: cmark_node_next,
            typeString: cmark_node_get_type_string, nodeType: { cmark_node_get_type($0).rawValue }, listType: { cmark_node_get_list_type($0).rawValue },
            listStart: cmark_node_get_list_start, listTight: cmark_node_get_list_tight,
            taskChecked: cmark_gfm_extensions_get_tasklist_item_checked, fenceInfo: cmark_node_get_fence_info,
            headingLevel: cmark_node_get_heading_level, tableColumns: cmark_gfm_extensions_get_table_columns,
            tableAlignments: cmark_gfm_extensions_get_table_alignments, url: cmark_node_get_url,
            title: cmark_node_get_title, tableRowIsHeader: cmark_gfm_extensions_get_table_row_is_header,
            ensureRegistered: cmark_gfm_core_extensions_ensure_registered, find: cmark_find_syntax_extension,
            variable: { name in dlopen(nil, RTLD_NOW).flatMap { dlsym($0, name) } })
    }

    private init(parserNew: @escaping @convention(c) (Int32) -> OpaquePointer?,
                 parserNewWithMemory: @escaping @convention(c) (Int32, UnsafeMutablePointer<cmark_mem>?) -> OpaquePointer?,
                 attach: @escaping @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32,
                 feed: @escaping @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int) -> Void,
                 finish: @escaping NodeToNode, parserFree: @escaping NodeToVoid, nodeFree: @escaping NodeToVoid,
                 startLine: @escaping NodeToInt, startColumn: @escaping NodeToInt, literal: @escaping NodeToString,
                 firstChild: @escaping NodeToNode, next: @escaping NodeToNode, typeString: @escaping NodeToString,
                 nodeType: @escaping @convention(c) (OpaquePointer?) -> UInt32,
                 listType: @escaping @convention(c) (OpaquePointer?) -> UInt32,
                 listStart: @escaping NodeToInt, listTight: @escaping NodeToInt,
                 taskChecked: @escaping @convention(c) (OpaquePointer?) -> Bool, fenceInfo: @escaping NodeToString,
                 headingLevel: @escaping NodeToInt, tableColumns: @escaping @convention(c) (OpaquePointer?) -> UInt16,
                 tableAlignments: @escaping @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<UInt8>?,
                 url: @escaping NodeToString, title: @escaping NodeToString, tableRowIsHeader: @escaping NodeToInt,
                 ensureRegistered: @convention(c) () -> Void,
                 find: @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?,
                 variable: (String) -> UnsafeMutableRawPointer?) {
        self.parserNew = parserNew
        self.parserNewWithMemory = parserNewWithMemory
        self.attach = attach
        self.feed = feed
        self.finish = finish
        self.parserFree = parserFree
        self.nodeFree = nodeFree
        self.startLine = startLine
        self.startColumn = startColumn
        self.literal = literal
        self.firstChild = firstChild
        self.next = next
        self.typeString = typeString
        self.nodeType = nodeType
        self.listType = listType
        self.listStart = listStart
        self.listTight = listTight
        self.taskChecked = taskChecked
        self.fenceInfo = fenceInfo
        self.headingLevel = headingLevel
        self.tableColumns = tableColumns
        self.tableAlignments = tableAlignments
        self.url = url
        self.title = title
        self.tableRowIsHeader = tableRowIsHeader
        // Registration writes the library's globals: it runs once, before the library is shared.
        ensureRegistered()
        extensions = Self.extensionNames.compactMap { find($0) }
        // The extensions' `cmark_node_type` variables, set by registration.
        func registeredType(_ name: String) -> UInt32 {
            variable(name).map { $0.load(as: UInt32.self) } ?? 0
        }
        tableType = registeredType("CMARK_NODE_TABLE")
        tableRowType = registeredType("CMARK_NODE_TABLE_ROW")
        tableCellType = registeredType("CMARK_NODE_TABLE_CELL")
        strikethroughType = registeredType("CMARK_NODE_STRIKETHROUGH")
    }
}
