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
            var content: [MarkdownNode] = []
            for next in blocks[(index + 1)...] {
                if case .heading(let nextLevel) = next.kind, nextLevel <= level { break }
                content.append(next)
            }
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

    /// Nil for the untouched template's intervention (name, date and
    /// duration all placeholders), whose placeholders are already warned about.
    private mutating func readIntervention(number: Int, name: String, heading: MarkdownNode, content: [MarkdownNode]) -> Intervention? {
        var targetText: (value: String, placeholder: Bool, line: Int)?
        var duration: String?
        var durationPlaceholder = false
        var description: String?
        for item in MarkdownQueries.labelledParagraphs(in: content) {
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
