import Foundation
import Testing
@testable import PlanfolioKit
import PlanfolioMarkdown

/// What the parsed Markdown trees cost in memory rests on two things the
/// parser does (docs/performance.md, "Memory: the Markdown trees"): every
/// children array is allocated at its final size, and a node takes 32 bytes
/// (`MarkdownNodeStorageTests`). Checked here on realistic documents: a
/// portfolio from bench/gencorpus.py and the sample.
@Suite struct MarkdownTreeMemoryTests {
    static func bodies(of folder: String) throws -> [MarkdownNode] {
        let loaded = try InputLoader.load(input: folder)
        return loaded.files.compactMap { DocumentParser.parse($0).0?.body }
    }

    @Test func parsedTreesHaveNoSpareChildCapacity() throws {
        let corpus = try PerformanceFixtures.corpus(plans: 20)
        defer { try? FileManager.default.removeItem(at: corpus) }
        let bodies = try Self.bodies(of: corpus.path) + Self.bodies(of: Repository.path("Plans"))
        #expect(!bodies.isEmpty)
        var nodes = 0, spare = 0
        for body in bodies {
            body.walk { node in
                nodes += 1
                spare += node.children.capacity - node.children.count
            }
        }
        #expect(spare == 0, "\(spare) unused child slots in \(nodes) nodes")
    }
}
