/// One node of a parsed Markdown document, copied out of cmark's C tree.
///
/// Plain values with the source line of each node, so that every later stage
/// can inspect, rewrite and render a document without touching C memory.
///
/// A 20,000-document build holds about five million nodes, so the storage
/// is compact (32 bytes a node instead of 56; docs/performance.md, "Memory:
/// the Markdown trees"): a node keeps either its literal or its children
/// (cmark never gives a node both), its kind as a one-byte code, and its
/// line and column as 32-bit numbers. The few nodes that do not fit that
/// shape (links, images, lists, tables, code blocks, or a node given both a
/// literal and children) keep kind, literal and children in a box of their
/// own. All of that is private: the properties read and write as plain fields.
///
/// A tree from `MarkdownParser` is never deeper than
/// `MarkdownParser.maximumDepth`, whatever the input: that bound is what lets
/// the walks here and in the pipeline recurse (and the tree be freed by
/// Swift's recursive release) without overflowing a thread's stack.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for an ordinary item, else whether its box is checked.
        case item(task: Bool?)
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
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
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// A construct planfolio does not render (footnotes and the like); its children still are.
        case other(String)
    }

    public enum TableAlignment: Sendable, Equatable { case none, left, center, right }

    /// What a node holds besides its kind code and position. An empty
    /// literal with no children is `.literal("")`, which allocates nothing.
    private enum Content: Sendable {
        case literal(String)
        case children([MarkdownNode])
        /// One child, a `text` node on this node's line whose column is
        /// `childColumn` (a paragraph, emphasis, heading or table cell of
        /// plain text): two of every five nodes, each saving an array.
        case textChild(String)
        /// A kind without a code, or both a literal and children.
        case boxed(Box)
    }

    /// The storage of the nodes `Content` cannot hold inline. Copy on write:
    /// changed in place only while uniquely referenced (`isKnownUniquelyReferenced`),
    /// otherwise copied first, so node values never share changes.
    private final class Box: @unchecked Sendable {
        var kind: Kind
        var literal: String
        var children: [MarkdownNode]

        init(kind: Kind, literal: String, children: [MarkdownNode]) {
            self.kind = kind
            self.literal = literal
            self.children = children
        }
    }

    // Stored in this order the node is 28 bytes (the content's 16 and its
    // tag byte, the code byte, two 4-byte numbers), so 32 in an array.
    private var content: Content
    /// The kind of a node whose content is not `.boxed`; see `code(of:)`.
    private var code: UInt8
    private var storedLine: Int32
    private var storedColumn: Int32
    /// The column of the `textChild`, else 0.
    private var childColumn: Int32

    public init(_ kind: Kind, literal: String = "", children: [MarkdownNode] = [], line: Int = 0, column: Int = 0) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        childColumn = 0
        content = .literal("")
        code = 0
        store(kind, literal, children)
    }

    /// A node of a kind with a code (see `code(of:)`) whose one child is a
    /// text leaf on `line`: what `init` would store for it, without building
    /// the child and its array first. For `MarkdownParser`.
    init(code: UInt8, textChild text: String, childColumn: Int, line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        self.childColumn = Int32(clamping: childColumn)
        content = .textChild(text)
        self.code = code
    }

    /// A leaf of a kind with a code (see `code(of:)`): what `init` would
    /// store for it, without going through `store`. For `MarkdownParser`.
    init(code: UInt8, literal: String, line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
        childColumn = 0
        content = .literal(literal)
        self.code = code
    }

    public var kind: Kind {
        get {
            if case .boxed(let box) = content { return box.kind }
            return Self.kind(code: code)
        }
        set {
            let parts = take()
            store(newValue, parts.literal, parts.children)
        }
    }

    /// The text of `text`, `code`, `codeBlock`, `htmlBlock` and `htmlInline` nodes.
    public var literal: String {
        get {
            switch content {
            case .literal(let literal): return literal
            case .children, .textChild: return ""
            case .boxed(let box): return box.literal
            }
        }
        _modify {
            var parts = take()
            defer { store(parts.kind, parts.literal, parts.children) }
            yield &parts.literal
        }
    }

    public var children: [MarkdownNode] {
        get {
            switch content {
            case .literal: return []
            case .children(let children): return children
            case .textChild(let text): return [textChild(text)]
            case .boxed(let box): return box.children
            }
        }
        _modify {
            var parts = take()
            defer { store(parts.kind, parts.literal, parts.children) }
            yield &parts.children
        }
    }

    /// 1-based line in the file the Markdown came from.
    public var line: Int {
        get { Int(storedLine) }
        set {
            // A packed text child has this node's line: keep the child's.
            guard case .textChild = content else {
                storedLine = Int32(clamping: newValue)
                return
            }
            let parts = take()
            storedLine = Int32(clamping: newValue)
            store(parts.kind, parts.literal, parts.children)
        }
    }

    /// 1-based column, 0 where cmark does not know it.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public static func == (a: MarkdownNode, b: MarkdownNode) -> Bool {
        a.storedLine == b.storedLine && a.storedColumn == b.storedColumn
            && a.kind == b.kind && a.literal == b.literal && a.children == b.children
    }

    /// Moves kind, literal and children out, leaving the node empty, so that
    /// a caller changing them in place holds the only reference.
    private mutating func take() -> (kind: Kind, literal: String, children: [MarkdownNode]) {
        let taken = content
        content = .literal("")
        switch consume taken {
        case .literal(let literal): return (Self.kind(code: code), literal, [])
        case .children(let children): return (Self.kind(code: code), "", children)
        case .textChild(let text):
            let children = [textChild(text)]
            childColumn = 0
            return (Self.kind(code: code), "", children)
        case .boxed(var box):
            if isKnownUniquelyReferenced(&box) {
                let literal = box.literal, children = box.children
                box.literal = ""
                box.children = []
                return (box.kind, literal, children)
            }
            return (box.kind, box.literal, box.children)
        }
    }

    /// Sets kind, literal and children, choosing the smallest storage that holds them.
    private mutating func store(_ kind: Kind, _ literal: String, _ children: [MarkdownNode]) {
        if let code = Self.code(of: kind), literal.isEmpty || children.isEmpty {
            self.code = code
            if children.count == 1, case .literal(let text) = children[0].content, children[0].code == Self.textCode,
               children[0].storedLine == storedLine {
                childColumn = children[0].storedColumn
                content = .textChild(text)
            } else {
                content = children.isEmpty ? .literal(literal) : .children(children)
            }
        } else {
            code = 0
            content = .boxed(Box(kind: kind, literal: literal, children: children))
        }
    }

    /// The packed text child as a node: what `init(.text, literal: text, ...)`
    /// stores, set directly (every walk over a tree builds these).
    private func textChild(_ text: String) -> MarkdownNode {
        MarkdownNode(textLeaf: text, line: storedLine, column: childColumn)
    }

    private init(textLeaf text: String, line: Int32, column: Int32) {
        content = .literal(text)
        code = Self.textCode
        storedLine = line
        storedColumn = column
        childColumn = 0
    }

    /// Calls `body` on each child in order. Cheaper than `children` in hot
    /// loops: it does not build the array of a node whose one text child is
    /// packed (reading `children` there allocates a one-element array).
    public func forEachChild(_ body: (MarkdownNode) -> Void) {
        switch content {
        case .literal: break
        case .children(let children): for child in children { body(child) }
        case .textChild(let text): body(textChild(text))
        case .boxed(let box): for child in box.children { body(child) }
        }
    }

    /// The only child when it is a text node (the common paragraph or table
    /// cell of one run of text), without building `children`; else nil.
    public var soleTextChild: MarkdownNode? {
        switch content {
        case .literal: return nil
        case .textChild(let text): return textChild(text)
        case .children(let children):
            guard children.count == 1, case .text = children[0].kind else { return nil }
            return children[0]
        case .boxed(let box):
            guard box.children.count == 1, case .text = box.children[0].kind else { return nil }
            return box.children[0]
        }
    }

    /// Whether `predicate` holds for a child, without building `children`
    /// (see `forEachChild`).
    public func containsChild(where predicate: (MarkdownNode) -> Bool) -> Bool {
        switch content {
        case .literal: false
        case .children(let children): children.contains(where: predicate)
        case .textChild(let text): predicate(textChild(text))
        case .boxed(let box): box.children.contains(where: predicate)
        }
    }

    /// The code of `.text`, which the packed text child and the text leaf
    /// checks use directly.
    static let textCode: UInt8 = 12

    /// Codes of the kinds stored without a box: 1-19 for the kinds without
    /// a payload or with a flag, 128 + level for headings of level 0-127.
    static func code(of kind: Kind) -> UInt8? {
        switch kind {
        case .document: 1
        case .blockQuote: 2
        case .item(task: nil): 3
        case .item(task: false): 4
        case .item(task: true): 5
        case .htmlBlock: 6
        case .paragraph: 7
        case .thematicBreak: 8
        case .tableRow(isHeader: false): 9
        case .tableRow(isHeader: true): 10
        case .tableCell: 11
        case .text: textCode
        case .softBreak: 13
        case .lineBreak: 14
        case .code: 15
        case .htmlInline: 16
        case .emphasis: 17
        case .strong: 18
        case .strikethrough: 19
        case .heading(let level) where (0..<128).contains(level): 128 + UInt8(level)
        default: nil
        }
    }

    private static func kind(code: UInt8) -> Kind {
        switch code {
        case 1: .document
        case 2: .blockQuote
        case 3: .item(task: nil)
        case 4: .item(task: false)
        case 5: .item(task: true)
        case 6: .htmlBlock
        case 7: .paragraph
        case 8: .thematicBreak
        case 9: .tableRow(isHeader: false)
        case 10: .tableRow(isHeader: true)
        case 11: .tableCell
        case textCode: .text
        case 13: .softBreak
        case 14: .lineBreak
        case 15: .code
        case 16: .htmlInline
        case 17: .emphasis
        case 18: .strong
        case 19: .strikethrough
        case 128...: .heading(level: Int(code - 128))
        // Not reached: `store` writes only codes from `code(of:)`.
        default: .other("")
        }
    }

    /// The text a reader sees in this node and its children (no markup).
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    /// Appends `plainText` to `out`, without building it first.
    public func appendPlainText(to out: inout String) {
        switch kind {
        case .text, .code, .codeBlock: out += literal
        case .softBreak, .lineBreak: out += " "
        case .htmlInline, .htmlBlock: break
        default:
            forEachChild { $0.appendPlainText(to: &out) }
        }
    }

    /// Calls `visit` on this node and every node below it, depth first, in document order.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        forEachChild { $0.walk(visit) }
    }

    /// `forEachChild` without the text leaves (most of a tree's nodes), for
    /// walks that look only at markup.
    public func forEachChildSkippingTextLeaves(_ body: (MarkdownNode) -> Void) {
        switch content {
        case .literal, .textChild: break
        case .children(let children): for child in children where !child.isTextLeaf { body(child) }
        case .boxed(let box): for child in box.children where !child.isTextLeaf { body(child) }
        }
    }

    /// `walk` without the text leaves (`text` nodes without children, most
    /// of a tree's nodes), for checks that look only at markup: their
    /// visits, and the building of the packed ones, are skipped.
    public func walkSkippingTextLeaves(_ visit: (MarkdownNode) -> Void) {
        if isTextLeaf { return }
        visit(self)
        switch content {
        case .literal, .textChild: break
        case .children(let children): for child in children where !child.isTextLeaf { child.walkSkippingTextLeaves(visit) }
        case .boxed(let box): for child in box.children where !child.isTextLeaf { child.walkSkippingTextLeaves(visit) }
        }
    }

    /// A `text` node without children (a boxed one has a literal and children).
    private var isTextLeaf: Bool {
        if case .literal = content { return code == Self.textCode }
        return false
    }
}
