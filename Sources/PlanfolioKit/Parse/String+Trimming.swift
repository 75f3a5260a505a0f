import Foundation

/// Trimming in plain Swift for the Parse stage's per-cell and per-line work.
///
/// Foundation's `trimmingCharacters(in:)` goes through NSString on Linux and
/// was most of the plan template reader's time; these do the same for the
/// whitespace the reader trims, without leaving the standard library.
extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Without leading and trailing whitespace (spaces, tabs, line ends).
    var trimmedWhitespace: String {
        // On the contiguous bytes (a native string or a slice of one); any
        // other text is copied into a native string first.
        if let trimmed = utf8.withContiguousStorageIfAvailable({ Self.trimmedASCIIEnds($0) }) {
            return trimmed ?? byCharacters
        }
        var copy = String(self)
        return copy.withUTF8 { Self.trimmedASCIIEnds($0) } ?? byCharacters
    }

    /// `bytes` without whitespace at the ends, when what is left starts and
    /// ends with ASCII (nearly always); nil otherwise. Whitespace bytes are
    /// 9-13 and 32, and a character boundary lies between two ASCII bytes
    /// (but CR LF, both whitespace), so trimming bytes gives the same string
    /// as trimming characters there.
    private static func trimmedASCIIEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return "" }
        guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The same, character by character.
    private var byCharacters: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// Exactly `trimmingCharacters(in: .whitespaces)` (spaces and tabs at
    /// the ends; Unicode's other space separators too), without NSString
    /// when the text ends in ASCII on both sides, as nearly all front matter
    /// values and system names do.
    var trimmedLikeFoundationWhitespaces: String {
        trimmedASCII({ $0 == 0x20 || $0 == 0x09 }) { trimmingCharacters(in: .whitespaces) }
    }

    /// Exactly `trimmingCharacters(in: .whitespacesAndNewlines)`, as above.
    var trimmedLikeFoundationWhitespacesAndNewlines: String {
        trimmedASCII({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Drops the ASCII bytes `isMember` accepts from both ends; when what is
    /// left starts or ends with a non-ASCII scalar (which Foundation's set may
    /// hold), answers with `fallback` instead.
    private func trimmedASCII(_ isMember: (UInt8) -> Bool, fallback: () -> String) -> String {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isMember(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isMember(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        guard start < end else { return "" }
        guard utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 else { return fallback() }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(Substring(utf8[start..<end]))
    }
}
