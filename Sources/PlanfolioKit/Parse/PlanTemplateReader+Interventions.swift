import PlanfolioMarkdown

/// The template's "Proposed Intervention(s)": one `### Intervention N: NAME`
/// subsection per intervention, with its `**Target Completion Date**`,
/// `**Estimated Duration**` and `**Description**`.
extension PlanTemplateReader {
    mutating func readInterventions() -> [Intervention] {
        guard let section = section("Proposed Intervention(s)") else { return [] }
        var interventions: [Intervention] = []
        var firstLine: [Int: Int] = [:]
        let blocks = section.blocks
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind else { continue }
            let text = block.plainText.trimmedWhitespace
            guard let (number, name) = Self.interventionHeading(text) else {
                if text.lowercased().hasPrefix("intervention") {
                    diagnostics.append(.warning(.invalidValue,
                        "heading '\(text)' is not read as an intervention: write it as 'Intervention N: NAME'", file: file, line: block.line))
                }
                continue
            }
            let content = MarkdownQueries.sectionBlocks(blocks, after: index, level: level)
            guard let intervention = readIntervention(number: number, name: name, heading: block, content: content) else { continue }
            if let first = firstLine[number] {
                diagnostics.append(.error(.duplicateIntervention,
                    "two interventions are numbered \(number): this one and the one on line \(first)", file: file, line: block.line))
                continue
            }
            firstLine[number] = block.line
            interventions.append(intervention)
        }
        return interventions
    }

    /// The labels `readIntervention` reads; the others (impact, risks) are skipped unread.
    static func isInterventionLabel(_ key: String) -> Bool {
        // A key whose normalized form cannot start with t, e or d is none of
        // them: answered without building that form. Its first byte after
        // the spaces, tabs and line ends `normalized` drops: an ASCII byte
        // other than the whitespace VT and FF (dropped only from non-ASCII
        // keys) starts that form, lowercased.
        if let first = key.utf8.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
           first < 0x80, first != 0x0B, first != 0x0C,
           first | 0x20 != UInt8(ascii: "t"), first | 0x20 != UInt8(ascii: "e"), first | 0x20 != UInt8(ascii: "d") {
            return false
        }
        return switch MarkdownTable.normalized(key) {
        case "targetcompletiondate", "estimatedduration", "description": true
        default: false
        }
    }

    /// Nil for the untouched template's intervention (name, date and
    /// duration all placeholders), whose placeholders are already warned about.
    private mutating func readIntervention(number: Int, name: String, heading: MarkdownNode, content: [MarkdownNode]) -> Intervention? {
        var targetText: (value: String, placeholder: Bool, line: Int)?
        var duration: String?
        var durationPlaceholder = false
        var description: String?
        for item in MarkdownQueries.labelledParagraphs(in: content, wanted: Self.isInterventionLabel) {
            // Asked only of the three labels read here: most of an
            // intervention's labels (impact, risks) are not.
            func placeholder() -> Bool { isOnlyPlaceholders(item.value, in: item.paragraph) }
            switch MarkdownTable.normalized(item.key) {
            case "targetcompletiondate" where targetText == nil:
                targetText = (item.value, placeholder(), item.paragraph.line)
            case "estimatedduration" where duration == nil && !durationPlaceholder:
                if placeholder() { durationPlaceholder = true } else if !item.value.isEmpty { duration = item.value }
            case "description" where description == nil:
                if !item.value.isEmpty && !placeholder() { description = item.value }
            default:
                break
            }
        }
        let nameIsPlaceholder = isOnlyPlaceholders(name, in: heading)
        if nameIsPlaceholder, targetText.map({ $0.placeholder || $0.value.isEmpty }) ?? true, duration == nil, description == nil {
            return nil
        }
        let target = targetText.flatMap { text in
            day(text.value, isPlaceholder: text.placeholder, what: "the **Target Completion Date** of intervention \(number)", line: text.line)
        }
        return Intervention(number: number, name: name, targetDate: target, estimatedDuration: duration, line: heading.line, description: description)
    }

    /// `Intervention N: NAME` (also with `-`, `–` or `—` for the colon, or no
    /// name), in any case; nil for any other heading.
    static func interventionHeading(_ text: String) -> (number: Int, name: String)? {
        // ASCII headings (nearly all) by bytes, where each step below is one
        // byte; `lowercased()` and the Character steps were most of the cost.
        UTF8Search.isASCII(text) ? asciiInterventionHeading(text) : interventionHeadingByCharacters(text)
    }

    /// `interventionHeading` of an ASCII heading, by bytes.
    static func asciiInterventionHeading(_ text: String) -> (number: Int, name: String)? {
        var text = text
        return text.withUTF8 { bytes -> (number: Int, name: String)? in
            func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }
            let word = Array("intervention".utf8)
            guard bytes.count > word.count, word.indices.allSatisfy({ bytes[$0] | 0x20 == word[$0] }),
                  isSpace(bytes[word.count]) else { return nil }
            var index = word.count
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            let digitsStart = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[digitsStart..<index]), as: UTF8.self)
            guard !digits.isEmpty, digits.count <= 6, let number = Int(digits) else { return nil }
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            if index == bytes.count { return (number, "") }
            guard [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: ".")].contains(bytes[index]) else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)...]), as: UTF8.self)
            return (number, name.trimmedWhitespace)
        }
    }

    /// `interventionHeading` by Character, for any text.
    static func interventionHeadingByCharacters(_ text: String) -> (number: Int, name: String)? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("intervention") else { return nil }
        var rest = text.dropFirst("intervention".count)
        guard let first = rest.first, first.isWhitespace else { return nil }
        rest = rest.drop(while: \.isWhitespace)
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 6, let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count).drop(while: \.isWhitespace)
        if rest.isEmpty { return (number, "") }
        guard let separator = rest.first, [":", "-", "–", "—", "."].contains(separator) else { return nil }
        return (number, rest.dropFirst().trimmedWhitespace)
    }
}
