import Foundation
import Testing
@testable import PlanfolioMarkdown

/// cmark-gfm 0.29 keeps the inline extensions' special characters in tables
/// global to each loaded copy of the library, so two parses in one copy at
/// once lose `~~strike~~` and bare-URL autolinks (`CmarkLibrary`). Parses
/// stay apart because a copy is handed to one holder at a time; these tests
/// check that rule directly, holding copies on purpose, instead of hoping
/// that many parallel parses collide.
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

    /// Which loaded copy of cmark a library is: its functions' addresses differ between copies.
    static func copy(_ library: CmarkLibrary) -> UnsafeRawPointer {
        unsafeBitCast(library.parserNew, to: UnsafeRawPointer.self)
    }

    @Test func oneParseHasEveryStrikethroughAndAutolink() {
        let counts = Self.counts(MarkdownParser.parse(Self.document(7)))
        #expect(counts.strike == 13)
        #expect(counts.links == 25)
    }

    /// While one pool's copy is held, no pool hands out that same copy: the
    /// linked copy is every pool's, under one lock.
    @Test func aCopyInUseIsNeverHandedOutAgain() throws {
        #if os(Linux)
        let holder = CmarkLibraryPool(size: 2)
        let other = CmarkLibraryPool(size: 2)
        // `other` has a private copy nobody else uses, so it never has to wait for the one held here.
        try #require(holder.count == 2 && other.count == 2)
        var held = 0
        holder.withEachLibrary { library in
            held += 1
            other.withLibrary { given in
                #expect(Self.copy(given) != Self.copy(library), "copy \(held) was handed out while held")
                // And the copy handed out parses completely.
                let counts = Self.counts(MarkdownParser.parse(Self.document(held), firstLine: 1, kindsByName: false, library: given))
                #expect(counts.strike == 13 && counts.links == 25)
            }
        }
        #expect(held == 2)
        #endif
    }

    /// A pool's copies are distinct loaded libraries, each with its own tables, not one library twice.
    @Test func copiesAreDistinctLibraries() throws {
        #if os(Linux)
        let pool = CmarkLibraryPool(size: 2)
        try #require(pool.count == 2)
        var copies: [UnsafeRawPointer] = []
        pool.withEachLibrary { copies.append(Self.copy($0)) }
        #expect(Set(copies).count == 2)
        #endif
    }
}
