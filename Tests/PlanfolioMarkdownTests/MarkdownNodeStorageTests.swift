import Testing
@testable import PlanfolioMarkdown

/// `MarkdownNode` stores its parts compactly (a kind code, literal or
/// children, boxed for the rest); reading and changing them must behave
/// exactly like plain stored properties.
@Suite struct MarkdownNodeStorageTests {
    static let kinds: [MarkdownNode.Kind] = [
        .document, .blockQuote, .list(ordered: true, start: 3, tight: false), .item(task: nil), .item(task: true),
        .item(task: false), .codeBlock(info: "swift"), .htmlBlock, .paragraph, .heading(level: 1), .heading(level: 6),
        .heading(level: 0), .heading(level: 127), .heading(level: 128), .heading(level: -1), .heading(level: .max),
        .thematicBreak, .table(alignments: [.left, .none]), .tableRow(isHeader: true), .tableRow(isHeader: false),
        .tableCell, .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .strikethrough,
        .link(url: "u", title: "t"), .image(url: "i", title: ""), .other("footnote_reference"),
    ]

    @Test func everyKindLiteralAndChildrenComeBackAsGiven() {
        let child = MarkdownNode(.text, literal: "child text that is longer than fifteen bytes", line: 4, column: 9)
        for kind in Self.kinds {
            for literal in ["", "short", "a literal longer than fifteen bytes"] {
                for children in [[], [child], [child, child]] {
                    let node = MarkdownNode(kind, literal: literal, children: children, line: 12, column: 3)
                    #expect(node.kind == kind)
                    #expect(node.literal == literal)
                    #expect(node.children == children)
                    #expect(node.line == 12 && node.column == 3)
                }
            }
        }
    }

    @Test func settingOnePartKeepsTheOthers() {
        var node = MarkdownNode(.paragraph, children: [MarkdownNode(.text, literal: "a")], line: 2, column: 1)
        node.literal = "now both"
        #expect(node.kind == .paragraph && node.literal == "now both" && node.children.count == 1)
        node.kind = .link(url: "x", title: "")
        #expect(node.kind == .link(url: "x", title: "") && node.literal == "now both" && node.children.count == 1)
        node.literal = ""
        node.kind = .heading(level: 2)
        #expect(node.kind == .heading(level: 2) && node.literal.isEmpty && node.children == [MarkdownNode(.text, literal: "a")])
        node.children.removeFirst()
        #expect(node == MarkdownNode(.heading(level: 2), line: 2, column: 1))
        node.line = 40
        node.column = 7
        #expect(node.line == 40 && node.column == 7 && node.kind == .heading(level: 2))
    }

    @Test func changingAChildInPlaceLeavesCopiesAlone() {
        for kind in [MarkdownNode.Kind.paragraph, .link(url: "u", title: "")] {
            let original = MarkdownNode(kind, children: [MarkdownNode(.text, literal: "one"), MarkdownNode(.text, literal: "two")])
            var changed = original
            changed.children[1].literal = "TWO"
            changed.children.append(MarkdownNode(.softBreak))
            #expect(original.children.map(\.literal) == ["one", "two"])
            #expect(changed.children.map(\.literal) == ["one", "TWO", ""])
            #expect(changed.kind == kind && original != changed)
        }
    }

    @Test func equalityComparesEveryPart() {
        let base = MarkdownNode(.text, literal: "x", line: 1, column: 2)
        #expect(base == MarkdownNode(.text, literal: "x", line: 1, column: 2))
        #expect(base != MarkdownNode(.code, literal: "x", line: 1, column: 2))
        #expect(base != MarkdownNode(.text, literal: "y", line: 1, column: 2))
        #expect(base != MarkdownNode(.text, literal: "x", line: 2, column: 2))
        #expect(base != MarkdownNode(.text, literal: "x", line: 1, column: 3))
        #expect(base != MarkdownNode(.text, literal: "x", children: [MarkdownNode(.text)], line: 1, column: 2))
    }

    @Test func aNodeTakesThirtyTwoBytes() {
        #expect(MemoryLayout<MarkdownNode>.stride <= 32)
    }

    @Test func parsedChildArraysHaveNoSpareCapacity() {
        let document = MarkdownParser.parse("# T\n\nOne *two* three.\n\n- a\n- b\n- c\n\n| A | B | C |\n|---|---|---|\n| 1 | 2 | 3 |\n")
        var spare = 0
        document.walk { spare += $0.children.capacity - $0.children.count }
        #expect(spare == 0)
    }
}

/// The parser stores a block of plain text without building its text node;
/// read back, the text node must have cmark's line and column.
@Suite struct MarkdownParserPackedTextTests {
    @Test func loneTextChildrenReadBackWithTheirPositions() {
        let document = MarkdownParser.parse("# Head\n\n- item text\n\nPlain\nsecond line\n", firstLine: 3)
        let heading = document.children[0]
        #expect(heading.children == [MarkdownNode(.text, literal: "Head", line: 3, column: 3)])
        let paragraph = document.children[1].children[0].children[0]
        #expect(paragraph.kind == .paragraph && paragraph.line == 5)
        #expect(paragraph.children == [MarkdownNode(.text, literal: "item text", line: 5, column: 3)])
        let twoLines = document.children[2]
        #expect(twoLines.children.map(\.kind) == [.text, .softBreak, .text])
        #expect(twoLines.children.map(\.line) == [7, 7, 8])
        #expect(twoLines.plainText == "Plain second line")
    }
}

/// `containsChild` answers what `children.contains(where:)` answers.
@Suite struct MarkdownNodeContainsChildTests {
    @Test func agreesWithChildrenContains() {
        let document = MarkdownParser.parse("Plain [x]\n\n*a* and [b](u)\n\n- [ ] c\n\n| A |\n|---|\n| [d] |\n")
        var checked = 0
        document.walk { node in
            for wanted in ["[x]", "a", "u", "nothing"] {
                let predicate: (MarkdownNode) -> Bool = { $0.literal.contains(wanted) || $0.kind == .link(url: wanted, title: "") }
                #expect(node.containsChild(where: predicate) == node.children.contains(where: predicate))
                if node.children.contains(where: predicate) { checked += 1 }
            }
        }
        #expect(checked >= 3)
    }
}

/// `soleTextChild` is the one child exactly when `children` is one text node.
@Suite struct MarkdownNodeSoleTextChildTests {
    @Test func agreesWithChildren() {
        let document = MarkdownParser.parse("Plain text\n\n*a* and b\n\nLine one\nline two\n\n- item\n\n| A |\n|---|\n| cell |\n\n[link](u)\n")
        var packedOrSingle = 0
        document.walk { node in
            let children = node.children
            if children.count == 1, case .text = children[0].kind {
                #expect(node.soleTextChild == children[0])
                packedOrSingle += 1
            } else {
                #expect(node.soleTextChild == nil)
            }
        }
        #expect(packedOrSingle >= 4)
        // Built by hand, unpacked: a text child on another line than its parent.
        let built = MarkdownNode(.paragraph, children: [MarkdownNode(.text, literal: "x", line: 9, column: 2)], line: 3)
        #expect(built.soleTextChild == MarkdownNode(.text, literal: "x", line: 9, column: 2))
        #expect(MarkdownNode(.paragraph, children: [MarkdownNode(.emphasis)]).soleTextChild == nil)
    }
}
