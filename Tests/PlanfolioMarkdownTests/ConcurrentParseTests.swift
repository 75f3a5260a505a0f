import Foundation
import Testing
@testable import PlanfolioMarkdown

/// cmark-gfm 0.29 keeps the inline extensions' special characters in
/// process-wide tables, so two parses at once lose `~~strike~~` and bare-URL
/// autolinks (`CmarkLibrary`). Parses take turns on the library; these tests
/// parse from many threads at once and check that every parse is complete.
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

    /// Parses started on every core at once, many times over: each still has
    /// every strikethrough and autolink (a parse that ran inside another's
    /// inline phase would lose some).
    @Test func parsesFromManyThreadsAtOnceAreEachComplete() {
        let parses = max(4, ProcessInfo.processInfo.activeProcessorCount * 2) * 50
        let incomplete = NSLock(), found = Box()
        DispatchQueue.concurrentPerform(iterations: parses) { index in
            let counts = Self.counts(MarkdownParser.parse(Self.document(index)))
            if counts.strike != 13 || counts.links != 25 { incomplete.withLock { found.indices.append(index) } }
        }
        #expect(found.indices.isEmpty, "incomplete parses: \(found.indices.count) of \(parses)")
    }

    /// The indices of incomplete parses, appended under a lock.
    final class Box: @unchecked Sendable {
        var indices: [Int] = []
    }
}
