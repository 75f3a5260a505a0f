import Testing
@testable import PlanfolioMarkdown

/// `walkSkippingTextLeaves` visits what `walk` visits, in the same order,
/// less the text nodes without children.
@Suite struct WalkSkippingTextLeavesTests {
    static func reference(_ tree: MarkdownNode) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        tree.walk { node in
            if case .text = node.kind, node.children.isEmpty { return }
            out.append(node)
        }
        return out
    }

    @Test(arguments: MarkdownKindByNumberTests.documents)
    func visitsWalkLessTextLeaves(_ markdown: String) {
        let tree = MarkdownParser.parse(markdown)
        var visited: [MarkdownNode] = []
        tree.walkSkippingTextLeaves { visited.append($0) }
        #expect(visited == Self.reference(tree))
    }

    @Test func builtTreesIncludingBoxedTextWithChildren() {
        let leaf = MarkdownNode(.text, literal: "leaf", line: 1, column: 1)
        let boxedText = MarkdownNode(.text, literal: "both", children: [leaf], line: 2)
        let link = MarkdownNode(.link(url: "u", title: ""), children: [leaf], line: 3)
        let paragraph = MarkdownNode(.paragraph, children: [leaf, boxedText, link, MarkdownNode(.softBreak, line: 1)], line: 1)
        let packed = MarkdownNode(.paragraph, children: [leaf], line: 1)
        for tree in [MarkdownNode(.document, children: [paragraph, packed]), leaf, boxedText, packed] {
            var visited: [MarkdownNode] = []
            tree.walkSkippingTextLeaves { visited.append($0) }
            #expect(visited == Self.reference(tree))
        }
    }
}
