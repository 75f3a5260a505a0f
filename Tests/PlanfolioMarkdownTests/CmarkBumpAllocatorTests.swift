import Testing
@testable import PlanfolioMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// Parses allocate from `CmarkBumpAllocator`, taken back after each parse;
/// the trees must be the ones cmark's default allocator gives, parse after
/// parse (a chunk freed too early or reused would show up as a wrong tree).
@Suite struct CmarkBumpAllocatorTests {
    @Test(arguments: MarkdownKindByNumberTests.documents)
    func bumpAllocatorTreesMatchTheDefaultAllocator(_ markdown: String) {
        let reference = MarkdownParser.parse(markdown, firstLine: 3, kindsByName: false, allocator: .system)
        for _ in 0..<3 {
            #expect(MarkdownParser.parse(markdown, firstLine: 3, kindsByName: false) == reference)
        }
    }

    /// A document larger than the bump allocator's first block, so that a
    /// parse overflows it (and the block grows), parsed again and again.
    @Test func largeDocumentsOverflowingTheBlock() {
        var markdown = "# Big\n\n"
        for index in 0..<400 {
            markdown += "Paragraph \(index) with *emphasis*, `code` and a [link](https://example.com/\(index)).\n\n"
            markdown += "| a | b |\n|---|---|\n| \(index) | ~~x~~ |\n\n- [ ] task \(index)\n\n"
        }
        let reference = MarkdownParser.parse(markdown, firstLine: 1, kindsByName: false, allocator: .system)
        #expect(reference.children.count > 1_000)
        CmarkBumpAllocator.current.reset()
        #expect(CmarkBumpAllocator.current.capacity == CmarkBumpAllocator.initialCapacity)
        for _ in 0..<3 {
            #expect(MarkdownParser.parse(markdown) == reference)
        }
        #expect(CmarkBumpAllocator.current.capacity > CmarkBumpAllocator.initialCapacity)
    }

    /// Random documents made of the constructs cmark and its extensions
    /// treat specially (tables, task lists, autolinks, raw HTML, entities,
    /// reference links, delimiter runs, unclosed fences, NUL): cmark must
    /// neither free nor reuse the block's memory wrongly on any of them, so every
    /// tree equals the default allocator's. A fixed seed keeps it repeatable.
    @Test func randomDocumentsMatchTheDefaultAllocator() {
        let fragments = [
            "# Heading\n", "Setext\n===\n", "para *emph **strong*** _u_ ~~del~~ ~x~\n", "\n", "\n\n",
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 |\n| x | y | z | w |\n", "|a|\n|-|\n",
            "- [ ] task\n- [x] done\n  - nested\n    1. ord\n", "10) start\n11) next\n", "> quote\n> > deeper\n",
            "```swift\ncode\n", "```\n", "    indented code\n", "<div>\nraw\n</div>\n", "<span>inline</span> ",
            "&amp; &#x2028; &bogus; &#0; ", "[ref]\n\n[ref]: https://example.com \"title\"\n", "[link](<a b> 'ti\\'tle') ",
            "![img](x.png \"t\") ", "www.example.com/path?q=1. ", "mail@example.com ", "https://x.y/z) ", "`code ``span`` `",
            "\\* not emphasis \\", "***___***", "\t\ttabs\n", "line  \nbreak\\\n", "\u{0}nul\u{0}", "é ü 漢字 🙂 ",
            "[^1] footnote\n\n[^1]: note\n", "<!-- comment -->\n", "* * *\n", "- \n-\n", "RP-2026-001 DIR-2026-004 ",
        ]
        var generator = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<400 {
            var markdown = ""
            for _ in 0..<Int(generator.next() % 40) {
                markdown += fragments[Int(generator.next() % UInt64(fragments.count))]
            }
            let reference = MarkdownParser.parse(markdown, firstLine: 1, kindsByName: false, allocator: .system)
            #expect(MarkdownParser.parse(markdown, firstLine: 1, kindsByName: false) == reference, "\(markdown.debugDescription)")
        }
    }

    /// A small deterministic generator (SplitMix64), so the random documents are the same on every run.
    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
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

    /// A parse that did not fit doubles the block; a later one that used less
    /// than a quarter of the grown block makes it the initial size again.
    @Test func blockGrowsAfterAnOverflowAndShrinksAfterASmallParse() {
        let allocator = CmarkBumpAllocator.current
        let initial = CmarkBumpAllocator.initialCapacity
        allocator.reset()
        #expect(allocator.capacity == initial)
        _ = allocator.allocate(initial, zeroed: false)  // one header too many for the block
        allocator.reset()
        #expect(allocator.capacity == 2 * initial)
        _ = allocator.allocate(initial / 2, zeroed: true)  // a quarter of the grown block: kept
        allocator.reset()
        #expect(allocator.capacity == 2 * initial)
        _ = allocator.allocate(initial / 2 - 64, zeroed: true)
        allocator.reset()
        #expect(allocator.capacity == initial)
    }

    /// The same through parses: a document too large for the first block
    /// grows it, a small one after it shrinks it, and both trees are right.
    @Test func parsesGrowAndShrinkTheBlock() {
        var large = ""
        for index in 0..<3_000 { large += "- item \(index) with *emphasis* and [a link](https://example.com/\(index))\n" }
        let largeReference = MarkdownParser.parse(large, firstLine: 1, kindsByName: false, allocator: .system)
        let small = "# Small\n\nText.\n"
        let smallReference = MarkdownParser.parse(small, firstLine: 1, kindsByName: false, allocator: .system)
        let allocator = CmarkBumpAllocator.current
        allocator.reset()
        #expect(MarkdownParser.parse(large) == largeReference)
        #expect(allocator.capacity > CmarkBumpAllocator.initialCapacity)
        #expect(MarkdownParser.parse(small) == smallReference)
        #expect(allocator.capacity == CmarkBumpAllocator.initialCapacity)
    }

    /// Sizes no allocator could give abort, as cmark's default allocator
    /// does when `calloc` fails, rather than trapping on overflow or
    /// handing out a wrapped-around size.
    @Test func impossibleSizesAbort() async {
        await #expect(processExitsWith: .signal(SIGABRT)) {
            _ = CmarkBumpAllocator.memory.pointee.calloc?(Int.max / 2, 3)
        }
        await #expect(processExitsWith: .signal(SIGABRT)) {
            _ = CmarkBumpAllocator.memory.pointee.calloc?(-1, -1)  // SIZE_MAX * SIZE_MAX
        }
        await #expect(processExitsWith: .signal(SIGABRT)) {
            _ = CmarkBumpAllocator.current.allocate(Int.max - 8, zeroed: false)
        }
        await #expect(processExitsWith: .signal(SIGABRT)) {
            let allocator = CmarkBumpAllocator.current
            _ = allocator.reallocate(allocator.allocate(8, zeroed: false), -1)  // size_t past Int.max
        }
    }
}
