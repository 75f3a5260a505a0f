/// Finds YAML anchors (`&name`) and aliases (`*name`) before Yams sees the text.
///
/// Front matter and `planfolio.yml` never need them, and they are how 500
/// bytes of YAML become 10^8 nodes (`l1: &l1 [*l0, *l0, ...]`, ten deep).
/// Yams composes an alias as the very node it names: cheap while shared,
/// but hashing a mapping's keys for duplicates, and every walk over the
/// tree after it, pays for the whole expansion. So the text is refused
/// before Yams runs (`FrontMatterDecoder`, `ConfigLoader`), at the line of
/// the first anchor or alias.
///
/// The scan must never miss one, and should not flag text that merely holds
/// `&` or `*`. It reads the text line by line as YAML's scanner would:
/// quoted scalars, plain scalars (where `&` and `*` are text), comments,
/// flow collections on one line, and block scalars (`|`, `>`), whose
/// content lines it skips only when YAML would certainly read them as
/// content. An anchor or alias can only start where a node starts, so a
/// `&` or `*` there is reported. Whatever a one-line reading cannot follow
/// for certain (a quoted scalar or flow collection that goes on to the
/// next line, a line break other than LF, a byte-order mark) sends the
/// whole text to a cruder scan that reports every `&` or `*` before a name
/// character not preceded by a letter or digit: it may flag text such as
/// `*draft*` in a title, never miss an anchor. A multi-line plain scalar's
/// next line is read as if it started a node, the same kind of harmless
/// over-report.
enum YAMLAnchorScan {
    /// The 1-based line of the first anchor or alias in `yaml`, or nil when it holds none.
    static func firstLine(in yaml: String) -> Int? {
        let bytes = Array(yaml.utf8)
        if hasUnusualBreaks(bytes) { return crudeScan(bytes) }
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)

