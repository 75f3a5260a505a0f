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
