/// Turns template text into a `MustacheNode` tree, once per build.
///
/// Follows the Mustache spec: a section, inverted section, end, comment,
/// partial, parent, block or set-delimiter tag alone on its line (only
/// spaces or tabs around it) is "standalone": its whole line, newline
/// included, is left out of the output, and a standalone partial's leading
/// whitespace becomes the indentation of every line of the partial. Errors
/// carry the line and column of the offending tag.
struct MustacheParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Offset of the first byte of the current line.
    private var lineStart = 0
    /// `lineStart` of the line the last (non-standalone) tag was on: a second tag on a line is not standalone.
    private var lastTagLineStart = -1
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var frames: [Frame]
    private(set) var references: [(name: String, line: Int)] = []

    /// A section, parent or block being read (or the template itself, at the bottom).
    private struct Frame {
        enum Kind { case root, section, invertedSection, parent, block }
        let kind: Kind
        let name: String
        /// Offset of the opening tag, for errors.
        let offset: Int
        var indentation: [UInt8] = []
        var nodes: [MustacheNode] = []
        var text: [UInt8] = []

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
            frames[frames.count - 1].text.append(contentsOf: bytes[start..<index])
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

        // Standalone: only spaces or tabs before the tag on its line and after it up to the line's end.
        let tagLineStart = lineStart
        var lineEnd: Int?
        switch sigil {
        case 0, UInt8(ascii: "&"), UInt8(ascii: "{"):
            break
        default:
            if lastTagLineStart != tagLineStart && bytes[tagLineStart..<start].allSatisfy(Self.isBlank) {
                var after = tagEnd
                while after < bytes.count && Self.isBlank(bytes[after]) { after += 1 }
                if after == bytes.count {
                    lineEnd = after
                } else if bytes[after] == UInt8(ascii: "\n") {
                    lineEnd = after + 1
                } else if bytes[after] == UInt8(ascii: "\r") && after + 1 < bytes.count && bytes[after + 1] == UInt8(ascii: "\n") {
                    lineEnd = after + 2
                }
            }
        }
        for offset in start..<tagEnd where bytes[offset] == UInt8(ascii: "\n") { lineStart = offset + 1 }
        var indentation: [UInt8] = []
        if let lineEnd {
            indentation = Array(bytes[tagLineStart..<start])
            let pending = frames[frames.count - 1].text.count
            frames[frames.count - 1].text.removeLast(min(indentation.count, pending))
            position = lineEnd
            lineStart = lineEnd
        } else {
            position = tagEnd
            lastTagLineStart = lineStart
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
            frames.append(Frame(kind: .block, name: name, offset: start, indentation: indentation))
        case UInt8(ascii: "<"):
            references.append((name, line(of: start)))
            frames.append(Frame(kind: .parent, name: name, offset: start, indentation: indentation))
            // As in the spec and swift-mustache, a block right after `{{<name}}` counts as starting a line.
            lineStart = position
            lastTagLineStart = -1
        case UInt8(ascii: ">"):
            references.append((name, line(of: start)))
            append(.partial(name, indentation: indentation))
        default:  // "/"
            try closeFrame(name, at: start)
        }
    }

    private mutating func closeFrame(_ name: String, at offset: Int) throws(MustacheParseError) {
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
            node = .block(name, defaultContent: frame.nodes, indentation: frame.indentation)
        case .parent:
            var overrides: [String: [MustacheNode]] = [:]
            for child in frame.nodes {
                switch child {
                case .block(let block, let content, _): overrides[block] = content
                case .text: break  // text inside a parent tag is ignored
                default:
                    throw error("only {{$block}} tags may be inside {{<\(name)}}: move other tags into a block", at: frame.offset)
                }
            }
            node = .parent(name, overrides: overrides, indentation: frame.indentation)
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
        guard !name.contains(where: { $0.isWhitespace }) else {
            throw error("tag name '\(name)' contains whitespace", at: offset)
        }
        guard !name.contains("(") && !name.contains(")") else {
            throw error("'\(name)': transforms such as first() are not supported", at: offset)
        }
        guard !name.hasPrefix("*") else {
            throw error("'\(name)': dynamic names are not supported", at: offset)
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

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}

private extension String {
    var trimmingBlanks: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
