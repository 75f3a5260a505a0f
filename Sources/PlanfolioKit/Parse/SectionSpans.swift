import PlanfolioMarkdown

/// Where each of the plan template's sections lies in one version of a
/// plan's text, and a hash of what it says: two versions of a plan changed
/// a section when its hashes differ (`GovernedChanges`), and a revision's
/// page marks each change with the section it falls in.
///
/// Sections are found as `PlanTemplateReader` finds them: the first
/// top-level heading with the section's name (any level, any case,
/// "Intervention(s)" and "Interventions" alike), up to the next top-level
/// heading of the same or a higher level. Part of the Parse stage: it
/// parses the text with cmark, through `PlanfolioMarkdown`.
struct SectionSpan: Sendable, Hashable {
    /// The template's name of the section, e.g. `Remediation Goals`.
    var name: String
    /// One of the sections whose change voids a signature (SPEC 4.3).
    var governed: Bool
    /// Lines of the file, 1-based: the heading's, and the section's last.
    var firstLine: Int
    var lastLine: Int
    /// Hash of the section's lines after its heading, each without trailing
    /// spaces, blank lines at either end dropped.
    var textHash: Digest

    init(name: String, governed: Bool, firstLine: Int, lastLine: Int, textHash: Digest) {
        self.name = name
        self.governed = governed
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.textHash = textHash
    }
}

enum SectionSpans {
    /// The sections a signature covers (SPEC 4.3), by their template names.
    static let governed: Set<String> = ["Remediation Goals", "Proposed Intervention(s)", "Implementation Plan", "Validation Strategy", "Rollback Plan"]

    /// The template's top-level sections found in `text`, in template order.
    static func of(_ text: String) -> [SectionSpan] {
        let split = FrontMatterSplitter.split(text)
        return of(body: MarkdownParser.parse(split.body, firstLine: split.bodyFirstLine), lines: TextLines(text))
    }

    /// The sections of a text whose body is parsed already (a document of
    /// the session, parsed from the same bytes): `body` is what `of(_:)`
    /// would parse, `lines` the whole file's.
    static func of(body: MarkdownNode, lines: TextLines) -> [SectionSpan] {
        var headings: [(key: String, level: Int, line: Int)] = []
        for block in body.children {
            guard case .heading(let level) = block.kind else { continue }
            headings.append((MarkdownQueries.normalizedHeading(block.plainText), level, block.line))
        }
        var spans: [SectionSpan] = []
        for (name, _) in PlanTemplateReader.templateSections {
            let keys = PlanTemplateReader.keys(name)
            guard let position = headings.firstIndex(where: { keys.contains($0.key) }) else { continue }
            let heading = headings[position]
            let next = headings[(position + 1)...].first { $0.level <= heading.level }
            let last = min(lines.count, (next?.line ?? lines.count + 1) - 1)
            var hasher = StableHasher()
            var section = heading.line < last ? (heading.line..<last).map { lines[$0].trimmingTrailingSpaces } : []
            while section.first?.isEmpty == true { section.removeFirst() }
            while section.last?.isEmpty == true { section.removeLast() }
            hasher.combine(section.count)
            for line in section { hasher.combine(Array(line)) }
            spans.append(SectionSpan(name: name, governed: governed.contains(name), firstLine: heading.line, lastLine: max(heading.line, last),
                                     textHash: hasher.digest()))
        }
        return spans
    }

    /// The governed sections whose text differs between two versions' spans, in template order.
    static func governedChanges(from old: [SectionSpan], to new: [SectionSpan]) -> [String] {
        var changed: [String] = []
        for (name, _) in PlanTemplateReader.templateSections where governed.contains(name) {
            let before = old.first { $0.name == name }, after = new.first { $0.name == name }
            if before == nil && after == nil { continue }
            if before?.textHash != after?.textHash { changed.append(name) }
        }
        return changed
    }
}

/// A text's lines as planfolio numbers them, as byte ranges of its UTF-8:
/// a byte order mark dropped, LF, CRLF and CR read as line ends, the last
/// line's end optional. Bytes that are not UTF-8 are read as U+FFFD first,
/// so every line is text. Lines compare by their bytes (a diff must see an
/// "é" written two ways as two lines).
struct TextLines: Sendable {
    let bytes: [UInt8]
    let ranges: [Range<Int>]

    init(_ text: [UInt8]) {
        var bytes = text
        if String(validating: bytes, as: UTF8.self) == nil { bytes = Array(String(decoding: bytes, as: UTF8.self).utf8) }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var ranges: [Range<Int>] = []
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            ranges.append(start..<index)
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        self.bytes = bytes
        self.ranges = ranges
    }

    init(_ text: String) { self.init(Array(text.utf8)) }

    var count: Int { ranges.count }
    subscript(_ index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

    /// Line `index` (0-based) as text.
    func text(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }
}

private extension ArraySlice where Element == UInt8 {
    var trimmingTrailingSpaces: ArraySlice<UInt8> {
        var end = endIndex
        while end > startIndex, self[end - 1] == 0x20 || self[end - 1] == 0x09 { end -= 1 }
        return self[startIndex..<end]
    }
}
