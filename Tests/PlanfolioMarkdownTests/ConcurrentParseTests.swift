import Foundation
import Testing
@testable import PlanfolioMarkdown

/// cmark-gfm 0.29 keeps the inline extensions' special characters in a
/// process-wide table; before the one-time registration in `MarkdownParser`,
/// two parses at once lost `~~strike~~` and bare-URL autolinks. These tests
/// parse such documents on many threads at once and check every result.
@Suite struct ConcurrentParseTests {
    /// A document whose every paragraph needs `~`, `:` and `w` to be special.
    static func document(_ index: Int) -> String {
        (0..<12).map { line in
            "Item \(index)-\(line): ~~old \(line)~~ now www.example\(line).org and https://host\(index).test/p\(line) done."
        }.joined(separator: "\n\n") + "\n\n| a | b |\n|---|---|\n| ~~x\(index)~~ | www.t\(index).org |\n"
    }

    static func counts(_ node: MarkdownNode) -> (strike: Int, links: Int) {
        var strike = 0, links = 0
        node.walk { child in
            switch child.kind {
            case .strikethrough: strike += 1
            case .link: links += 1
            default: break
            }
        }
        return (strike, links)
    }

    @Test func oneParseHasEveryStrikethroughAndAutolink() {
        let counts = Self.counts(MarkdownParser.parse(Self.document(7)))
        #expect(counts.strike == 13)
        #expect(counts.links == 25)
    }

    @Test func parsesOnManyThreadsAtOnceAreAllComplete() {
        let documents = (0..<4000).map(Self.document)
        let expected = MarkdownParser.parse(documents[0])
        let results = UnsafeResults(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, MarkdownParser.parse(documents[index]))
        }
        var broken = 0
        for index in documents.indices {
            let counts = Self.counts(results.get(index))
            if counts.strike != 13 || counts.links != 25 { broken += 1 }
        }
        #expect(broken == 0, "\(broken) of \(documents.count) concurrent parses lost strikethrough or autolinks")
        // And the same document parsed concurrently equals the serial parse exactly.
        #expect(results.get(0) == expected)
    }

    /// One slot per index, each written by exactly one iteration.
    final class UnsafeResults: @unchecked Sendable {
        private var slots: [MarkdownNode?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ node: MarkdownNode) { lock.withLock { slots[index] = node } }
        func get(_ index: Int) -> MarkdownNode { lock.withLock { slots[index] ?? MarkdownNode(.document) } }
    }
}
