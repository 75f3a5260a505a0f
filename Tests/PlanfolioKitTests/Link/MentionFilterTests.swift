import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// `MentionFilter` never says no to an id the prose holds as a word, and it
/// survives being written and read back.
@Suite struct MentionFilterTests {
    static func filter(_ markdown: String) -> MentionFilter {
        MentionFilter(body: MarkdownParser.parse(markdown))
    }

    @Test func everyWordOfTheProseMayBeMentioned() {
        let filter = Self.filter("""
            # About RP-2026-001

            See DIR-2026-004. And *FAF-2026-03-001* in a list:

            - item with [RP-2026-009](x.md) and ![alt FAF-9](img.png)

            | col |
            |---|
            | RP-7 |
            """)
        for id in ["RP-2026-001", "DIR-2026-004", "DIR-2026-004.", "FAF-2026-03-001", "RP-2026-009", "FAF-9", "RP-7", "See", "col"] {
            #expect(filter.mayMention(id), "\(id)")
        }
    }

    /// cmark can split a run of text into several nodes; the renderer joins
    /// the run again before it looks for ids, and so does the filter.
    @Test func anIDSplitOverTextNodesIsOneWord() {
        let paragraph = MarkdownNode(.paragraph, children: [MarkdownNode(.text, literal: "See RP-20"), MarkdownNode(.text, literal: "26-001 now,"),
                                                           MarkdownNode(.emphasis, children: [MarkdownNode(.text, literal: "then")]),
                                                           MarkdownNode(.text, literal: "DIR-4 too")])
        let filter = MentionFilter(body: MarkdownNode(.document, children: [paragraph]))
        #expect(filter.mayMention("RP-2026-001"))
        #expect(filter.mayMention("then") && filter.mayMention("DIR-4"))
        // The linker finds the same word in the same run.
        let linker = IDLinker(targets: ["RP-2026-001": IDLinker.Target(path: "plans/RP-2026-001.html", title: "T")])
        #expect(!linker.page(selfID: nil, root: "").links(in: "See RP-20" + "26-001 now,").isEmpty)
    }

    @Test func codeAndRawHTMLAreNotProse() {
        let filter = Self.filter("Text `RP-CODE-1` and\n\n```\nRP-BLOCK-2\n```\n\n<div>RP-HTML-3</div>\n")
        // A Bloom filter may say yes to a word it does not hold, so only over many words is "no" the rule.
        let absent = (0..<200).map { "RP-ABSENT-\($0)" }
        #expect(absent.filter(filter.mayMention).count < 20)
        #expect(filter.mayMention("Text"))
    }

    @Test func roundTripsThroughItsBytes() {
        let filter = Self.filter("Mentions RP-2026-001 and DIR-2026-004.\n")
        let again = MentionFilter(bytes: filter.bytes)
        #expect(again == filter)
        #expect(again.mayMention("RP-2026-001") && again.mayMention("DIR-2026-004"))
        // Bytes that are no filter give one that says yes to everything: a page is rendered again rather than left stale.
        let broken = MentionFilter(bytes: [1, 2, 3])
        #expect(broken.mayMention("anything"))
    }

    @Test func deepTreesAreWalkedWithoutRecursion() {
        let deep = String(repeating: "> ", count: 90) + "RP-DEEP-1\n"
        #expect(Self.filter(deep).mayMention("RP-DEEP-1"))
    }
}
