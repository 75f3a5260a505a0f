import PlanfolioMarkdown

/// Reads the remediation plan template's sections into `PlanSections`.
///
/// Part of the Parse stage: DocumentParser calls it for every plan. It finds
/// the template's sections by heading text, reads their tables by column
/// name and their `**Label**: value` lines, and reports what a reader of the
/// plan would want fixed: placeholders left from the template, missing
/// sections, missing columns, bad dates and statuses. It never fails: a plan
/// that is only half written still yields what could be read.
struct PlanTemplateReader {
    let file: String
    let body: MarkdownNode
    /// Top-level heading text, normalised, to the index of the first block with it.
    let headingIndex: [String: Int]
    var diagnostics: [Diagnostic] = []
    /// False when the source has no `[` (nor `&`), so no text in the plan
    /// can be a placeholder (`PlaceholderFinder.mayHoldBrackets`).
    var mayHoldBrackets = true

    init(file: String, body: MarkdownNode) {
        self.file = file
        self.body = body
        var index: [String: Int] = [:]
        for (position, block) in body.children.enumerated() {
            guard case .heading = block.kind else { continue }
            let key = MarkdownQueries.normalizedHeading(block.plainText)
            if index[key] == nil { index[key] = position }
        }
        self.headingIndex = index
    }

    /// The template's sections, each with the subsections it holds; a missing
    /// section is named once, its subsections not again.
    static let templateSections: [(name: String, subsections: [String])] = [
        ("Assessment Information", []),
        ("Problem Summary", []),
        ("Remediation Goals", []),
        ("Proposed Intervention(s)", []),
        ("Implementation Plan", ["Phases and Milestones", "Responsibilities"]),
        ("Validation Strategy", ["Pre-Deployment Validation", "Post-Deployment Validation"]),
        ("Rollback Plan", ["Rollback Criteria", "Rollback Procedure", "Rollback Owner"]),
        ("Communication Plan", []),
        ("Approval", []),
    ]

    /// Other spellings a section may be found under.
    static let alternativeNames: [String: [String]] = [
        "Proposed Intervention(s)": ["Proposed Intervention"],
    ]

    /// Section that is navigation, neither required nor checked for placeholders.
    static let tableOfContents = "Table of Contents"

    /// - Parameter source: the Markdown `body` was parsed from, when the
    ///   caller has it: a source without `[` holds no placeholder (see
    ///   `PlaceholderFinder.mayHoldBrackets`), so the scan for them is skipped.
    static func read(_ body: MarkdownNode, file: String, source: String? = nil) -> (PlanSections, [Diagnostic]) {
        var reader = PlanTemplateReader(file: file, body: body)
        reader.mayHoldBrackets = source.map(PlaceholderFinder.mayHoldBrackets) ?? true
        var plan = PlanSections()
        reader.checkSections()
        if reader.mayHoldBrackets {
            reader.reportPlaceholders()
        }
        plan.phases = reader.readPhases()
        plan.responsibilities = reader.readResponsibilities()
        plan.interventions = reader.readInterventions()
        plan.validationPeriod = reader.readValidationPeriod()
        (plan.hasApprovalTable, plan.approvals) = reader.readApprovals()
        return (plan, reader.diagnostics)
    }

    /// The section called `name` or one of its other spellings: its heading
    /// and the blocks up to the next heading of the same or a higher level
    /// (as `MarkdownQueries.section`, from an index built once per plan).
    func section(_ name: String) -> (heading: MarkdownNode, blocks: [MarkdownNode])? {
        for key in Self.keys(name) {
            guard let position = headingIndex[key] else { continue }
            let blocks = body.children
            let heading = blocks[position]
            guard case .heading(let level) = heading.kind else { continue }
            return (heading, MarkdownQueries.sectionBlocks(blocks, after: position, level: level))
        }
        return nil
    }

    /// Whether `section(name)` finds a section, without collecting its blocks.
    func hasSection(_ name: String) -> Bool {
        Self.keys(name).contains { headingIndex[$0] != nil }
    }

    /// The normalised headings `name` is found under, in order: its own and
    /// its other spellings.
    static func keys(_ name: String) -> [String] {
        if let known = knownKeys[name] { return known }
        return ([name] + (alternativeNames[name] ?? [])).map(MarkdownQueries.normalizedHeading)
    }

