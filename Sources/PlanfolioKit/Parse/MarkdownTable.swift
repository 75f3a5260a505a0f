import PlanfolioMarkdown

/// A GFM table read as named columns and rows of cell text.
///
/// The plan template's tables are matched by header name, not position:
/// authors reorder columns, change their case and add their own. Header
/// names are compared case-insensitively with all spaces removed, so
/// `Name / Team` is `Name/Team`.
struct MarkdownTable {
    /// One cell: its plain text, trimmed, and whether it is nothing but template placeholders.
    struct Cell {
        var text: String
        var isPlaceholder: Bool

        static let empty = Cell(text: "", isPlaceholder: false)
    }

    /// One body row, with its file line.
    struct Row {
        var cells: [Cell]
        var line: Int

        /// The cell in `column`; an empty cell when the column is absent or the row is short.
        func cell(_ column: Int?) -> Cell {
            guard let column, column < cells.count else { return .empty }
            return cells[column]
        }

        /// No cell has any text that is not a placeholder: a row of the untouched template, or an empty row.
        var isUnfilled: Bool { cells.allSatisfy { $0.text.isEmpty || $0.isPlaceholder } }
    }

    var headers: [String] {
        didSet { normalizedHeaders = headers.map(Self.normalized) }
    }
    /// `headers` as compared, computed once.
    private(set) var normalizedHeaders: [String] = []
    var line: Int
    var rows: [Row]

    /// - Parameter placeholders: false when the source holds no brackets,
    ///   so that no cell can be a placeholder and none is scanned for one.
    init?(_ node: MarkdownNode, placeholders: Bool = true) {
        guard case .table = node.kind else { return nil }
        var headers: [String] = []
        var rows: [Row] = []
        for row in node.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            let cells = row.children.map { cell in
                // A cell of one run of text (most) is that text's literal.
                Cell(text: (cell.soleTextChild?.literal ?? cell.plainText).trimmedWhitespace,
                     isPlaceholder: placeholders && PlaceholderFinder.isOnlyPlaceholders(cell))
            }
            if isHeader {
                headers = cells.map(\.text)
            } else {
                rows.append(Row(cells: cells, line: row.line))
            }
        }
        self.headers = headers
        self.normalizedHeaders = headers.map(Self.normalized)
        self.line = node.line
        self.rows = rows
    }

    /// The first table among `blocks` (not looking inside lists or quotes).
    static func first(in blocks: [MarkdownNode], placeholders: Bool = true) -> MarkdownTable? {
        for block in blocks {
            if let table = MarkdownTable(block, placeholders: placeholders) { return table }
        }
        return nil
    }

    /// Header text as compared: lowercased, without whitespace.
    static func normalized(_ header: String) -> String {
        // ASCII (nearly every header and label) byte by byte, straight from
        // the string's buffer into the result's; the rest by Character.
        var source = header
        var isASCII = true
        let out = source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    guard byte < 0x80 else {
                        isASCII = false
                        return 0
                    }
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { continue }
                    out[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    count += 1
                }
                return count
            }
        }
        return isASCII ? out : String(header.lowercased().filter { !$0.isWhitespace })
    }

    /// Index of the first column named `name`, in any case and spacing.
    func column(_ name: String) -> Int? {
        let wanted = Self.normalized(name)
        return normalizedHeaders.firstIndex(of: wanted)
    }
}
