/// An HTML fragment as planfolio writes it, read strictly: for property
/// tests that check rendered output is well formed and escaped, whatever
/// text went in.
///
/// Strict means: every `<` opens a tag (`<name attr="value">` or `</name>`),
/// every attribute value is double-quoted, every `&` starts one of the
/// entities `htmlEscaped` writes or a numeric reference, and every element
/// but the void ones is closed in order.
struct HTMLFragment {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Names of the elements it sits in, outermost first.
        var ancestors: [String]
        /// Its text content's UTF-8, entities as written.
        var textBytes: [UInt8] = []
        var text: String { String(decoding: textBytes, as: UTF8.self) }
    }

    static let voidElements: Set<String> = ["img", "br", "hr", "input", "meta", "link", "col", "wbr"]
    static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

    /// Every element, in document order.
    private(set) var elements: [Element] = []

    /// The fragment, or why it is not well formed and escaped.
    static func parse(_ html: String) -> Result<HTMLFragment, Problem> {
        var fragment = HTMLFragment()
        var open: [Int] = []  // indices into elements
        let bytes = Array(html.utf8)
        var index = 0
        func problem(_ text: String) -> Result<HTMLFragment, Problem> {
            let context = String(decoding: bytes[max(0, index - 40)..<min(bytes.count, index + 40)], as: UTF8.self)
            return .failure(Problem(message: "\(text) at byte \(index): …\(context)…"))
        }
        func entityOK(at position: Int) -> Bool {
            let rest = bytes[position...]
            if entities.contains(where: { rest.starts(with: $0.utf8) }) { return true }
            guard rest.starts(with: "&#".utf8) else { return false }
            var cursor = position + 2
            let hex = cursor < bytes.count && (bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X"))
            if hex { cursor += 1 }
            let digitsStart = cursor
            while cursor < bytes.count, isDigit(bytes[cursor], hex: hex) { cursor += 1 }
            return cursor > digitsStart && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ";")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                guard entityOK(at: index) else { return problem("a bare '&'") }
            }
            if byte == UInt8(ascii: ">") { return problem("a bare '>' in text") }
            guard byte == UInt8(ascii: "<") else {
                for element in open { fragment.elements[element].textBytes.append(byte) }
                index += 1
                continue
            }
            index += 1
            let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { return problem("a '<' that opens no tag") }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            if closing {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return problem("a malformed end tag") }
                guard let last = open.last, fragment.elements[last].name == name else { return problem("</\(name)> closes nothing open") }
                open.removeLast()
                index += 1
                continue
            }
            var attributes: [String: String] = [:]
            while true {
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                guard index < bytes.count else { return problem("an unfinished tag") }
                if bytes[index] == UInt8(ascii: ">") { index += 1; break }
                if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") { index += 2; break }
                let attributeStart = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                guard index > attributeStart else { return problem("a malformed attribute") }
                let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self)
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                    attributes[attribute] = ""  // a boolean attribute (`checked`, `disabled`)
                    continue
                }
                index += 1
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return problem("an unquoted attribute value") }
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: ">") { return problem("'<' or '>' in an attribute value") }
                    if bytes[index] == UInt8(ascii: "&"), !entityOK(at: index) { return problem("a bare '&' in an attribute value") }
                    index += 1
                }
                guard index < bytes.count else { return problem("an unclosed attribute value") }
                attributes[attribute] = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                index += 1
            }
            let ancestors = open.map { fragment.elements[$0].name }
            fragment.elements.append(Element(name: name, attributes: attributes, ancestors: ancestors))
            if !voidElements.contains(name) { open.append(fragment.elements.count - 1) }
        }
        guard open.isEmpty else { return problem("<\(fragment.elements[open.last!].name)> is never closed") }
        return .success(fragment)
    }

    struct Problem: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
        return hex && ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}
