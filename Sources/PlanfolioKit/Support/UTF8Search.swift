import Foundation

/// Finds a byte in a string's UTF-8 with `memchr`.
///
/// `PlaceholderFinder` asks of every document's source whether it holds a
/// `[` or `&`, and of every text node whether it holds a `[`; walking `String.UTF8View` index by
/// index was a visible part of a build. A native string's bytes are
/// contiguous, so the C library searches them instead. An ASCII byte in
/// UTF-8 is always that character, never part of another.
enum UTF8Search {
    /// Whether `byte` occurs in `text`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        withBytes(of: text) { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }
}
