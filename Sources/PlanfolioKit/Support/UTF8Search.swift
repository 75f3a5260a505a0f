import Foundation

/// Finds bytes in a string's UTF-8 with `memchr` and `memcmp`, or a word
/// (eight bytes) at a time.
///
/// Walking `String.UTF8View` index by index (or Foundation's `range(of:)`)
/// was a visible part of a build where every page's HTML or every node of
/// every tree is searched; a native string's bytes are contiguous, so the
/// C library searches them instead. UTF-8 is self-synchronising: a match of
/// a whole character's bytes is always that character.
enum UTF8Search {
    /// Byte offset of the first occurrence of `pattern` in `text`; nil when
    /// there is none or `pattern` is empty.
    static func firstOffset(of pattern: String, in text: String) -> Int? {
        var pattern = pattern
        return pattern.withUTF8 { needle in
            withBytes(of: text) { firstOffset(of: needle, in: $0) }
        }
    }

    /// Whether `byte` occurs in `text`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        withBytes(of: text) { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let needleBase = needle.baseAddress, let base = bytes.baseAddress, !needle.isEmpty else { return nil }
        var start = 0
        while bytes.count - start >= needle.count {
            guard let found = memchr(base + start, Int32(needle[0]), bytes.count - start - needle.count + 1) else { return nil }
            let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if memcmp(base + position, needleBase, needle.count) == 0 { return position }
            start = position + 1
        }
        return nil
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
