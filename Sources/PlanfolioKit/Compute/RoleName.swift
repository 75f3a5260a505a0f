import Foundation

/// How approval roles are compared: the spec's matching rule in one place.
///
/// "Compliance Officer (if applicable)", "compliance  officer" and
/// "Compliance Officer" are one role: case is ignored, runs of spaces count
/// as one, a trailing parenthesis is dropped, and spaces around `/` are
/// ignored ("System Owner / Product Manager").
enum RoleName {
    static func key(_ role: String) -> String {
        asciiKey(role) ?? keyByCharacters(role)
    }

    /// `key` by characters and Foundation: the rule as first written, for
    /// any text (and the reference `asciiKey` is tested against).
    static func keyByCharacters(_ role: String) -> String {
        var text = role.trimmingSpaces
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open != text.startIndex {
            text = String(text[..<open]).trimmingSpaces
        }
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        var joined = words.joined(separator: " ")
        while joined.contains(" /") { joined = joined.replacingOccurrences(of: " /", with: "/") }
        while joined.contains("/ ") { joined = joined.replacingOccurrences(of: "/ ", with: "/") }
        return joined
    }

    /// `key` byte by byte for ASCII text without carriage returns (every
    /// role name in practice; nil for any other), with the same result:
    /// there a character is a byte, so trimming, the parenthesis, lowercasing
    /// and splitting at spaces and tabs work on bytes, and removing " /" and
    /// "/ " until none is left removes exactly the single spaces next to a `/`.
    /// Runs for every approval row of every plan, twice (Compute and the
    /// approvals page); the Foundation searches were 3% of a build.
    static func asciiKey(_ role: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(role.utf8.count)
        for byte in role.utf8 {
            guard byte < 0x80, byte != UInt8(ascii: "\r") else { return nil }
            bytes.append(byte)
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        var text = trimmed(0..<bytes.count)
        if let last = text.last, bytes[last] == UInt8(ascii: ")"),
           let open = bytes[text].lastIndex(of: UInt8(ascii: "(")), open != text.lowerBound {
            text = trimmed(text.lowerBound..<open)
        }
        // Words split at spaces and tabs, lowercased, joined by one space.
        var joined: [UInt8] = []
        joined.reserveCapacity(text.count)
        var pendingSpace = false
        for byte in bytes[text] {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pendingSpace = !joined.isEmpty
                continue
            }
            if pendingSpace {
                joined.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            joined.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        // No space next to a slash.
        var out: [UInt8] = []
        out.reserveCapacity(joined.count)
        for (index, byte) in joined.enumerated() {
            if byte == UInt8(ascii: " "),
               (index > 0 && joined[index - 1] == UInt8(ascii: "/")) || (index + 1 < joined.count && joined[index + 1] == UInt8(ascii: "/")) {
                continue
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let complianceOfficer = "Compliance Officer"
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Empty, or a template placeholder such as `[Name]`: nothing written yet.
    var isBlankOrPlaceholder: Bool {
        let text = trimmingSpaces
        return text.isEmpty || (text.hasPrefix("[") && text.hasSuffix("]") && !text.dropFirst().dropLast().contains("]"))
    }
}
