/// Reads the common, flat shape of front matter without Yams.
///
/// Yams (libyaml plus its Swift layer) cost about 0.65 M instructions per
/// document; nearly every front matter is a handful of `key: value` lines
/// and lists. This reader accepts only that shape and answers nil for
/// anything else, which then goes to Yams:
///
/// - top-level lines `key: value` or `key:` followed by a list, a key being
///   `[A-Za-z0-9_][A-Za-z0-9_.-]*` at column 1;
/// - a value that is a plain scalar on one line (starting with a letter, a
///   digit, a non-ASCII character or one of `( . / _ + ~ $ = ^ ; <`, without
///   `: ` or a final `:`), or `"text"` without `\` or `"` inside, or
///   `'text'` without `'` inside;
/// - a list: lines `- value` at one indentation, or `- key: value` items
///   whose further `key: value` lines sit two columns deeper (metrics);
/// - blank lines anywhere.
///
/// Anything else (comments, tabs, flow collections, anchors, tags, block and
/// multi-line scalars, escapes, duplicate keys, other indentation, control
/// or YAML line-break characters) is left to Yams. For what it accepts it
/// gives exactly Yams's tree (strings, styles, lines): `FlatFrontMatterReaderTests`
/// checks that over the sample, the benchmark corpus and tricky cases.
enum FlatFrontMatterReader {
    static func read(_ yaml: String) -> FrontMatterNode? {
        var reader = Reader(bytes: Array(yaml.utf8))
        return reader.document()
    }

    private struct Line {
        var start: Int      // first byte
        var end: Int        // past the last byte, before the newline
        var indent: Int     // leading spaces
        var number: Int     // from 1
    }

    private struct Reader {
        let bytes: [UInt8]
        var lines: [Line] = []
        var next = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func document() -> FrontMatterNode? {
            guard acceptableBytes(), splitLines() else { return nil }
            var pairs: [FrontMatterPair] = []
            var keys: Set<String> = []
            var mappingLine = 0
            while let line = nextNonBlank() {
                guard line.indent == 0, let (key, valueStart) = key(in: line) else { return nil }
                guard keys.insert(key).inserted else { return nil }
                if mappingLine == 0 { mappingLine = line.number }
                next += 1
                let keyNode = FrontMatterNode.scalar(key, plain: true, line: line.number)
                if valueStart < line.end {
                    guard let value = scalar(line, from: valueStart) else { return nil }
                    pairs.append(FrontMatterPair(key: keyNode, value: value))
                    continue
                }
                // `key:` then a list, or nothing (null).
                if let following = nextNonBlank(), bytes[following.start + following.indent] == UInt8(ascii: "-") {
                    guard let list = sequence(indent: following.indent) else { return nil }
                    pairs.append(FrontMatterPair(key: keyNode, value: list))
                } else {
                    if let following = nextNonBlank(), following.indent > 0 { return nil }
                    pairs.append(FrontMatterPair(key: keyNode, value: .scalar("", plain: true, line: line.number)))
                }
            }
            guard !pairs.isEmpty else { return nil }
            return .mapping(pairs, line: mappingLine)
        }

        /// No byte Yams treats specially anywhere: controls but the newline,
        /// tabs, `#`, `\`, and the UTF-8 of C1 controls, NEL, U+2028/9,
        /// U+FEFF, U+FFFE/F.
        func acceptableBytes() -> Bool {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x0A { return false }
                if byte == 0x7F || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\\") { return false }
                if byte == 0xC2, index + 1 < count, bytes[index + 1] < 0xA0 { return false }
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
                index += 1
            }
            return true
        }

        /// False when a line holds only spaces (left to Yams).
        mutating func splitLines() -> Bool {
            var start = 0
            var number = 1
            let count = bytes.count
            while start <= count {
                var end = start
                while end < count, bytes[end] != 0x0A { end += 1 }
                var indent = 0
                while start + indent < end, bytes[start + indent] == 0x20 { indent += 1 }
                if indent > 0 && start + indent == end { return false }
                lines.append(Line(start: start, end: end, indent: indent, number: number))
                number += 1
                start = end + 1
            }
            return true
        }

