/// Bounds what cmark-gfm's tables can cost, before cmark sees the text.
///
/// cmark-gfm 0.29.0.gfm.6 pads every row of a table to the table's column
/// count with a node per cell (about 350 bytes a cell with planfolio's copy
/// of the tree): a 24 KB table of 4,000 columns over 4,000 one-letter rows
/// is 16 million cells and more than 5 GB. So the text is scanned first, in
/// one cheap pass that can only overestimate what cmark will build:
///
/// - every line that could be a table's delimiter row (after block-quote
///   markers and indentation, nothing but `|`, `-`, `:` and blanks, with at
///   least one `-`) opens a table;
/// - of as many columns as it has runs between pipes that hold a `-` (for a
///   row cmark reads as a delimiter row, exactly its column count);
/// - over at most a header row and every line up to the next blank one.
///
/// A table wider than `maximumColumns`, and every table that does not fit in
/// what is left of the document's `maximumCells`, is neutralised: a
/// backslash before its delimiter row keeps cmark from reading a table there
/// (its lines stay text, on the same lines), and a problem is reported.
public enum TableBudget {
    /// Columns a table may have. Plans' tables have four to eight.
    public static let maximumColumns = 200
    /// Cells (columns × rows, as padded) all tables of one document may have:
    /// about 50 MiB in cmark and 70 MiB for the whole parse at the most.
    public static let maximumCells = 200_000

    /// A line that could be a delimiter row, and the table it could open.
    struct Candidate: Equatable {
        /// 0-based line in the text.
        var line: Int
        /// UTF-8 offset of the row's first byte after `>` and indentation.
        var offset: Int
        var columns: Int
        /// Lines after the delimiter row up to the next blank line.
        var rows: Int

        /// Cells cmark could build for it: every row, the header too, padded.
        var cells: Int { columns * (rows + 1) }
    }

    /// `text` with the tables over budget neutralised (nil when every table
    /// fits, nearly always), and a problem for what was neutralised; lines
    /// count from `firstLine`.
    static func apply(to text: String, firstLine: Int) -> (text: String?, problems: [MarkdownProblem]) {
        var tooWide: [Candidate] = []
        var overBudget: [Candidate] = []
        var used = 0
        for candidate in candidates(in: text) {
            if candidate.columns > maximumColumns {
                tooWide.append(candidate)
            } else if candidate.cells > maximumCells - used {
                overBudget.append(candidate)
            } else {
                used += candidate.cells
            }
        }
        guard !tooWide.isEmpty || !overBudget.isEmpty else { return (nil, []) }
        var problems: [MarkdownProblem] = []
        if let first = tooWide.first {
            problems.append(MarkdownProblem(.tableTooWide(columns: first.columns, more: tooWide.count - 1), line: firstLine + first.line))
        }
        if let first = overBudget.first {
            problems.append(MarkdownProblem(.tooManyTableCells(cells: first.cells, more: overBudget.count - 1), line: firstLine + first.line))
        }
        problems.sort { $0.line < $1.line }
        let offsets = (tooWide + overBudget).map(\.offset).sorted()
        return (BudgetScanning.neutralised(text, at: offsets), problems)
    }

    /// Every line of `text` that could be a table's delimiter row, in order.
    static func candidates(in text: String) -> [Candidate] {
        var found: [Candidate] = []
        var text = text
        text.withUTF8 { bytes in
            // Candidates whose rows are still being counted: those since the last blank line.
            var open = found.startIndex
            var line = 0
            var start = 0
            while true {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
                var content = start
                while content < end, BudgetScanning.isContainerPrefix(bytes[content]) { content += 1 }
                if content == end {
                    for index in open..<found.count { found[index].rows = line - found[index].line - 1 }
                    open = found.count
                } else if let columns = delimiterColumns(bytes, from: content, to: end) {
                    found.append(Candidate(line: line, offset: content, columns: columns, rows: 0))
                }
                guard end < bytes.count else {
                    for index in open..<found.count { found[index].rows = line - found[index].line }
                    break
                }
                let crlf = bytes[end] == UInt8(ascii: "\r") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\n")
                start = end + (crlf ? 2 : 1)
                line += 1
            }
        }
        return found
    }


    /// The columns of `bytes[start..<end]` when it could be a delimiter row
    /// (the runs between pipes that hold a `-`), else nil.
    private static func delimiterColumns(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var columns = 0
        var dash = false
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "|"):
                if dash { columns += 1 }
                dash = false
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C: break
            default: return nil
            }
        }
        if dash { columns += 1 }
        return columns > 0 ? columns : nil
    }
}
