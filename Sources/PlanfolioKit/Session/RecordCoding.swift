/// A compact binary form for what the build cache keeps between builds.
///
/// Decoding 20,000 documents with `Codable` and JSON took longer than
/// parsing them again; this form is a flat run of varints and
/// length-prefixed UTF-8, written and read field by field in one fixed order.
/// The same value always gives the same bytes, so "did this document's face
/// change?" is a byte comparison.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written, taken out of the writer (left empty) without a copy.
    mutating func take() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Zig-zag LEB128: small numbers of either sign take one byte.
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Sixteen bytes, the two words little-endian.
    mutating func digest(_ value: Digest) {
        for word in [value.high, value.low] {
            var bits = word
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: some Collection<UInt8>) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    /// Bytes another writer wrote, as they are.
    mutating func append(_ encoded: ArraySlice<UInt8>) {
        bytes.append(contentsOf: encoded)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout RecordWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout RecordWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `RecordWriter` wrote. A short or malformed input does not
/// trap: every read past the end or out of range sets `failed` and returns
/// a placeholder, and the caller throws the whole result away when
/// `failed` is set (the cache then fails safe into a full build).
struct RecordReader {
    /// Indexed as the array it slices (`offset` and `end` are such indices).
    private let bytes: ArraySlice<UInt8>
    private(set) var offset: Int
    private let end: Int
    private(set) var failed = false

    init(_ bytes: [UInt8], from offset: Int = 0, to end: Int? = nil) {
        self.bytes = bytes[...]
        self.offset = offset
        self.end = min(end ?? bytes.count, bytes.count)
        if offset > self.end || offset < 0 {
            // Failed, and at the end: no read may index before the bytes.
            failed = true
            self.offset = self.end
        }
    }

    /// Reads a slice in place, without copying it.
    init(_ slice: ArraySlice<UInt8>) {
        bytes = slice
        offset = slice.startIndex
        end = slice.endIndex
    }

    var isAtEnd: Bool { offset >= end }

    mutating func fail() {
        failed = true
        offset = end
    }

    mutating func byte() -> UInt8 {
        guard offset < end else {
            fail()
            return 0
        }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = byte()
            if failed { return 0 }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
            if shift > 63 {
                fail()
                return 0
            }
        }
        // Zig-zag back: a logical shift (an arithmetic one on the signed
        // value would spread the top bit and turn Int.max into -1).
        return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    /// A count of things that each take at least one byte: never more than is left.
    mutating func count() -> Int {
        let value = int()
        guard value >= 0, value <= end - offset else {
            fail()
            return 0
        }
        return value
    }

    mutating func bool() -> Bool {
        switch byte() {
        case 0: return false
        case 1: return true
        default:
            fail()
            return false
        }
    }

    mutating func digest() -> Digest {
        guard end - offset >= 16 else {
            fail()
            return .none
        }
        var high: UInt64 = 0, low: UInt64 = 0
        for index in 0..<8 {
            high |= UInt64(bytes[offset + index]) << (8 * UInt64(index))
            low |= UInt64(bytes[offset + 8 + index]) << (8 * UInt64(index))
        }
        offset += 16
        return Digest(high: high, low: low)
    }

    mutating func double() -> Double {
        guard end - offset >= 8 else {
            fail()
            return 0
        }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() -> String {
        let length = count()
        guard !failed else { return "" }
        defer { offset += length }
        let start = offset - bytes.startIndex
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)
        }
    }

    /// What `RecordWriter.raw` wrote, as a slice of the input (not copied).
    mutating func raw() -> ArraySlice<UInt8> {
        let length = count()
        guard !failed else { return [] }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }

    mutating func optional<T>(_ read: (inout RecordReader) -> T) -> T? {
        switch byte() {
        case 0: return nil
        case 1: return read(&self)
        default:
            fail()
            return nil
        }
    }

    mutating func array<T>(_ read: (inout RecordReader) -> T) -> [T] {
        let count = count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let value = read(&self)
            if failed { return [] }
            values.append(value)
        }
        return values
    }

    /// A raw-value enum; an unknown value fails the read.
    mutating func enumeration<T: RawRepresentable>(_: T.Type) -> T? where T.RawValue == String {
        let raw = string()
        guard let value = T(rawValue: raw) else {
            fail()
            return nil
        }
        return value
    }
}
