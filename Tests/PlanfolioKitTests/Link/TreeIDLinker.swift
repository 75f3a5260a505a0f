import PlanfolioMarkdown
@testable import PlanfolioKit

/// The id linker as it was before ids were linked during rendering: a
/// rewrite of the Markdown tree (`IDLinker.link` until issue 9's perf-body
/// work), kept verbatim as the oracle `IDLinkerEquivalenceTests` compares
/// the renderer's linking with.
struct TreeIDLinker {
    typealias Target = IDLinker.Target

    private let targets: [String: Target]
    private let shortest: Int
    private let longest: Int
    private let firstBytes: [Bool]
    private let lastBytes: [Bool]

    init(targets: [String: Target]) {
        self.targets = targets
        self.shortest = targets.keys.map(\.utf8.count).min() ?? 0
        self.longest = targets.keys.map(\.utf8.count).max() ?? 0
        var firstBytes = [Bool](repeating: false, count: 256)
        var lastBytes = [Bool](repeating: false, count: 256)
        for id in targets.keys {
            if let first = id.utf8.first, let last = id.utf8.last {
                firstBytes[Int(first)] = true
                lastBytes[Int(last)] = true
            }
        }
        self.firstBytes = firstBytes
        self.lastBytes = lastBytes
    }

    func link(_ body: MarkdownNode, selfID: String?, root: String) -> MarkdownNode {
        guard !targets.isEmpty else { return body }
        return transform(body, selfID: selfID, root: root) ?? body
    }

    /// The node with ids linked, or nil when nothing in it changed (so
    /// unchanged subtrees are shared, not copied).
    private func transform(_ node: MarkdownNode, selfID: String?, root: String) -> MarkdownNode? {
        switch node.kind {
        case .heading, .link, .image, .code, .codeBlock, .htmlBlock, .htmlInline:
            return nil
        default:
            break
        }
        if let only = node.soleTextChild {
            // One run of text (most paragraphs and cells): no children array to walk.
            guard let pieces = split(only.literal, line: only.line, column: only.column, selfID: selfID, root: root) else { return nil }
            var copy = node
            copy.children = pieces
            return copy
        }
        let old = node.children
        guard !old.isEmpty else { return nil }
        var children: [MarkdownNode]? = nil  // created at the first change
        var index = 0
        while index < old.count {
            guard case .text = old[index].kind else {
                if let changed = transform(old[index], selfID: selfID, root: root) {
                    if children == nil { children = Array(old[..<index]) }
                    children?.append(changed)
                } else {
                    children?.append(old[index])
                }
                index += 1
                continue
            }
            // cmark can split one run of text in several nodes (at `_`, `[`, ...).
            var end = index + 1
            while end < old.count, case .text = old[end].kind { end += 1 }
            let text = end == index + 1 ? old[index].literal : old[index..<end].map(\.literal).joined()
            if let pieces = split(text, line: old[index].line, column: old[index].column, selfID: selfID, root: root) {
                if children == nil { children = Array(old[..<index]) }
                children?.append(contentsOf: pieces)
            } else {
                children?.append(contentsOf: old[index..<end])
            }
            index = end
        }
        guard let children else { return nil }
        var copy = node
        copy.children = children
        return copy
    }

    /// Text and link nodes for `text`, or nil when it names no id.
    private func split(_ text: String, line: Int, column: Int, selfID: String?, root: String) -> [MarkdownNode]? {
        let bytes = Array(text.utf8)
        var pieces: [MarkdownNode] = []
        var plainStart = 0
        var position = 0
        while position < bytes.count {
            guard Self.isIDByte(bytes[position]) else {
                position += 1
                continue
            }
            let start = position
            while position < bytes.count, Self.isIDByte(bytes[position]) { position += 1 }
            var end = position
            var target = lookUp(bytes, start, end)
            if target == nil {
                while end > start, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
                if end < position { target = lookUp(bytes, start, end) }
            }
            guard let (id, found) = target, id != selfID else { continue }
            if start > plainStart {
                pieces.append(MarkdownNode(.text, literal: Self.string(bytes, plainStart, start), line: line, column: column))
            }
            pieces.append(MarkdownNode(.link(url: root + found.path, title: found.title),
                                       children: [MarkdownNode(.text, literal: id, line: line, column: column)],
                                       line: line, column: column))
            plainStart = end
        }
        guard !pieces.isEmpty else { return nil }
        if plainStart < bytes.count {
            pieces.append(MarkdownNode(.text, literal: Self.string(bytes, plainStart, bytes.count), line: line, column: column))
        }
        return pieces
    }

    private func lookUp(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (String, Target)? {
        let length = end - start
        guard length > 0, length >= shortest, length <= longest, firstBytes[Int(bytes[start])], lastBytes[Int(bytes[end - 1])] else { return nil }
        let word = Self.string(bytes, start, end)
        return targets[word].map { (word, $0) }
    }

    private static func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `[A-Za-z0-9._-]`: the characters an id is made of. Every other character
    /// (spaces, punctuation, any non-ASCII character) ends a word.
    static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
