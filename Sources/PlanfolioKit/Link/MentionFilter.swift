import PlanfolioMarkdown

/// Which ids a document's prose may mention, kept without its tree.
///
/// `IDLinker` turns ids written in prose into links, so a document's page
/// changes when a document it mentions is added, removed, moved or
/// retitled. A build that has not parsed the page's document this time
/// (its body unchanged) asks this filter instead: a Bloom filter of every
/// word `IDLinker` could look up in the body (a superset: headings, link
/// texts and alt texts count too; code and raw HTML do not). It never says
/// no to a word the body holds, and says yes to another word about once in
/// a hundred times, which costs a page that did not need it a re-render.
public struct MentionFilter: Sendable, Equatable {
    /// The filter's bits, a power of two of them, at least 64.
    public private(set) var bytes: [UInt8]

    /// Bits per distinct word; three probes give about 1.5% false positives.
    private static let bitsPerWord = 10
    private static let probes = 3

    public init(bytes: [UInt8]) {
        let usable = bytes.count >= 8 && bytes.count & (bytes.count - 1) == 0
        self.bytes = usable ? bytes : [UInt8](repeating: 0xFF, count: 8)
    }

    /// The words of `body`'s prose, walked with an explicit stack (no recursion on the tree's depth).
    public init(body: MarkdownNode) {
        var words = Set<UInt64>()
        var stack = [body]
        while let node = stack.popLast() {
            switch node.kind {
            case .code, .codeBlock, .htmlBlock, .htmlInline:
                continue
            case .text:
                Self.forEachWord(in: node.literal) { words.insert($0) }
            default:
                node.forEachChild { stack.append($0) }
            }
        }
        var bitCount = 64
        while bitCount < words.count * Self.bitsPerWord { bitCount <<= 1 }
        var bytes = [UInt8](repeating: 0, count: bitCount / 8)
        for word in words {
            for bit in Self.bits(of: word, count: bitCount) { bytes[bit >> 3] |= 1 << UInt8(bit & 7) }
        }
        self.bytes = bytes
    }

    /// False only when `id` is certainly not a word of the prose.
    public func mayMention(_ id: String) -> Bool {
        let bitCount = bytes.count * 8
        return Self.bits(of: Self.hash(Substring(id).utf8), count: bitCount).allSatisfy { bytes[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
    }

    /// Each word `IDLinker.matches` could look up: every longest run of id
    /// characters, and the run less its trailing dots.
    static func forEachWord(in text: String, _ body: (UInt64) -> Void) {
        let utf8 = Array(text.utf8)
        var position = 0
        while position < utf8.count {
            guard IDLinker.isIDByte(utf8[position]) else {
                position += 1
                continue
            }
            let start = position
            while position < utf8.count, IDLinker.isIDByte(utf8[position]) { position += 1 }
            body(hash(utf8[start..<position]))
            var end = position
            while end > start, utf8[end - 1] == UInt8(ascii: ".") { end -= 1 }
            if end > start, end < position { body(hash(utf8[start..<end])) }
        }
    }

    /// FNV-1a, 64 bits: the same in every process, since the filter is kept on disk.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01B3
        }
        return value
    }

    /// The probes' bit positions: double hashing from the two halves of the word's hash.
    private static func bits(of word: UInt64, count: Int) -> [Int] {
        let mask = UInt64(count - 1)
        let first = word, second = (word >> 32) | (word << 32) | 1
        return (0..<UInt64(probes)).map { Int((first &+ $0 &* second) & mask) }
    }
}