        var number = 0
        while number < lines.count {
            switch scan(bytes, lines[number]) {
            case .found: return number + 1
            case .unsure: return crudeScan(bytes)
            case .done: number += 1
            case .blockScalar(let owner, let explicitIndent):
                number = afterBlockScalar(bytes, lines, from: number + 1, owner: owner, explicitIndent: explicitIndent)
            }
        }
        return nil
    }

    private enum LineResult {
        case found
        /// Nothing found; the next line is read afresh.
        case done
        /// A construct that goes on past the line: read the text the crude way.
        case unsure
        /// A block scalar header; `owner` is the column of the key or entry it belongs to.
        case blockScalar(owner: Int, explicitIndent: Int?)
    }

    // MARK: - One line

    private static func scan(_ bytes: [UInt8], _ line: Range<Int>) -> LineResult {
        var index = line.lowerBound
        let end = line.upperBound
        while index < end && bytes[index] == space { index += 1 }
        let indent = index - line.lowerBound
        // A document marker at column 0 (`--- &a x`): a node may follow it.
        if indent == 0, end - index >= 3,
           (bytes[index] == dash && bytes[index + 1] == dash && bytes[index + 2] == dash)
            || (bytes[index] == dot && bytes[index + 1] == dot && bytes[index + 2] == dot),
           index + 3 == end || isBlank(bytes[index + 3]) {
            index += 3
        }
        var flow = 0
        var atNodeStart = true
        // Column of the last key, entry or collection start: the owner of a block scalar.
        var owner = indent
        func followedByBlank(_ at: Int) -> Bool { at + 1 >= end || isBlank(bytes[at + 1]) }

        while true {
            let before = index
            while index < end && isBlank(bytes[index]) { index += 1 }
            guard index < end else { break }
            let byte = bytes[index]
            let column = index - line.lowerBound
            // A comment needs a blank (or the line's start) before its `#`.
            if byte == hash && (index == line.lowerBound || index > before || isBlank(bytes[index - 1])) { break }
            if !atNodeStart {
                if byte == colon && (flow > 0 || followedByBlank(index)) {
                    index += 1
                    atNodeStart = true
                } else if flow > 0 && byte == comma {
                    index += 1
                    atNodeStart = true
                } else if flow > 0 && (byte == closeBracket || byte == closeBrace) {
                    flow -= 1
                    index += 1
                } else {
                    // Not valid YAML after a node; read it as if a node started here.
                    atNodeStart = true
                }
                continue
            }
            switch byte {
            case ampersand, asterisk:
                return .found
            case exclamation:
                // A tag: its characters up to a blank (or a flow indicator), then the node.
                index += 1
                while index < end && !isBlank(bytes[index]) && !(flow > 0 && isFlowIndicator(bytes[index])) { index += 1 }
            case dash where followedByBlank(index), question where followedByBlank(index):
                owner = column
                index += 1
            case colon where flow > 0 || followedByBlank(index):
                index += 1
            case openBracket, openBrace:
                owner = column
                flow += 1
                index += 1
            case closeBracket, closeBrace:
                if flow > 0 { flow -= 1 }
                index += 1
                atNodeStart = false
            case comma where flow > 0:
                index += 1
            case singleQuote, doubleQuote:
                owner = column
                guard let close = closingQuote(bytes, from: index, end: end) else { return .unsure }
                index = close + 1
                atNodeStart = false
            case pipe where flow == 0, greater where flow == 0:
                if let explicitIndent = blockScalarHeader(bytes, from: index + 1, end: end) {
                    return .blockScalar(owner: owner, explicitIndent: explicitIndent)
                }
                index = endOfPlainScalar(bytes, from: index + 1, end: end, flow: flow)
                atNodeStart = false
            default:
                owner = column
                index = endOfPlainScalar(bytes, from: index + 1, end: end, flow: flow)
                atNodeStart = false
            }
        }
        return flow > 0 ? .unsure : .done
    }

    /// Where a plain scalar starting before `from` ends: at `: ` (in a flow
    /// collection, at any `:` or flow indicator), at ` #`, or at the line's end.
    private static func endOfPlainScalar(_ bytes: [UInt8], from: Int, end: Int, flow: Int) -> Int {
        var index = from
        while index < end {
            let byte = bytes[index]
            if byte == colon && (flow > 0 || index + 1 >= end || isBlank(bytes[index + 1])) { return index }
            if flow > 0 && isFlowIndicator(byte) { return index }
            if byte == hash && isBlank(bytes[index - 1]) { return index }
            index += 1
        }
        return index
    }

    /// The index of the quote closing the one at `open` on this line, or nil.
    private static func closingQuote(_ bytes: [UInt8], from open: Int, end: Int) -> Int? {
        let quote = bytes[open]
        var index = open + 1
        while index < end {
            let byte = bytes[index]
            if quote == doubleQuote && byte == backslash {
                index += 2
                continue
            }
            if byte == quote {
                // `''` inside single quotes is one quote.
                if quote == singleQuote && index + 1 < end && bytes[index + 1] == singleQuote {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return nil
    }

    /// After `|` or `>`: at most one indentation digit and one chomping
    /// sign, then blanks and perhaps a comment. The digit (0 when absent)
    /// when that is what follows; nil when it is no block scalar header.
    private static func blockScalarHeader(_ bytes: [UInt8], from: Int, end: Int) -> Int?? {
        var index = from
        var digit: Int?
        var sign = false
        while index < end, index < from + 2 {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") && digit == nil {
                digit = Int(byte - UInt8(ascii: "0"))
            } else if (byte == plus || byte == dash) && !sign {
                sign = true
            } else {
                break
            }
            index += 1
        }
        let afterIndicators = index
        while index < end && isBlank(bytes[index]) { index += 1 }
        guard index == end || (bytes[index] == hash && index > afterIndicators) else { return nil }
        return .some(digit)
    }

    /// The line after a block scalar's content. Content is what YAML's
    /// scanner takes: the lines indented at least as far as the first
    /// non-blank one (or as the indicator says), when that is deeper than
    /// the owner. Where the scan is unsure of the owner it takes it as deep
    /// as it can be, so it never skips a line YAML would read as structure.
    private static func afterBlockScalar(_ bytes: [UInt8], _ lines: [Range<Int>], from first: Int,
                                         owner: Int, explicitIndent: Int?) -> Int {
        func spaces(_ line: Range<Int>) -> Int {
            var index = line.lowerBound
            while index < line.upperBound && bytes[index] == space { index += 1 }
            return index - line.lowerBound
        }
        func isEmpty(_ line: Range<Int>) -> Bool { spaces(line) == line.count }
        let contentIndent: Int
        if let explicitIndent {
            contentIndent = owner + explicitIndent
        } else {
            var widest = 0
            var number = first
            while number < lines.count && isEmpty(lines[number]) {
                widest = max(widest, lines[number].count)
                number += 1
            }
            guard number < lines.count else { return lines.count }
            widest = max(widest, spaces(lines[number]))
            guard widest > owner else { return first }
            contentIndent = widest
        }
        var number = first
        while number < lines.count, isEmpty(lines[number]) || spaces(lines[number]) >= contentIndent {
            number += 1
        }
        return number
    }

    // MARK: - The crude scan

    /// CR, NEL, U+2028, U+2029 (YAML line breaks besides LF) or a byte-order mark anywhere.
    private static func hasUnusualBreaks(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D { return true }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return true }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return true }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return true }
            index += 1
        }
        return false
    }

    /// Every `&` or `*` followed by a character an anchor name may hold and
    /// not preceded by an ASCII letter or digit (after which it is always
    /// text): a superset of YAML's anchors and aliases.
    private static func crudeScan(_ bytes: [UInt8]) -> Int? {
        var line = 1
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == ampersand || byte == asterisk, index + 1 < bytes.count else { continue }
            let next = bytes[index + 1]
            guard !isBlank(next), next != 0x0A, next != 0x0D, !isFlowIndicator(next) else { continue }
            if index > 0, isASCIIAlphanumeric(bytes[index - 1]) { continue }
            return line
        }
        return nil
    }

    // MARK: - Bytes

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let dash = UInt8(ascii: "-"), dot = UInt8(ascii: "."), hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ","), question = UInt8(ascii: "?")
    private static let ampersand = UInt8(ascii: "&"), asterisk = UInt8(ascii: "*"), exclamation = UInt8(ascii: "!")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let singleQuote = UInt8(ascii: "'"), doubleQuote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let pipe = UInt8(ascii: "|"), greater = UInt8(ascii: ">"), plus = UInt8(ascii: "+")

    private static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    private static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == comma || byte == openBracket || byte == closeBracket || byte == openBrace || byte == closeBrace
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
