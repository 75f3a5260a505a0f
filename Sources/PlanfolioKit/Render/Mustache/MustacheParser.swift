/// Turns template text into a `MustacheNode` tree, once per build.
///
/// Follows the Mustache spec, ~inheritance included. A section, inverted
/// section, end, comment, partial, parent, block or set-delimiter tag alone
/// on its line (only spaces or tabs around it) is "standalone": its whole
/// line, newline included, is left out of the output, and a standalone
/// partial's leading whitespace becomes the indentation of every line of the
/// partial. Text directly inside `{{<parent}}` is ignored, so there a tag
/// needs no clear left side of its own, and a parent's opening and closing
/// tags may share a line and still be standalone together. Block
/// indentation is "intrinsic": an override whose opening tag is standalone
/// loses the indentation of its first line from each of its lines, and is
/// given the indentation of the block it replaces (`MustacheNode.block`).
/// Errors carry the line and column of the offending tag.
struct MustacheParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Offset of the first byte of the current line.
    private var lineStart = 0
    /// `lineStart` of the line the last tag that kept its line was on: a second tag on a line is not standalone.
    private var lastTagLineStart = -1
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// The intrinsic indentation of the override being read (in the template's own columns), taken off the start of its lines.
    private var outdent: [UInt8] = []
    private var frames: [Frame]
    private(set) var references: [(name: String, line: Int)] = []

    /// A section, parent or block being read (or the template itself, at the bottom).
    private struct Frame {
        enum Kind { case root, section, invertedSection, parent, block }
        let kind: Kind
        let name: String
        /// Offset of the opening tag, for errors.
        let offset: Int
        /// The opening tag had only blanks before it on its line.
        var clearsLeft = false
        /// The opening tag kept the rest of its line (it was not standalone, or, for a parent, its line goes on).
        var keptLine = false
        /// Parent: the indentation of its lines. Block: the indentation an override gets in its place.
        var indentation: [UInt8] = []
        /// `outdent` outside this frame, restored when it closes.
        var outerOutdent: [UInt8] = []
        /// Parent: the blanks before its opening tag, taken out of the enclosing text.
        var removedBlanks: [UInt8] = []
        var nodes: [MustacheNode] = []
        var text: [UInt8] = []

        /// Takes up to `max` blanks off the end of the pending text (a standalone tag's indentation) and returns them.
        mutating func removeTrailingBlanks(max: Int) -> [UInt8] {
            var count = 0
            while count < max && count < text.count && MustacheParser.isBlank(text[text.count - 1 - count]) { count += 1 }
            let removed = Array(text.suffix(count))
            text.removeLast(count)
            return removed
        }

        mutating func flushText() {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = nodes.last {
                nodes[nodes.count - 1] = .text(previous + text)
            } else {
                nodes.append(.text(text))
            }
            text.removeAll(keepingCapacity: true)
        }
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
        frames = [Frame(kind: .root, name: "", offset: 0)]
    }

    mutating func parse() throws(MustacheParseError) -> [MustacheNode] {
        let count = bytes.count
        while position < count {
            let start = position
            var index = position
            var tagStart: Int?
            let first = open[0]
            while index < count {
                let byte = bytes[index]
                if byte == first && matches(open, at: index) {
                    tagStart = index
                    break
                }
                if byte == UInt8(ascii: "\n") { lineStart = index + 1 }
                index += 1
            }
            appendText(start..<index)
            position = index
            guard let tagStart else { break }
            try parseTag(at: tagStart)
        }
        if let unclosed = frames.last, unclosed.kind != .root {
            throw error("\(describe(unclosed)) is never closed", at: unclosed.offset)
        }
        frames[0].flushText()
        return frames[0].nodes
    }

    /// Template text into the current frame; inside an override, each line loses what it has of `outdent`.
    private mutating func appendText(_ range: Range<Int>) {
        guard !outdent.isEmpty else {
            frames[frames.count - 1].text.append(contentsOf: bytes[range])
            return
        }
        var index = range.lowerBound
        while index < range.upperBound {
            if index == 0 || bytes[index - 1] == UInt8(ascii: "\n") {
                var matched = 0
                while matched < outdent.count && index < range.upperBound && bytes[index] == outdent[matched] {
                    matched += 1
                    index += 1
                }
            }
            var end = index
            while end < range.upperBound && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end < range.upperBound { end += 1 }
            frames[frames.count - 1].text.append(contentsOf: bytes[index..<end])
            index = end
        }
    }

    private mutating func parseTag(at start: Int) throws(MustacheParseError) {
        var index = start + open.count
        guard index < bytes.count else { throw error("tag is not closed", at: start) }
        var sigil = bytes[index]
        var closer = close
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"),
             UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "%"):
            index += 1
        case UInt8(ascii: "{"):
            index += 1
            closer = [UInt8(ascii: "}")] + close
        default:
            sigil = 0
        }
        guard let end = find(closer, from: index) else {
            throw error("tag is not closed: no '\(String(decoding: closer, as: UTF8.self))' after it", at: start)
        }
        let content = String(decoding: bytes[index..<end], as: UTF8.self)
        let tagEnd = end + closer.count
        let isInterpolation = sigil == 0 || sigil == UInt8(ascii: "&") || sigil == UInt8(ascii: "{")

        // Left: only blanks before the tag on its line, and no tag before it there. Directly
        // inside a parent, text is ignored: a tag there clears unless the parent's own opening
        // tag, on the same line, did not.
        let tagLineStart = lineStart
        let topKind = frames[frames.count - 1].kind
        let prefix = bytes[tagLineStart..<start]
        var clearsLeft = false
        var lineEnd: Int?
        var standalone = false
        if !isInterpolation {
            // Left: only blanks before the tag on its line, and no tag before it there. Directly
            // inside a parent, text is ignored: a tag there clears unless the parent's own opening
            // tag, on the same line, did not.
            clearsLeft = topKind == .parent
                ? frames[frames.count - 1].clearsLeft || frames[frames.count - 1].offset < tagLineStart
                : lastTagLineStart != tagLineStart && prefix.allSatisfy(Self.isBlank)
            // Right: only blanks after the tag up to its line's end; `lineEnd` is past that end's newline.
            var after = tagEnd
            while after < bytes.count && Self.isBlank(bytes[after]) { after += 1 }
            if after == bytes.count {
                lineEnd = after
            } else if bytes[after] == UInt8(ascii: "\n") {
                lineEnd = after + 1
            } else if bytes[after] == UInt8(ascii: "\r") && after + 1 < bytes.count && bytes[after + 1] == UInt8(ascii: "\n") {
                lineEnd = after + 2
            }
            // A parent's opening tag and an override's closing tag need only clear on the left:
            // what follows them on the line is ignored text inside the parent.
            let closesOverride = sigil == UInt8(ascii: "/") && topKind == .block && frames[frames.count - 2].kind == .parent
            standalone = sigil == UInt8(ascii: "<") || closesOverride ? clearsLeft : clearsLeft && lineEnd != nil
        }
        // Inside a parent the text before a tag may be anything: only blanks are indentation.
        let prefixIsBlank = clearsLeft && (topKind != .parent || prefix.allSatisfy(Self.isBlank))
        let keepsLine = !standalone || lineEnd == nil

        for offset in start..<tagEnd where bytes[offset] == UInt8(ascii: "\n") { lineStart = offset + 1 }
        var indentation: [UInt8] = []
        var removed: [UInt8] = []
        if standalone {
            if prefixIsBlank { indentation = relative(Array(prefix)) }
            removed = frames[frames.count - 1].removeTrailingBlanks(max: prefix.count)
        }
        if keepsLine {
            position = tagEnd
            lastTagLineStart = lineStart
        } else if let lineEnd {
            position = lineEnd
            lineStart = lineEnd
        }

        switch sigil {
        case UInt8(ascii: "!"), UInt8(ascii: "%"):
            return  // comment; pragmas are accepted and ignored
        case UInt8(ascii: "="):
            try setDelimiters(content, at: start)
            return
        default:
            break
        }
        let name = try self.name(content, at: start)
        switch sigil {
        case 0:
            append(.variable(MustacheName(name), escaped: true))
        case UInt8(ascii: "&"), UInt8(ascii: "{"):
            append(.variable(MustacheName(name), escaped: false))
        case UInt8(ascii: "#"):
            frames.append(Frame(kind: .section, name: name, offset: start))
        case UInt8(ascii: "^"):
            frames.append(Frame(kind: .invertedSection, name: name, offset: start))
        case UInt8(ascii: "$"):
            var frame = Frame(kind: .block, name: name, offset: start, clearsLeft: clearsLeft, keptLine: keepsLine, outerOutdent: outdent)
            if topKind == .parent {
                // An override: a standalone opening tag makes its first line's indentation intrinsic.
                if !keepsLine { outdent = leadingBlanks(at: position) }
            } else if !keepsLine {
                // A standalone block: an override gets the indentation of the line after its opening tag.
                frame.indentation = relative(leadingBlanks(at: position))
            } else if clearsLeft && prefixIsBlank {
                // Maybe a standalone pair (`  {{$b}}{{/b}}`): decided at the closing tag.
                frame.indentation = relative(Array(prefix))
            }
            frames.append(frame)
        case UInt8(ascii: "<"):
            references.append((name, line(of: start)))
            frames.append(Frame(kind: .parent, name: name, offset: start, clearsLeft: clearsLeft, keptLine: keepsLine,
                                indentation: standalone ? indentation : [], removedBlanks: removed))
        case UInt8(ascii: ">"):
            references.append((name, line(of: start)))
            append(.partial(name, indentation: indentation))
        default:  // "/"
            try closeFrame(name, at: start, clearsRight: lineEnd != nil)
        }
    }

    /// The blanks at the start of the line at `offset`.
    private func leadingBlanks(at offset: Int) -> [UInt8] {
        var end = offset
        while end < bytes.count && Self.isBlank(bytes[end]) { end += 1 }
        return Array(bytes[offset..<end])
    }

    /// `indentation` (in the template's columns) less what `outdent` takes off the line.
    private func relative(_ indentation: [UInt8]) -> [UInt8] {
        var common = 0
        while common < indentation.count && common < outdent.count && indentation[common] == outdent[common] { common += 1 }
        return Array(indentation[common...])
    }

    private mutating func closeFrame(_ name: String, at offset: Int, clearsRight: Bool) throws(MustacheParseError) {
        guard var frame = frames.last, frame.kind != .root else {
            throw error("{{/\(name)}} closes nothing: no section named '\(name)' is open", at: offset)
        }
        guard frame.name == name else {
            throw error("{{/\(name)}} does not close \(describe(frame)), opened on line \(line(of: frame.offset))", at: offset)
        }
        frames.removeLast()
        frame.flushText()
        let node: MustacheNode
        switch frame.kind {
        case .section:
            node = .section(MustacheName(name), frame.nodes)
        case .invertedSection:
            node = .invertedSection(MustacheName(name), frame.nodes)
        case .block:
            outdent = frame.outerOutdent
            // A standalone opening tag: overrides take the block's lines. Opening tag clear on
            // the left, closing tag clear on the right (a standalone pair): the override goes on
            // from the text before the opening tag, its later lines indented as that line is.
            let standaloneOpening = !frame.keptLine
            let pair = frame.keptLine && frame.clearsLeft && clearsRight
            node = .block(name, defaultContent: frame.nodes, indentation: standaloneOpening || pair ? frame.indentation : [],
                          continuesLine: pair)
        case .parent:
            var overrides: [String: [MustacheNode]] = [:]
            for child in frame.nodes {
                switch child {
                case .block(let block, let content, _, _): overrides[block] = content
                case .text: break  // text inside a parent tag is ignored
                default:
                    throw error("only {{$block}} tags may be inside {{<\(name)}}: move other tags into a block", at: frame.offset)
                }
            }
            var indentation = frame.indentation
            if frame.keptLine && frame.clearsLeft && !clearsRight {
                // Opening tag clear on the left but the pair is inline: the blanks before it are text after all.
                frames[frames.count - 1].text.append(contentsOf: frame.removedBlanks)
                indentation = []
            }
            node = .parent(name, overrides: overrides, indentation: indentation)
        case .root:
            return
        }
        append(node)
    }

    private mutating func append(_ node: MustacheNode) {
        frames[frames.count - 1].flushText()
        frames[frames.count - 1].nodes.append(node)
    }

    private mutating func setDelimiters(_ content: String, at offset: Int) throws(MustacheParseError) {
        let trimmed = content.trimmingBlanks
        let parts = trimmed.hasSuffix("=") ? trimmed.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }) : []
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("set-delimiter tag must look like {{=<% %>=}}", at: offset)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    private func name(_ content: String, at offset: Int) throws(MustacheParseError) -> String {
        let name = content.trimmingBlanks
        guard !name.isEmpty else { throw error("tag has no name", at: offset) }
        guard !name.hasPrefix("*") else {
            throw error("'\(name)': dynamic names are not supported: name the partial itself (docs/theme.md)", at: offset)
        }
        guard !name.contains(where: { $0.isWhitespace }) else {
            throw error("tag name '\(name)' contains whitespace", at: offset)
        }
        guard !name.contains("(") && !name.contains(")") else {
            throw error("'\(name)': transforms such as first() are not supported", at: offset)
        }
        return name
    }

    private func describe(_ frame: Frame) -> String {
        switch frame.kind {
        case .section: "{{#\(frame.name)}}"
        case .invertedSection: "{{^\(frame.name)}}"
        case .parent: "{{<\(frame.name)}}"
        case .block: "{{$\(frame.name)}}"
        case .root: "the template"
        }
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for (index, byte) in delimiter.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + delimiter.count <= bytes.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func line(of offset: Int) -> Int {
        1 + bytes[0..<offset].count(where: { $0 == UInt8(ascii: "\n") })
    }

    private func error(_ message: String, at offset: Int) -> MustacheParseError {
        var start = offset
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = offset
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let column = String(decoding: bytes[start..<offset], as: UTF8.self).count + 1
        let lineText = String(decoding: bytes[start..<end], as: UTF8.self)
        return MustacheParseError(message: message, line: line(of: offset), column: column, lineText: lineText)
    }

    fileprivate static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}

private extension String {
    var trimmingBlanks: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
