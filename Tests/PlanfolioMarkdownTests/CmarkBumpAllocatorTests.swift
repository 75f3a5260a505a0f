import Testing
@testable import PlanfolioMarkdown

/// Parses allocate from `CmarkBumpAllocator`, taken back after each parse;
/// the trees must be the ones cmark's default allocator gives, parse after
/// parse (a chunk freed too early or reused would show up as a wrong tree).
@Suite struct CmarkBumpAllocatorTests {
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

    /// Allocations larger than the block, and the in-place growth of the
    /// last one, keep their bytes.
    @Test func allocatorKeepsBytesAcrossGrowthAndOverflow() {
        let allocator = CmarkBumpAllocator.current
        defer { allocator.reset() }
        let first = allocator.allocate(24, zeroed: true)
        #expect(UnsafeRawBufferPointer(start: first, count: 24).allSatisfy { $0 == 0 })
        first.initializeMemory(as: UInt8.self, repeating: 7, count: 24)
        let grown = allocator.reallocate(first, 4_000)
        #expect(grown == first)
        let other = allocator.allocate(8, zeroed: true)
        let moved = allocator.reallocate(grown, 8_000)
        #expect(moved != grown && moved != other)
        #expect(UnsafeRawBufferPointer(start: moved, count: 24).allSatisfy { $0 == 7 })
        let huge = allocator.allocate(3 << 20, zeroed: true)
        #expect(Int(bitPattern: huge) % 16 == 0)
        let hugeMoved = allocator.reallocate(moved, 5 << 20)
        #expect(UnsafeRawBufferPointer(start: hugeMoved, count: 24).allSatisfy { $0 == 7 })
    }
}
