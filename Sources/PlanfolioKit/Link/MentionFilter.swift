/// Which ids a document's prose may mention, kept without its tree.
///
/// `IDLinker` turns ids written in prose into links, so a document's page
/// changes when a document it mentions is added, removed, moved or
/// retitled. A build that has not parsed the page's document this time
/// (its body unchanged) asks this filter instead: a Bloom filter of every
/// word of the document's source text, which holds every word `IDLinker`
/// could look up in its prose (and more: front matter, code, URLs). Two
/// things make a word of the page differ from the source's: a backslash
/// escape (`RP\-1` is shown as `RP-1`), which the scan reads past, and a
/// character reference (`RP&#45;1`), which makes the filter say yes to
/// every word. It never says no to a word the prose holds, and says yes to
/// another word about once in 500 times (`bitsPerWord`), which costs a page
/// that did not need it a re-render.
///
/// Each document's filter is salted with its path. Documents written on
/// one template share most of their words, so unsalted filters of the same
/// size share their false yeses too: a retitled id then either re-renders
/// no page or, when unlucky, the same 8% of the portfolio every time.
/// Salted, each document says a false yes on its own, and a retitle costs
/// about the same few pages whichever id it is.
public struct MentionFilter: Sendable, Equatable {
    /// The salt (8 bytes, little-endian) and then the filter's bits, a power
    /// of two of them, at least 64. A slice: a restored session's filters are
    /// read where they lie in the session's bytes, not copied out.
    public private(set) var bytes: ArraySlice<UInt8>

    /// Bits per word of the source: three probes then give at most 3% false
    /// positives (every word different); a word written twice or more leaves
    /// more bits to the rest, and the benchmark's documents give about 0.2%.
    private static let bitsPerWord = 8
    private static let probes = 3

    private static let saltSize = 8

    public init(bytes: [UInt8]) {
        self.init(bytes: bytes[...])
    }

    public init(bytes: ArraySlice<UInt8>) {
        let bits = bytes.count - Self.saltSize
        let usable = bits >= 8 && bits & (bits - 1) == 0
        self.bytes = usable ? bytes : Self.everything[...]
    }

    /// The words of `source`, a document's whole text; `salt`, the document's path.
    public init(source: String, salt: String) {
        var salt = salt
        let saltValue = salt.withUTF8 { Self.hash($0) }
        guard let words = Self.words(of: source) else {
            self.bytes = Self.everything[...]
            return
        }
        var bitCount = 64
        while bitCount < words.count * Self.bitsPerWord { bitCount <<= 1 }
        var bytes = [UInt8](repeating: 0, count: Self.saltSize + bitCount / 8)
        for index in 0..<Self.saltSize { bytes[index] = UInt8(truncatingIfNeeded: saltValue >> (8 * UInt64(index))) }
        let mask = UInt64(bitCount - 1)
        for word in words {
            let salted = Self.finish(word ^ saltValue)
            let second = (salted >> 32) | (salted << 32) | 1
            for probe in 0..<UInt64(Self.probes) {
                let bit = Self.saltSize * 8 + Int((salted &+ probe &* second) & mask)
                bytes[bit >> 3] |= 1 << UInt8(bit & 7)
            }
        }
        self.bytes = bytes[...]
    }

    /// A filter that says yes to every word.
    private static let everything = [UInt8](repeating: 0xFF, count: saltSize + 8)

    /// False only when `id` is certainly not a word of the prose.
    public func mayMention(_ id: String) -> Bool {
        var id = id
        let base = bytes.startIndex
        var saltValue: UInt64 = 0
        for index in 0..<Self.saltSize { saltValue |= UInt64(bytes[base + index]) << (8 * UInt64(index)) }
        let salted = Self.finish(id.withUTF8 { Self.hash($0) } ^ saltValue)
        let mask = UInt64((bytes.count - Self.saltSize) * 8 - 1)
        let second = (salted >> 32) | (salted << 32) | 1
        for probe in 0..<UInt64(Self.probes) {
            let bit = Self.saltSize * 8 + Int((salted &+ probe &* second) & mask)
            if bytes[base + (bit >> 3)] & (1 << UInt8(bit & 7)) == 0 { return false }
        }
        return true
    }

    /// The hash of each word of `text`: every longest
    /// run of id characters (`[A-Za-z0-9._-]`), read past backslash escapes
    /// as the page shows them, and the run less its trailing dots (a word
    /// ending a sentence), as `IDLinker.matches` tries both. One pass over
    /// the bytes: each word is hashed as it is read. nil, and stops, at a
    /// character reference (`&` then `#` or a letter): the page may then
    /// show a word the text does not spell out.
    static func words(of text: String) -> [UInt64]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt64]? in
            IDLinker.idByteTable.withUnsafeBufferPointer { isIDByte -> [UInt64]? in
                let count = utf8.count
                var words: [UInt64] = []
                words.reserveCapacity(count / 6)
                var position = 0
                while position < count {
                    let byte = utf8[position]
                    if byte == UInt8(ascii: "&"), position + 1 < count, isReferenceStart(utf8[position + 1]) { return nil }
                    guard isIDByte[Int(byte)] else {
                        position += 1
                        continue
                    }
                    var value = fnvBasis, beforeDots = fnvBasis
                    var endsWithDot = false, hasOther = false
                    while position < count {
                        var byte = utf8[position]
                        // `\-`, `\.`, `\_` are shown as the character alone: the word goes on.
                        if byte == UInt8(ascii: "\\"), position + 1 < count, isEscapedIDByte(utf8[position + 1]) {
                            position += 1
                            byte = utf8[position]
                        }
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
                return words
            }
        }
    }

    /// `#` or a letter: what follows `&` in a character reference.
    private static func isReferenceStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "#") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// The id characters a backslash escapes (punctuation: `-`, `.`, `_`).
    private static func isEscapedIDByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }

    private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01B3

    /// FNV-1a, 64 bits: the same in every process, since the filter is kept
    /// on disk. The probes are double hashing from the two halves of the
    /// hash salted and `finish`ed.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value = fnvBasis
        for byte in bytes { value = (value ^ UInt64(byte)) &* fnvPrime }
        return value
    }

    /// MurmurHash3's 64-bit finaliser. FNV-1a's multiply carries a change
    /// in a byte only upwards, so without it the low bits the probes read
    /// would stay alike for ids that differ in their last characters
    /// (`RP-2025-8700`, `RP-2025-8701`), and the salt would change little.
    @inline(__always)
    private static func finish(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
