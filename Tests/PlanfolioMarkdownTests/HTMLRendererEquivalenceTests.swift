import Testing
@testable import PlanfolioMarkdown

/// `HTMLRenderer` writes bytes (`HTMLRenderer.Writer`) where it appended to a
/// `String` (`StringHTMLRenderer`, the old code): the same HTML and headings
/// for every construct, alone and mixed.
@Suite struct HTMLRendererEquivalenceTests {
    static let cases = [
        "# Title\n\n## Section\n\n## Section\n\n### Été <b>x</b> & 'q' \"d\"\n\n#### `code` *em*\n\n## !!!",
        "para one\nsoft break  \nhard break\\\nagain\n\n***\n\npara <two> & 'three' \"four\"",
        "- a\n- b\n  - nested\n\n1. one\n2. two\n\n3. loose start\n\n   second para\n\n7) seven",
        "- [ ] open\n- [x] done\n- plain",
        "> quote\n>\n> - in list\n>\n> > deeper",
        "```swift extra words\nlet x = \"<y>\" & z\n```\n\n```\nplain\n```\n\n    indented <code>\n\n~~~ \n tilde\n~~~",
        "<div>\nraw <b>block</b>\n</div>\n\ntext <span>inline</span> <!-- c --> after",
        "| l | c | r | n |\n|:--|:-:|--:|---|\n| *a* | `b` | [c](d.html) | e & f |\n| 1 |\n\n| h |\n|---|",
        "[safe](https://example.com/a?b=1&c=2 \"T <i>\") [rel](../x.html) [frag](#top) [mail](mailto:a@b.c)\n[js](javascript:alert(1)) [vb](VBSCRIPT:x) [data](data:text/html,x) [empty]()",
        "![remote](https://example.com/c.png \"title\") ![](http://x.org/i.png) ![rel](img/c.png \"t\") ![abs](/c.png) ![data](data:image/png;base64,AA)",
        "[![remote](https://example.com/c.png)](https://example.com) [![rel](c.png)](x.html) [a [nested](y.html) b](z.html)",
        "<https://auto.link/x?y> www.example.org plain https://bare.example.com/p and mail@example.com",
        "*em* **strong** ***both*** ~~del~~ _under_score_ snake_case_word `co<de>` ``a ` b``",
        "Footnote[^1] text.\n\n[^1]: The note with *em*.",
        "&amp; &lt; &copy; &#65; &#x263A; &nbsp; \\* \\_ \\< é ü 日本語 \u{E000}",
        "Heading\n=======\n\nSub\n---\n\n## Dup\n\n## Dup\n\n## Dup-1",
        "",
    ]

    @Test(arguments: ["", "doc-"])
    func theWriterWritesWhatTheStringRendererWrote(anchorPrefix: String) {
        let all = Self.cases + [Self.cases.joined(separator: "\n\n")]
        for markdown in all {
            let tree = MarkdownParser.parse(markdown)
            let expected = StringHTMLRenderer(anchorPrefix: anchorPrefix).render(tree)
            #expect(HTMLRenderer(anchorPrefix: anchorPrefix).render(tree) == expected, "\(markdown)")
        }
    }

    @Test func blockByBlockIsTheWholeDocumentCutBetweenBlocks() {
        let tree = MarkdownParser.parse(Self.cases.joined(separator: "\n\n"))
        var writer = HTMLRenderer.Writer()
        var pieces: [String] = []
        tree.forEachChild { block in
            writer.write(block)
            pieces.append(writer.takeHTML())
        }
        let whole = HTMLRenderer().render(tree)
        #expect(pieces.joined() == whole.html)
        #expect(writer.headings == whole.headings)
        #expect(pieces.count > 20)
    }
}