        /// The next line that is not empty, nil at the end.
        mutating func nextNonBlank() -> Line? {
            while next < lines.count, lines[next].start == lines[next].end { next += 1 }
            return next < lines.count ? lines[next] : nil
        }

        /// `key:` at the line's indentation: the key and where its value
        /// starts (the line's end when there is none).
        func key(in line: Line, at column: Int? = nil) -> (String, Int)? {
            var index = column ?? (line.start + line.indent)
            let keyStart = index
            guard index < line.end, isKeyByte(bytes[index], first: true) else { return nil }
            while index < line.end, isKeyByte(bytes[index], first: false) { index += 1 }
            guard index < line.end, bytes[index] == UInt8(ascii: ":") else { return nil }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
            index += 1
            if index == line.end { return (key, index) }
            guard bytes[index] == 0x20 else { return nil }
            while index < line.end, bytes[index] == 0x20 { index += 1 }
            // `key:   ` with only spaces after it: left to Yams.
            guard index < line.end else { return nil }
            return (key, index)
        }

        func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") { return true }
            return !first && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))
        }

        /// A one-line scalar from `start` to the line's end.
        func scalar(_ line: Line, from start: Int) -> FrontMatterNode? {
            var end = line.end
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard start < end else { return nil }
            let first = bytes[start]
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard end - start >= 2, bytes[end - 1] == first else { return nil }
                var index = start + 1
                while index < end - 1 {
                    if bytes[index] == first { return nil }
                    index += 1
                }
                return .scalar(String(decoding: bytes[(start + 1)..<(end - 1)], as: UTF8.self), plain: false, line: line.number)
            }
            guard isPlainStart(first) else { return nil }
            guard bytes[end - 1] != UInt8(ascii: ":") else { return nil }
            var index = start
            while index < end - 1 {
                if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == 0x20 { return nil }
                index += 1
            }
            return .scalar(String(decoding: bytes[start..<end], as: UTF8.self), plain: true, line: line.number)
        }

        func isPlainStart(_ byte: UInt8) -> Bool {
            if byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { return true }
            return "(./_+~$=^;<".utf8.contains(byte)
        }

        /// Lines `- item` at `indent`, from the current line.
        mutating func sequence(indent: Int) -> FrontMatterNode? {
            var items: [FrontMatterNode] = []
            var sequenceLine = 0
            while let line = nextNonBlank() {
                if line.indent < indent || (indent == 0 && bytes[line.start] != UInt8(ascii: "-")) { break }
                guard line.indent == indent else { return nil }
                let dash = line.start + indent
                guard bytes[dash] == UInt8(ascii: "-"), dash + 2 < line.end, bytes[dash + 1] == 0x20, bytes[dash + 2] != 0x20 else { return nil }
                if sequenceLine == 0 { sequenceLine = line.number }
                next += 1
                if key(in: line, at: dash + 2) != nil {
                    guard let mapping = itemMapping(first: line, column: indent + 2) else { return nil }
                    items.append(mapping)
                } else {
                    guard let item = scalar(line, from: dash + 2) else { return nil }
                    items.append(item)
                }
            }
            return .sequence(items, line: sequenceLine)
        }

        /// `- key: value` and the `key: value` lines below it at `column`.
        mutating func itemMapping(first: Line, column: Int) -> FrontMatterNode? {
            var pairs: [FrontMatterPair] = []
            var keys: Set<String> = []
            var line = first
            while true {
                guard let (key, valueStart) = self.key(in: line, at: line.start + column), keys.insert(key).inserted else { return nil }
                let keyNode = FrontMatterNode.scalar(key, plain: true, line: line.number)
                if valueStart < line.end {
                    guard let value = scalar(line, from: valueStart) else { return nil }
                    pairs.append(FrontMatterPair(key: keyNode, value: value))
                } else {
                    if let following = nextNonBlank(), following.indent > column { return nil }
                    pairs.append(FrontMatterPair(key: keyNode, value: .scalar("", plain: true, line: line.number)))
                }
                guard let following = nextNonBlank(), following.indent == column else { break }
                line = following
                next += 1
            }
            return .mapping(pairs, line: first.number)
        }
    }
}
