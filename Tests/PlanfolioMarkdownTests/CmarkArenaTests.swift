import Testing
@testable import PlanfolioMarkdown

/// Parses allocate from each cmark copy's arena, freed after each parse;
/// the trees must be the ones cmark's default allocator gives, parse after
/// parse (a chunk freed too early or reused would show up as a wrong tree).
@Suite struct CmarkArenaTests {
    @Test(arguments: MarkdownKindByNumberTests.documents)
    func arenaTreesMatchTheDefaultAllocator(_ markdown: String) {
        let reference = MarkdownParser.parse(markdown, firstLine: 3, kindsByName: false, arena: false)
        for _ in 0..<3 {
            #expect(MarkdownParser.parse(markdown, firstLine: 3, kindsByName: false, arena: true) == reference)
        }
    }

    /// A document larger than the arena's first chunks, so that a parse
    /// spans several of them, parsed again and again.
    @Test func largeDocumentsAcrossChunks() {
        var markdown = "# Big\n\n"
        for index in 0..<400 {
            markdown += "Paragraph \(index) with *emphasis*, `code` and a [link](https://example.com/\(index)).\n\n"
            markdown += "| a | b |\n|---|---|\n| \(index) | ~~x~~ |\n\n- [ ] task \(index)\n\n"
        }
        let reference = MarkdownParser.parse(markdown, firstLine: 1, kindsByName: false, arena: false)
        #expect(reference.children.count > 1_000)
        for _ in 0..<3 {
            #expect(MarkdownParser.parse(markdown) == reference)
        }
    }

    /// The linked copy's arena is only checked for: the pool's parses use
    /// it, and no one else may push and pop it meanwhile.
    @Test func everyCopyHasAnArena() {
        #expect(CmarkLibrary.linked().arena != nil)
        #if os(Linux)
        let copy = CmarkLibrary.privateCopy()
        #expect(copy?.arena != nil)
        #expect(copy?.withArena { $0 != nil } == true)
        #endif
    }
}
