import Testing
@testable import PlanfolioMarkdown

/// `MarkdownParser` tells node kinds by cmark's type number (the extensions'
/// numbers read from each library copy); the tree must be exactly the one
/// telling every kind by its type name gives.
@Suite struct MarkdownKindByNumberTests {
    static let documents: [String] = [
        "# Title\n\nPlain paragraph.\n",
        "## Heading *emphasis* and **strong**\n\n###### six\n\nSetext\n===\n",
        "> quote\n> > nested\n\n---\n\n***\n",
        "- one\n- two\n\n1. first\n2. second\n\n7) seven\n\n- loose\n\n- list\n",
        "- [ ] open task\n- [x] done task\n- [X] done too\n- plain item\n",
        "```swift\nlet x = 1\n```\n\n    indented code\n\n~~~\nno info\n~~~\n",
        "<div>\nblock html\n</div>\n\ninline <b>html</b> and <!-- comment -->\n",
        "[link](https://example.com \"title\") ![image](pic.png) <https://auto.example> www.example.com https://bare.example/x\n",
        "~~strike~~ and ~single~ and `code` and line  \nbreak\nsoft\n",
        "| Left | Center | Right | None |\n|:---|:---:|---:|---|\n| a | **b** | `c` | [d](e) |\n| [Date] | | ~~x~~ | y |\n",
        "| only header |\n|---|\n",
        "Text with a footnote[^1].\n\n[^1]: The note.\n",
        "[ref]: https://example.com\n\nUse [ref] and [missing] and [Name of AI system].\n",
        "| a | b |\n|---|---|\n| - [ ] not a task in a cell | 1 |\n\n- item\n  | t |\n  |---|\n  | inside |\n",
        "<script>alert(1)</script>\n\n<textarea>x</textarea>\n",
        "",
        "\n\n\n",
        "**Key\n**: split label\n\n- **Date**: [Date]\n",
        "Ünïcödé ~~strïke~~ | not a table\n",
    ]

    @Test(arguments: documents)
    func kindsByNumberMatchKindsByName(_ markdown: String) {
        for firstLine in [1, 12] {
            let byNumber = MarkdownParser.parse(markdown, firstLine: firstLine, kindsByName: false)
            let byName = MarkdownParser.parse(markdown, firstLine: firstLine, kindsByName: true)
            #expect(byNumber == byName)
            #expect(MarkdownParser.parse(markdown, firstLine: firstLine) == byName)
        }
    }

    @Test func tablesAndStrikethroughAreToldByNumber() {
        let tree = MarkdownParser.parse("| h |\n|:-:|\n| ~~c~~ |\n")
        guard case .table(let alignments) = tree.children.first?.kind else {
            Issue.record("no table: \(tree)")
            return
        }
        #expect(alignments == [.center])
        let rows = tree.children[0].children
        #expect(rows.map(\.kind) == [.tableRow(isHeader: true), .tableRow(isHeader: false)])
        #expect(rows[1].children.first?.kind == .tableCell)
        #expect(rows[1].children.first?.children.first?.kind == .strikethrough)
    }

    /// The library knows its extensions' type numbers; with 0 (not found)
    /// the parser would fall back to names, right but slow.
    @Test func theLibraryReadsItsExtensionTypeNumbers() {
        let library = CmarkLibrary.shared
        let types = [library.tableType, library.tableRowType, library.tableCellType, library.strikethroughType]
        #expect(!types.contains(0))
        #expect(Set(types).count == 4)
    }
}
