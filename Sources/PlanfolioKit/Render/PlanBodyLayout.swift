import PlanfolioMarkdown

/// Puts a plan page's structured panels where its raw Markdown tables were,
/// so each of phases, responsibilities and approvals is shown once.
///
/// A small transform of the plan's Markdown tree before it is rendered: the
/// first table of "Phases and Milestones", "Responsibilities" and "Approval"
/// (the tables Parse read, found the same way) is replaced by a marker
/// paragraph, which `BodySplitter` turns into a cut where the template puts
/// the panel. Where a plan lacks the table, the marker goes where a reader
/// of the template looks for it:
///
/// - timeline: under "Phases and Milestones", else under "Implementation
///   Plan" (right after the heading);
/// - responsibilities: under "Responsibilities";
/// - approvals: at the end of the "Approval" section.
///
/// A panel with no such place gets no marker and goes at the end of the body.
enum PlanBodyLayout {
    static func place(_ panels: [PlanPanel], in body: MarkdownNode, plan: PlanSections?) -> MarkdownNode {
        guard !panels.isEmpty else { return body }
        var body = withoutMarkerCharacter(body)
        var blocks = body.children
        // Replacements first, from the last position to the first, so positions stay valid.
        var edits: [(position: Int, replace: Bool, panel: PlanPanel)] = []
        for panel in panels {
            if let edit = spot(for: panel, in: blocks, plan: plan) { edits.append((edit.position, edit.replace, panel)) }
        }
        for edit in edits.sorted(by: { $0.position > $1.position }) {
            let marker = MarkdownNode(.paragraph, children: [MarkdownNode(.text, literal: edit.panel.marker)], line: blocks.indices.contains(edit.position) ? blocks[edit.position].line : 0)
            if edit.replace {
                blocks[edit.position] = marker
            } else {
                blocks.insert(marker, at: edit.position)
            }
        }
        body.children = blocks
        return body
    }

    /// Where a panel's marker goes: the index of the table it replaces, or
    /// the index to insert it at.
    static func spot(for panel: PlanPanel, in blocks: [MarkdownNode], plan: PlanSections?) -> (position: Int, replace: Bool)? {
        switch panel {
        case .timeline:
            if let section = section("Phases and Milestones", in: blocks) {
                if !(plan?.phases.isEmpty ?? true), let table = firstTable(in: blocks, section: section) { return (table, true) }
                return (section.lowerBound + 1, false)
            }
            if let section = section("Implementation Plan", in: blocks) { return (section.lowerBound + 1, false) }
            return nil
        case .responsibilities:
            guard let section = section("Responsibilities", in: blocks), let table = firstTable(in: blocks, section: section) else { return nil }
            return (table, true)
        case .approvals:
            guard let section = section("Approval", in: blocks) else { return nil }
            if plan?.hasApprovalTable ?? false, let table = firstTable(in: blocks, section: section) { return (table, true) }
            return (section.upperBound, false)
        }
    }

    /// The heading called `name` (first match, as Parse finds it) and the
    /// blocks up to the next heading of the same or a higher level, as indices.
    static func section(_ name: String, in blocks: [MarkdownNode]) -> Range<Int>? {
        let wanted = MarkdownQueries.normalizedHeading(name)
        guard let start = blocks.firstIndex(where: { block in
            if case .heading = block.kind { return MarkdownQueries.normalizedHeading(block.plainText) == wanted }
            return false
        }), case .heading(let level) = blocks[start].kind else { return nil }
        var end = start + 1
        while end < blocks.count {
            if case .heading(let next) = blocks[end].kind, next <= level { break }
            end += 1
        }
        return start..<end
    }

    /// The first table block of a section (after its heading): where
    /// `MarkdownTable(block)` reads one, which is exactly a `.table` node, so
    /// the kind is checked without reading the table's cells.
    static func firstTable(in blocks: [MarkdownNode], section: Range<Int>) -> Int? {
        blocks[section].indices.dropFirst().first { index in
            if case .table = blocks[index].kind { return true }
            return false
        }
    }

    /// The tree with U+E000 removed from its text, so that no plan can write a
    /// panel marker of its own. Untouched (and not copied) when it has none.
    static func withoutMarkerCharacter(_ node: MarkdownNode) -> MarkdownNode {
        guard contains(node) else { return node }
        var node = node
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: node.literal.unicodeScalars.filter { $0 != "\u{E000}" })
        node.literal = String(scalars)
        node.children = node.children.map(withoutMarkerCharacter)
        return node
    }

    private static func contains(_ node: MarkdownNode) -> Bool {
        (!node.literal.isEmpty && UTF8Search.firstOffset(of: "\u{E000}", in: node.literal) != nil) || node.children.contains(where: contains)
    }
}
