import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One loaded copy of cmark-gfm and its extensions: the C functions
/// `MarkdownParser` calls, looked up in that copy.
///
/// cmark-gfm 0.29.0.gfm.6 is not thread safe: the inline extensions' special
/// characters live in process-wide tables (`SPECIAL_CHARS`, `SKIP_CHARS` in
/// inlines.c) that every parse sets on entering its inline phase and clears
/// on leaving it, so a parse that ends clears the characters of one still
/// running, which then silently loses strikethrough and autolinks. The
/// tables are static to the library, so each loaded copy has its own; a
/// parse is safe as long as no other parse runs in the same copy at once.
/// `CmarkLibraryPool` gives each parse a copy of its own.
///
/// The first copy is the one planfolio links against; on Linux more copies
/// come from `dlmopen(LM_ID_NEWLM, ...)`, which loads the library with all
/// its globals into a fresh link-map namespace.
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
    /// The extensions planfolio attaches, registered in this copy.
    let extensions: [OpaquePointer]
    /// The node type numbers the extensions registered in this copy (each
    /// copy numbers them at registration); 0, which no node has, where the
    /// number could not be read.
    let tableType: UInt32, tableRowType: UInt32, tableCellType: UInt32, strikethroughType: UInt32
    let tableRowIsHeader: NodeToInt

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

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

    /// Why `privateCopy` gives no copy here, for the one note a build prints
    /// (documents are then parsed one at a time).
    static func whyNoPrivateCopy() -> String {
        #if os(Linux)
        guard let path = linkedExtensionsPath() else { return "the loaded cmark-gfm extensions library could not be found" }
        guard let main = dlopen(nil, RTLD_NOW), dlsym(main, "dlmopen") != nil else { return "the C library has no dlmopen" }
        if let error = dlerror() { return "dlmopen of \(path) failed: \(String(cString: error))" }
        return "a copy of \(path) loaded by dlmopen lacks a function or an extension planfolio needs"
        #else
        return "private copies of cmark-gfm need dlmopen, which only Linux has"
        #endif
    }

    /// A fresh, private copy of the library, or nil where that is not possible.
    static func privateCopy() -> CmarkLibrary? {
        #if os(Linux)
        guard let path = linkedExtensionsPath(),
              let main = dlopen(nil, RTLD_NOW),
              let dlmopenSymbol = dlsym(main, "dlmopen") else { return nil }
        typealias DLMOpen = @convention(c) (Int, UnsafePointer<CChar>?, Int32) -> UnsafeMutableRawPointer?
        let dlmopen = unsafeBitCast(dlmopenSymbol, to: DLMOpen.self)
        let newNamespace = -1  // LM_ID_NEWLM
        guard let handle = dlmopen(newNamespace, path, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func symbol<T>(_ name: String, _ type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let parserNew = symbol("cmark_parser_new", (@convention(c) (Int32) -> OpaquePointer?).self),
              let parserNewWithMemory = symbol("cmark_parser_new_with_mem",
                                               (@convention(c) (Int32, UnsafeMutablePointer<cmark_mem>?) -> OpaquePointer?).self),
              let attach = symbol("cmark_parser_attach_syntax_extension", (@convention(c) (OpaquePointer?, OpaquePointer?) -> Int32).self),
              let feed = symbol("cmark_parser_feed", (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int) -> Void).self),
              let finish = symbol("cmark_parser_finish", NodeToNode.self),
              let parserFree = symbol("cmark_parser_free", NodeToVoid.self),
              let nodeFree = symbol("cmark_node_free", NodeToVoid.self),
              let startLine = symbol("cmark_node_get_start_line", NodeToInt.self),
              let startColumn = symbol("cmark_node_get_start_column", NodeToInt.self),
              let literal = symbol("cmark_node_get_literal", NodeToString.self),
              let firstChild = symbol("cmark_node_first_child", NodeToNode.self),
              let next = symbol("cmark_node_next", NodeToNode.self),
              let typeString = symbol("cmark_node_get_type_string", NodeToString.self),
              let nodeType = symbol("cmark_node_get_type", (@convention(c) (OpaquePointer?) -> UInt32).self),
              let listType = symbol("cmark_node_get_list_type", (@convention(c) (OpaquePointer?) -> UInt32).self),
              let listStart = symbol("cmark_node_get_list_start", NodeToInt.self),
              let listTight = symbol("cmark_node_get_list_tight", NodeToInt.self),
              let taskChecked = symbol("cmark_gfm_extensions_get_tasklist_item_checked", (@convention(c) (OpaquePointer?) -> Bool).self),
              let fenceInfo = symbol("cmark_node_get_fence_info", NodeToString.self),
              let headingLevel = symbol("cmark_node_get_heading_level", NodeToInt.self),
              let tableColumns = symbol("cmark_gfm_extensions_get_table_columns", (@convention(c) (OpaquePointer?) -> UInt16).self),
              let tableAlignments = symbol("cmark_gfm_extensions_get_table_alignments", (@convention(c) (OpaquePointer?) -> UnsafeMutablePointer<UInt8>?).self),
              let url = symbol("cmark_node_get_url", NodeToString.self),
              let title = symbol("cmark_node_get_title", NodeToString.self),
              let ensureRegistered = symbol("cmark_gfm_core_extensions_ensure_registered", (@convention(c) () -> Void).self),
              let find = symbol("cmark_find_syntax_extension", (@convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?).self),
              let tableRowIsHeader = symbol("cmark_gfm_extensions_get_table_row_is_header", NodeToInt.self)
        else { return nil }
        let library = CmarkLibrary(
            parserNew: parserNew, parserNewWithMemory: parserNewWithMemory, attach: attach, feed: feed, finish: finish, parserFree: parserFree,
            nodeFree: nodeFree, startLine: startLine, startColumn: startColumn, literal: literal,
            firstChild: firstChild, next: next, typeString: typeString, nodeType: nodeType, listType: listType,
            listStart: listStart, listTight: listTight, taskChecked: taskChecked, fenceInfo: fenceInfo,
            headingLevel: headingLevel, tableColumns: tableColumns, tableAlignments: tableAlignments,
            url: url, title: title, tableRowIsHeader: tableRowIsHeader, ensureRegistered: ensureRegistered, find: find,
            variable: { dlsym(handle, $0) })
        return library.extensions.count == extensionNames.count ? library : nil
        #else
        return nil
        #endif
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
        // Registration writes the copy's globals; it runs once per copy, before the copy is shared.
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

    /// A `/proc` file read to its end. (`String(contentsOfFile:)` stops after
    /// 4 KB there, since `/proc` files give no size: in planfolio that ended
    /// before the extensions library's lines, so every private copy failed
    /// and all parses took turns on the linked copy.)
    static func procFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The file of the cmark-gfm extensions library this process has loaded (it pulls in libcmark-gfm).
    private static func linkedExtensionsPath() -> String? {
        // Make sure the linked library is mapped, then read where from.
        cmark_gfm_core_extensions_ensure_registered()
        guard let maps = procFile("/proc/self/maps") else { return nil }
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if (path as NSString).lastPathComponent.hasPrefix("libcmark-gfm-extensions.so") { return path }
        }
        return nil
    }
}
