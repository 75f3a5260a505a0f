import PlanfolioMarkdown

/// Which ids a document's prose may mention, kept without its tree.
///
/// `IDLinker` turns ids written in prose into links, so a document's page
/// changes when a document it mentions is added, removed, moved or
/// retitled. A build that has not parsed the page's document this time
/// (its body unchanged) asks this filter instead: a Bloom filter of every
/// word `IDLinker` could look up in the body, found in runs of adjacent
/// text nodes as the renderer joins them (a superset: headings, link texts
/// and alt texts count too; code and raw HTML do not). It never says
/// no to a word the body holds, and says yes to another word about once in
/// a hundred times, which costs a page that did not need it a re-render.
public struct MentionFilter: Sendable, Equatable {
    /// The filter's bits, a power of two of them, at least 64.
    public private(set) var bytes: [UInt8]

    /// Bits per word of the prose: a word written twice or more leaves more
    /// bits to the rest, so three probes give at most 1.5% false positives.
    private static let bitsPerWord = 8
    private static let probes = 3

    public init(bytes: [UInt8]) {
        let usable = bytes.count >= 8 && bytes.count & (bytes.count - 1) == 0
        self.bytes = usable ? bytes : [UInt8](repeating: 0xFF, count: 8)
    }

    /// The words of `body`'s prose. The tree is at most
    /// `MarkdownParser.maximumDepth` deep, so the walk may recurse.
    public init(body: MarkdownNode) {
        var words: [UInt64] = []
        Self.collect(body, into: &words)
        // Sized by the words written, repeats and all (telling them apart cost more than the bits).
        var bitCount = 64
        while bitCount < words.count * Self.bitsPerWord { bitCount <<= 1 }
        var bytes = [UInt8](repeating: 0, count: bitCount / 8)
        let mask = UInt64(bitCount - 1)
        for word in words {
            let second = (word >> 32) | (word << 32) | 1
            for probe in 0..<UInt64(Self.probes) {
                let bit = Int((word &+ probe &* second) & mask)
                bytes[bit >> 3] |= 1 << UInt8(bit & 7)
            }
        }
        self.bytes = bytes
    }

    /// The words of `node`, as the renderer hands prose to `IDLinker`: each
    /// run of adjacent text nodes joined (cmark splits a run at `_`, `[`,
    /// an entity, ...), so a word split over nodes is still one word.
    private static func collect(_ node: MarkdownNode, into words: inout [UInt64]) {
        switch node.kind {
        case .code, .codeBlock, .htmlBlock, .htmlInline:
            return
        case .text:
            forEachWord(in: node.literal) { words.append($0) }
            return
        default:
            break
        }
        if let only = node.soleTextChild {
            forEachWord(in: only.literal) { words.append($0) }
            return
        }
        var run = ""
        node.forEachChild { child in
            if case .text = child.kind {
                run += child.literal
                return
            }
            if !run.isEmpty {
                forEachWord(in: run) { words.append($0) }
                run = ""
            }
            collect(child, into: &words)
        }
        if !run.isEmpty { forEachWord(in: run) { words.append($0) } }
    }

    /// False only when `id` is certainly not a word of the prose.
    public func mayMention(_ id: String) -> Bool {
        var id = id
        let word = id.withUTF8 { Self.hash($0) }
        let mask = UInt64(bytes.count * 8 - 1)
        let second = (word >> 32) | (word << 32) | 1
        for probe in 0..<UInt64(Self.probes) {
            let bit = Int((word &+ probe &* second) & mask)
            if bytes[bit >> 3] & (1 << UInt8(bit & 7)) == 0 { return false }
        }
        return true
    }

    /// Each word `IDLinker.matches` could look up: every longest run of id
    /// characters, and the run less its trailing dots.
    static func forEachWord(in text: String, _ body: (UInt64) -> Void) {
        var text = text
        text.withUTF8 { utf8 in IDLinker.idByteTable.withUnsafeBufferPointer { isIDByte in
            var position = 0
            while position < utf8.count {
                guard isIDByte[Int(utf8[position])] else {
                    position += 1
                    continue
                }
                let start = position
                while position < utf8.count, isIDByte[Int(utf8[position])] { position += 1 }
                body(hash(UnsafeBufferPointer(rebasing: utf8[start..<position])))
                var end = position
                while end > start, utf8[end - 1] == UInt8(ascii: ".") { end -= 1 }
                if end > start, end < position { body(hash(UnsafeBufferPointer(rebasing: utf8[start..<end]))) }
            }
        } }
    }

    /// FNV-1a, 64 bits: the same in every process, since the filter is kept on disk.
    /// The probes are double hashing from the hash's two halves.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01B3
        }
        return value
    }

}
