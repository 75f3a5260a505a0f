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
            appendWords(of: node.literal, to: &words)
            return
        default:
            break
        }
        if let only = node.soleTextChild {
            appendWords(of: only.literal, to: &words)
            return
        }
        var run = ""
        node.forEachChild { child in
            if case .text = child.kind {
                run += child.literal
                return
            }
            if !run.isEmpty {
                appendWords(of: run, to: &words)
                run = ""
            }
            collect(child, into: &words)
        }
        if !run.isEmpty { appendWords(of: run, to: &words) }
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

    /// The hash of each word `IDLinker.matches` could look up in `text`,
    /// appended to `words`: every longest run of id characters, and the run
    /// less its trailing dots. One pass over the bytes: each word is hashed
    /// as it is read, and the hash before its trailing dots kept on the way.
    static func appendWords(of text: String, to words: inout [UInt64]) {
        var text = text
        text.withUTF8 { utf8 in IDLinker.idByteTable.withUnsafeBufferPointer { isIDByte in
            var position = 0
            let count = utf8.count
            while position < count {
                guard isIDByte[Int(utf8[position])] else {
                    position += 1
                    continue
                }
                var value = fnvBasis, beforeDots = fnvBasis
                var endsWithDot = false, hasOther = false
                while position < count {
                    let byte = utf8[position]
                    guard isIDByte[Int(byte)] else { break }
                    value = (value ^ UInt64(byte)) &* fnvPrime
                    if byte == UInt8(ascii: ".") {
                        endsWithDot = true
                    } else {
                        beforeDots = value
                        endsWithDot = false
                        hasOther = true
                    }
                    position += 1
                }
                words.append(value)
                if endsWithDot, hasOther { words.append(beforeDots) }
            }
        } }
    }

    private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01B3

    /// FNV-1a, 64 bits: the same in every process, since the filter is kept on disk.
    /// The probes are double hashing from the hash's two halves.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value = fnvBasis
        for byte in bytes { value = (value ^ UInt64(byte)) &* fnvPrime }
        return value
    }

}
