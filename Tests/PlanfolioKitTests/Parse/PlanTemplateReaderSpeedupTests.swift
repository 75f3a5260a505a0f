import Foundation
import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// The plan template reader's shortcuts give what the code before them gave.
@Suite struct PlanTemplateReaderSpeedupTests {
    /// `MarkdownQueries.labelledText` as it was: the whole rest read, then checked.
    static func referenceLabelledText(_ paragraph: MarkdownNode) -> (key: String, value: String)? {
        guard let first = paragraph.children.first else { return nil }
        var key: String
        var restNodes: ArraySlice<MarkdownNode>
        var rest = ""
        switch first.kind {
        case .strong:
            key = first.plainText
            restNodes = paragraph.children.dropFirst()
        case .text where first.literal.hasPrefix("**") && paragraph.children.count >= 3:
            let breakNode = paragraph.children[1]
            let after = paragraph.children[2]
            guard case .softBreak = breakNode.kind, case .text = after.kind, after.literal.hasPrefix("**:") else { return nil }
            key = String(first.literal.dropFirst(2))
            rest = String(after.literal.dropFirst(2))
            restNodes = paragraph.children.dropFirst(3)
        default:
            return nil
        }
        key = key.trimmedWhitespace
        for child in restNodes { rest += child.plainText }
        guard rest.hasPrefix(":"), !key.isEmpty else { return nil }
        return (key, rest.dropFirst().trimmedWhitespace)
    }

    @Test(arguments: [
        "**Key**: value", "**Key**:", "**Key** : spaced", "**Key**<b>: after html", "**Key**<b>x: no", "**Key**`code`: no",
        "***Key***: nested", "**Key***: emphasis*", "**Key**[link](u): no", "**Key**:\u{338} combining", "**Key**\u{338}: no",
        "**Key\n**: split label", "**Key\n** no colon", "**Key** no colon", "plain text: here", "**Key**", "**  **: empty key",
        "**Date**: [Date]", "**Key**: a\nsecond line", "**Key**  \n: hard break", "**Ké**: ünïcode",
    ])
    func labelledTextMatchesTheReference(_ markdown: String) {
        let document = MarkdownParser.parse(markdown)
        var paragraphs: [MarkdownNode] = []
        document.walk { if case .paragraph = $0.kind { paragraphs.append($0) } }
        #expect(!paragraphs.isEmpty)
        for paragraph in paragraphs {
            let fast = MarkdownQueries.labelledText(paragraph)
            let reference = Self.referenceLabelledText(paragraph)
            #expect(fast?.key == reference?.key && fast?.value == reference?.value, "\(markdown.debugDescription)")
        }
    }

    /// `hasSection` answers as `section(_:) != nil`, for every name the
    /// reader asks about, over the sample plans and a few odd bodies.
    @Test func hasSectionAgreesWithSection() throws {
        var bodies: [String] = [
            "# Plan\n## Proposed Intervention\n## Approval\n",
            "## assessment  information\n### Rollback Criteria\n## ROLLBACK PLAN\n",
            "Text only.\n", "## Proposed Interventions\n## Table of contents\n",
        ]
        let plans = TestPaths.packageRoot.appendingPathComponent("Plans/plans")
        for name in try FileManager.default.contentsOfDirectory(atPath: plans.path).sorted() where name.hasSuffix(".md") {
            bodies.append(try String(contentsOf: plans.appendingPathComponent(name), encoding: .utf8))
        }
        let names = PlanTemplateReader.templateSections.flatMap { [$0.name] + $0.subsections }
            + [PlanTemplateReader.tableOfContents, "Proposed Intervention", "Not A Section"]
        for text in bodies {
            let reader = PlanTemplateReader(file: "f.md", body: MarkdownParser.parse(FrontMatterSplitter.split(text).body))
            for name in names {
                #expect(reader.hasSection(name) == (reader.section(name) != nil), "\(name) in \(text.prefix(40))")
                #expect(PlanTemplateReader.keys(name) == ([name] + (PlanTemplateReader.alternativeNames[name] ?? [])).map(MarkdownQueries.normalizedHeading))
            }
        }
    }
}
