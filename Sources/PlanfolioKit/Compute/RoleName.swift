import Foundation

/// How approval roles are compared: the spec's matching rule in one place.
///
/// "Compliance Officer (if applicable)", "compliance  officer" and
/// "Compliance Officer" are one role: case is ignored, runs of spaces count
/// as one, a trailing parenthesis is dropped, and spaces around `/` are
/// ignored ("System Owner / Product Manager").
enum RoleName {
    static func key(_ role: String) -> String {
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
