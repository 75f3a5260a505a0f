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
        let lines = TextLines.split(text)
        let split = FrontMatterSplitter.split(text)
        let body = MarkdownParser.parse(split.body, firstLine: split.bodyFirstLine)
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
            var section = heading.line < last ? Array(lines[heading.line..<last]) : []
            section = section.map { $0.trimmingTrailingSpaces }
            while section.first?.isEmpty == true { section.removeFirst() }
            while section.last?.isEmpty == true { section.removeLast() }
            hasher.combine(section.count)
            for line in section { hasher.combine(String(line)) }
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

/// A text's lines as planfolio numbers them: a byte order mark dropped,
/// CRLF and CR read as line ends, the last line's end optional.
enum TextLines {
    static func split(_ text: String) -> [Substring] {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" { end = index(before: end) }
        return self[startIndex..<end]
    }
}
