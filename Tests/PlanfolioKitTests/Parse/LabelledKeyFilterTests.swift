import Foundation
import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// Reading only wanted labels, and cutting sections by index, give what
/// reading every label and appending block by block gave.
@Suite struct LabelledKeyFilterTests {
    static func sources() throws -> [String] {
        var sources = [PlanTemplate.text, "- **Key**: value\n- **Other**: x\n\n**Key\n**: split\n\nplain: no\n\n**Key** no colon\n"]
        let folder = TestPaths.packageRoot.appendingPathComponent("Plans/plans")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
            sources.append(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        return sources
    }

    @Test func wantedKeysAreTheFilteredLabels() throws {
        let filters: [(String) -> Bool] = [
            PlanTemplateReader.isInterventionLabel, { MarkdownTable.normalized($0) == "validationperiod" }, { $0 == "Key" }, { _ in false },
        ]
        for source in try Self.sources() {
            let blocks = MarkdownParser.parse(source).children
            for wanted in filters {
                let all = MarkdownQueries.labelledParagraphs(in: blocks).filter { wanted($0.key) }
                let filtered = MarkdownQueries.labelledParagraphs(in: blocks, wanted: wanted)
                #expect(filtered.map(\.key) == all.map(\.key))
                #expect(filtered.map(\.value) == all.map(\.value))
                #expect(filtered.map(\.paragraph) == all.map(\.paragraph))
            }
        }
    }

    @Test func sectionBlocksStopAtTheSameHeading() throws {
        for source in try Self.sources() {
            let blocks = MarkdownParser.parse(source).children
            for (index, block) in blocks.enumerated() {
                guard case .heading(let level) = block.kind else { continue }
                var reference: [MarkdownNode] = []
                for next in blocks[(index + 1)...] {
                    if case .heading(let nextLevel) = next.kind, nextLevel <= level { break }
                    reference.append(next)
                }
                #expect(MarkdownQueries.sectionBlocks(blocks, after: index, level: level) == reference)
            }
        }
    }
}

/// `isInterventionLabel`'s first-byte shortcut answers as the normalized key does.
@Suite struct InterventionLabelTests {
    @Test func shortcutMatchesTheNormalizedKey() {
        let keys = [
            "Description", "description", " DESCRIPTION ", "Target Completion Date", "target completion\ndate", "Estimated Duration",
            "\tEstimated  Duration", "Expected Impact", "Risk Assessment", "Timeline", "Targeted Bias Source(s)", "Deadline", "",
            "  ", "\u{0B}Description", "\u{0C}description ü", "\u{00A0}Description", "\u{00A0}Description ü", "Dé", "Descriptioné",
            "\u{2003}target completion date", "Ｄescription", "Des\u{301}cription", "D\u{301}escription", "\r\ndescription", "x description",
        ]
        for key in keys {
            let reference: Bool
            switch MarkdownTable.normalized(key) {
            case "targetcompletiondate", "estimatedduration", "description": reference = true
            default: reference = false
            }
            #expect(PlanTemplateReader.isInterventionLabel(key) == reference, "\(key.debugDescription)")
        }
    }
}
