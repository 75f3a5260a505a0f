import Foundation

/// Finds a byte in a string's UTF-8 with `memchr`, or tells ASCII text a
/// word (eight bytes) at a time.
///
/// `PlaceholderFinder` asks of every document's source whether it holds a
/// `[` or `&`, and of every text node whether it holds a `[`; walking `String.UTF8View` index by
/// index was a visible part of a build. A native string's bytes are
/// contiguous, so the C library searches them instead. An ASCII byte in
/// UTF-8 is always that character, never part of another, which is also why
/// the search index and the plan reader take byte-wise paths for text that
/// `isASCII`.
enum UTF8Search {
    /// Whether `byte` occurs in `text`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        withBytes(of: text) { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether every byte of `text` is below 0x80, eight at a time.
    static func isASCII(_ text: String) -> Bool {
        withBytes(of: text) { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            while index + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < raw.count {
                if raw[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }
}
