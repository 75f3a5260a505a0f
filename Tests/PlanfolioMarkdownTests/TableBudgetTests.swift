import Testing
@testable import PlanfolioMarkdown

/// Tables are bounded before cmark sees them: too wide or too many cells in
/// a document, and the table is text and a problem at its delimiter row.
@Suite struct TableBudgetTests {
    static func table(columns: Int, rows: Int, cell: String = "a") -> String {
        let header = "|" + String(repeating: "\(cell)|", count: columns) + "\n"
        let delimiter = "|" + String(repeating: "-|", count: columns) + "\n"
        return header + delimiter + String(repeating: "a\n", count: rows)
    }

    /// The tables of a tree, as cmark built them: each one's cells, padding included.
    static func tableCells(_ node: MarkdownNode) -> [Int] {
        var cells: [Int] = []
        var stack = [node]
        while let current = stack.popLast() {
            if case .table = current.kind {
                cells.append(current.children.reduce(0) { $0 + $1.children.count })
            } else {
                current.forEachChild { stack.append($0) }
            }
        }
        return cells
    }

    @Test func aTableOfTheMostColumnsIsKept() {
        let parsed = MarkdownParser.parseReportingProblems(Self.table(columns: TableBudget.maximumColumns, rows: 3))
        #expect(parsed.problems.isEmpty)
        #expect(Self.tableCells(parsed.document) == [TableBudget.maximumColumns * 4])
    }

    @Test func aWiderTableIsTextAndAProblemAtItsDelimiterRow() {
        let text = "Intro\n\n" + Self.table(columns: TableBudget.maximumColumns + 1, rows: 3)
        let parsed = MarkdownParser.parseReportingProblems(text, firstLine: 10)
        #expect(parsed.problems == [MarkdownProblem(.tableTooWide(columns: TableBudget.maximumColumns + 1, more: 0), line: 13)])
        #expect(Self.tableCells(parsed.document).isEmpty)
        #expect(parsed.document.plainText.contains("|a|a|"))
        // The lines stay where they were: the last row is still on its line.
        #expect(parsed.document.children.last?.line == 12)
    }

    @Test func thousandsOfColumnsCostNothing() {
        // 24 KB: 16 million padded cells in cmark-gfm 0.29.0.gfm.6.
        let parsed = MarkdownParser.parseReportingProblems(Self.table(columns: 4_000, rows: 4_000))
        #expect(parsed.problems.map(\.kind) == [.tableTooWide(columns: 4_000, more: 0)])
        #expect(Self.tableCells(parsed.document).isEmpty)
    }

    @Test func cellsPastTheDocumentsBudgetAreAProblem() {
        let columns = 100
        let fits = TableBudget.maximumCells / columns - 1  // rows, with the header row
        #expect(MarkdownParser.parseReportingProblems(Self.table(columns: columns, rows: fits)).problems.isEmpty)
        let parsed = MarkdownParser.parseReportingProblems(Self.table(columns: columns, rows: fits + 1))
        #expect(parsed.problems.map(\.kind) == [.tooManyTableCells(cells: columns * (fits + 2), more: 0)])
        #expect(Self.tableCells(parsed.document).isEmpty)
    }

    @Test func manyTablesEachWithinLimitsShareTheDocumentsBudget() {
        let one = Self.table(columns: 50, rows: 99)  // 5,000 cells
        let count = TableBudget.maximumCells / 5_000 + 10
        let parsed = MarkdownParser.parseReportingProblems(Array(repeating: one, count: count).joined(separator: "\n"))
        let kept = Self.tableCells(parsed.document)
        #expect(kept.reduce(0, +) <= TableBudget.maximumCells)
        #expect(kept.count == TableBudget.maximumCells / 5_000)
        #expect(parsed.problems.map(\.kind) == [.tooManyTableCells(cells: 5_000, more: 9)])
    }

    @Test(arguments: [
        ("> ", "> "), ("- ", "  "), ("1. ", "   "), ("> - ", ">   "),
    ])
    func tablesInsideQuotesAndListsAreFound(_ first: String, _ rest: String) {
        let lines = Self.table(columns: TableBudget.maximumColumns + 1, rows: 2).split(separator: "\n")
        let text = first + lines[0] + "\n" + lines.dropFirst().map { rest + $0 }.joined(separator: "\n") + "\n"
        let parsed = MarkdownParser.parseReportingProblems(text)
        #expect(parsed.problems.count == 1)
        #expect(Self.tableCells(parsed.document).isEmpty)
    }

    @Test func crlfLinesAreLinesOnce() {
        let text = Self.table(columns: 3, rows: 2).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(TableBudget.candidates(in: text) == [TableBudget.Candidate(line: 1, offset: 9, columns: 3, rows: 2)])
    }

    /// The safety of the budget: whatever the table looks like, the scan
    /// counts at least the cells cmark builds.
    @Test(arguments: [
        "| a | b |\n| --- | --- |\n| c | d |\n",
        "a | b\n--- | ---\nc | d\ne\nf\n\ng\n",
        "| a |\n| :-: |\n",
        "x\ny\n| a | b | c |\n|:--|--:|:-:|\nrow\n# heading\nmore\n",
        "| a | b |\n| --- | --- |\n| x |\n| 1 | 2 | 3 | 4 |\n| --- | --- |\nafter\n",
        "> | a | b |\n> | - | - |\n> c\nlazy\n>\n> | a |\n> | - |\n",
        "- | a | b |\n  | - | - |\n  c\n- | d |\n  | - |\n  e\n",
        "| a \\| b | c |\n| --- | --- |\n| 1 | 2 |\n",
        "| a | b |\r\n| - | - |\r\n| 1 | 2 |\r\n\r\n| c |\r\n| - |\r\nx\r\n",
        "| a | b |\n| - | - |\n| 1 | 2 |\n| c | d | e |\n| - | - | - |\n| 3 |\n",
        "\t| a | b |\n\t|---|---|\n\tx\n",
        "| a | b |\n|-|-|\n> quoted\n| c |\n",
    ])
    func theScanNeverCountsFewerCellsThanCmarkBuilds(_ text: String) {
        let counted = TableBudget.candidates(in: text).reduce(0) { $0 + $1.cells }
        let built = Self.tableCells(MarkdownParser.parse(text)).reduce(0, +)
        #expect(counted >= built, "counted \(counted), cmark built \(built)")
    }
}
