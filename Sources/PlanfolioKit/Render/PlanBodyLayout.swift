import PlanfolioMarkdown

/// Puts a plan page's structured panels where its raw Markdown tables were,
/// so each of phases, responsibilities and approvals is shown once.
///
/// Lays out the page's blocks: the first table of "Phases and Milestones",
/// "Responsibilities" and "Approval" (the tables Parse read, found the same
/// way) gives its place to the panel, which `BodySplitter` writes between
/// the blocks around it. Where a plan lacks the table, the panel goes where
/// a reader of the template looks for it:
///
/// - timeline: under "Phases and Milestones", else under "Implementation
///   Plan" (right after the heading);
/// - responsibilities: under "Responsibilities";
/// - approvals: at the end of the "Approval" section.
///
/// A panel with no such place is left out of the layout and goes at the end
/// of the body.
///
/// The panels are placed by position, never by text in the body, so no
/// plan can write a panel's place of its own. (They were marker paragraphs
/// of private-use text, found again in the rendered HTML, and every plan's
/// text was cleaned of that character first.)
enum PlanBodyLayout {
    /// One place in the page's body: a block (its index in the body's
    /// blocks) or a panel.
    enum Item: Equatable {
        case block(Int)
        case panel(PlanPanel)
    }

    /// The page's body in order: `blocks` with the panels put in their places.
    static func place(_ panels: [PlanPanel], in blocks: ArraySlice<MarkdownNode>, plan: PlanSections?) -> [Item] {
        var items = blocks.indices.map(Item.block)
        guard !panels.isEmpty else { return items }
        let headings = Headings(blocks)
        // Positions are indices of `blocks`; `items` starts at 0.
        let offset = blocks.startIndex
        var edits: [(position: Int, replace: Bool, order: Int, panel: PlanPanel)] = []
        for (order, panel) in panels.enumerated() {
            if let edit = spot(for: panel, in: blocks, headings: headings, plan: plan) { edits.append((edit.position, edit.replace, order, panel)) }
        }
        // From the last position to the first, so positions stay valid. At
        // one position the table is replaced first, so that a panel inserted
        // there goes before it rather than being overwritten; inserts there
        // run in the panels' order, each landing before the ones before it.
        edits.sort { a, b in
            if a.position != b.position { return a.position > b.position }
            if a.replace != b.replace { return a.replace }
            return a.order < b.order
        }
        for edit in edits {
            if edit.replace {
                items[edit.position - offset] = .panel(edit.panel)
            } else {
                items.insert(.panel(edit.panel), at: edit.position - offset)
            }
        }
        return items
    }

    /// Where a panel goes: the index of the table it replaces, or the index
    /// to insert it at.
    static func spot(for panel: PlanPanel, in blocks: ArraySlice<MarkdownNode>, headings: Headings, plan: PlanSections?) -> (position: Int, replace: Bool)? {
        switch panel {
        case .timeline:
            if let section = headings.section("Phases and Milestones") {
                if !(plan?.phases.isEmpty ?? true), let table = firstTable(in: blocks, section: section) { return (table, true) }
                return (section.lowerBound + 1, false)
            }
            if let section = headings.section("Implementation Plan") { return (section.lowerBound + 1, false) }
            return nil
        case .responsibilities:
            guard let section = headings.section("Responsibilities"), let table = firstTable(in: blocks, section: section) else { return nil }
            return (table, true)
        case .approvals:
            guard let section = headings.section("Approval") else { return nil }
            if plan?.hasApprovalTable ?? false, let table = firstTable(in: blocks, section: section) { return (table, true) }
            return (section.upperBound, false)
        }
    }

    /// The headings among a body's blocks, each name normalized once
    /// (rather than once for every section looked up).
    struct Headings {
        private var headings: [(index: Int, level: Int, name: String)] = []
        private let end: Int

        init(_ blocks: ArraySlice<MarkdownNode>) {
            end = blocks.endIndex
            for index in blocks.indices {
                guard case .heading(let level) = blocks[index].kind else { continue }
                // The level the page shows (`BodyOutline`).
                headings.append((index, BodyOutline.pageLevel(level), MarkdownQueries.normalizedHeading(blocks[index].plainText)))
            }
        }

        /// The heading called `name` (first match, as Parse finds it) and the
        /// blocks up to the next heading of the same or a higher level, as indices.
        func section(_ name: String) -> Range<Int>? {
            let wanted = MarkdownQueries.normalizedHeading(name)
            guard let start = headings.firstIndex(where: { $0.name == wanted }) else { return nil }
            let level = headings[start].level
            let next = headings[(start + 1)...].first { $0.level <= level }
            return headings[start].index..<(next?.index ?? end)
        }
    }

    /// The first table block of a section (after its heading): where
    /// `MarkdownTable(block)` reads one, which is exactly a `.table` node, so
    /// the kind is checked without reading the table's cells.
    static func firstTable(in blocks: ArraySlice<MarkdownNode>, section: Range<Int>) -> Int? {
        blocks[section].indices.dropFirst().first { index in
            if case .table = blocks[index].kind { return true }
            return false
        }
    }
}