    /// `keys` of the template's section names, computed once.
    private static let knownKeys: [String: [String]] = {
        var names = templateSections.flatMap { [$0.name] + $0.subsections }
        names.append(tableOfContents)
        var out: [String: [String]] = [:]
        for name in names {
            out[name] = ([name] + (alternativeNames[name] ?? [])).map(MarkdownQueries.normalizedHeading)
        }
        return out
    }()

    // MARK: Sections and placeholders

    /// One warning naming every template section the plan lacks, so that a
    /// plan not written on the template gets one line of advice, not ten.
    mutating func checkSections() {
        var missing: [String] = []
        for (name, subsections) in Self.templateSections {
            guard hasSection(name) else {
                missing.append("'\(name)'")
                continue
            }
            for subsection in subsections where !hasSection(subsection) {
                missing.append("'\(subsection)' (under '\(name)')")
            }
        }
        guard !missing.isEmpty else { return }
        let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing[missing.count - 1]
        diagnostics.append(.warning(.missingSection,
            "plan has no \(list) \(missing.count == 1 ? "section" : "sections"), which the template has", file: file, line: 1))
    }

    /// One warning per placeholder, outside the table of contents.
    mutating func reportPlaceholders() {
        var blocks = body.children
        if let contents = headingIndex[Self.keys(Self.tableOfContents)[0]],
           case .heading(let level) = blocks[contents].kind {
            var end = contents + 1
            while end < blocks.count {
                if case .heading(let next) = blocks[end].kind, next <= level { break }
                end += 1
            }
            blocks.removeSubrange(contents..<end)
        }
        for placeholder in PlaceholderFinder.find(in: blocks) {
            diagnostics.append(.warning(.templatePlaceholder,
                "template placeholder '\(Self.shortened(placeholder.text))' is still in the plan: replace it with the real text",
                file: file, line: placeholder.line, column: placeholder.column > 0 ? placeholder.column : nil))
        }
    }

    /// Long placeholders (the template's instructions) cut to a readable length.
    static func shortened(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 2)) + "…]"
    }

    // MARK: Validation Strategy

    mutating func readValidationPeriod() -> String? {
        guard let section = section("Validation Strategy") else { return nil }
        let isPeriod = { (key: String) in MarkdownTable.normalized(key) == "validationperiod" }
        for item in MarkdownQueries.labelledParagraphs(in: section.blocks, wanted: isPeriod) {
            if item.value.isEmpty || isOnlyPlaceholders(item.value, in: item.paragraph) { return nil }
            return item.value
        }
        return nil
    }

    // MARK: Shared helpers

    /// `PlaceholderFinder.isOnlyPlaceholders(value, in:)`; false without
    /// looking when the source has no brackets.
    func isOnlyPlaceholders(_ value: String, in node: MarkdownNode) -> Bool {
        mayHoldBrackets && PlaceholderFinder.isOnlyPlaceholders(value, in: node)
    }

    /// A date cell or value: nil when empty or a placeholder (already warned
    /// about), an error when it is not `YYYY-MM-DD`.
    mutating func day(_ text: String, isPlaceholder: Bool, what: String, line: Int) -> Day? {
        if text.isEmpty || isPlaceholder { return nil }
        if let day = Day(text) { return day }
        diagnostics.append(.error(.invalidDate, "\(what) is '\(text)', not a date of the form YYYY-MM-DD", file: file, line: line))
        return nil
    }

    /// Reports the columns a table lacks; true when it has them all.
    @discardableResult
    mutating func requireColumns(_ names: [String], in table: MarkdownTable, section: String) -> Bool {
        let missing = names.filter { table.column($0) == nil }
        guard !missing.isEmpty else { return true }
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        diagnostics.append(.error(.missingColumn,
            "the '\(section)' table has no \(missing.count == 1 ? "column" : "columns") \(list) (it needs \(names.joined(separator: ", ")))",
            file: file, line: table.line))
        return false
    }

    /// The first table of a section; a warning when the section has none.
    mutating func table(in section: (heading: MarkdownNode, blocks: [MarkdownNode]), named name: String) -> MarkdownTable? {
        if let table = MarkdownTable.first(in: section.blocks, placeholders: mayHoldBrackets) { return table }
        diagnostics.append(.warning(.missingSection, "the '\(name)' section has no table, so nothing is read from it", file: file, line: section.heading.line))
        return nil
    }
}
