/// A 128-bit hash that is the same in every process and on every run.
///
/// Swift's `Hasher` is seeded randomly per process, so it cannot key a cache
/// on disk. This one runs two independent multiply-rotate lanes over 8-byte
/// words (about 1 GB/s); each step is a bijection of the lane for a fixed
/// word, so changing any single word of the input always changes the lanes' state.
/// Every field is length-prefixed, so `("ab", "c")` and `("a", "bc")` differ.
/// Not cryptographic: it detects edits, it does not resist an attacker.
struct StableHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    private static let p1: UInt64 = 0xFF51_AFD7_ED55_8CCD
    private static let p2: UInt64 = 0xC4CE_B9FE_1A85_EC53

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* Self.p1)
        a = (a << 31) | (a >> 33)
        b = ((b ^ word) &* Self.p2)
        b = (b << 27) | (b >> 37)
        b = b &+ a
        count &+= 1
    }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var offset = 0
        let whole = bytes.count & ~7
        while offset < whole {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ value: Int) {
        mix(UInt64(bitPattern: Int64(value)))
    }

    mutating func combine(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    /// The hash as two words: what the session keys its results with (cheap to compare, store and hash again).
    func digest() -> Digest {
        let (high, low) = lanes()
        return Digest(high: high, low: low)
    }

    /// 32 hex digits.
    func finalize() -> String {
        digest().hex
    }

    private func lanes() -> (UInt64, UInt64) {
        func avalanche(_ value: UInt64) -> UInt64 {
            var x = value ^ count
            x ^= x >> 33; x &*= Self.p1
            x ^= x >> 33; x &*= Self.p2
            x ^= x >> 33
            return x
        }
        return (avalanche(a ^ (b >> 1)), avalanche(b ^ (a << 1)))
    }
}

/// A `StableHasher` hash: the key of a value in the build session.
struct Digest: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    /// No value: what a key is before anything was hashed into it.
    static let none = Digest(high: 0, low: 0)

    /// 32 hex digits.
    var hex: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }
}
