import Foundation
import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// The plan reader skips the placeholder scan when the source has no `[`
/// and no `&`: that must never lose a placeholder the scan would report.
@Suite struct PlaceholderShortcutTests {
    static let sources: [String] = [
        "# Plan\n\nNo brackets here.\n",
        "Name: [Name of AI system]\n",
        "Escaped \\[Date\\] still a placeholder\n",
        "Entity &#91;Date&#93; and &lsqb;Owner&rsqb; and &#x5B;Hex&#x5D;\n",
        "| Role | Date |\n|---|---|\n| Lead | [Date] |\n",
        "- [ ] task box\n- [x] done\n",
        "A [link](https://example.com) and ![image](i.png)\n",
        "Ampersand &amp; only\n",
        "`[code]` and <span>[html]</span>\n",
    ]

    @Test(arguments: sources)
    func noBracketSourceHasNoPlaceholders(_ source: String) {
        let found = PlaceholderFinder.find(in: MarkdownParser.parse(source).children)
        if !PlaceholderFinder.mayHoldBrackets(source) {
            #expect(found.isEmpty)
        }
    }

    @Test func entitiesAndEscapesKeepTheScan() {
        #expect(PlaceholderFinder.mayHoldBrackets("&#91;Date&#93;"))
        #expect(PlaceholderFinder.mayHoldBrackets("\\[Date\\]"))
        #expect(!PlaceholderFinder.mayHoldBrackets("Plain text: done."))
        #expect(!PlaceholderFinder.find(in: MarkdownParser.parse("&#91;Date&#93;\n").children).isEmpty)
    }

    /// Every sample plan, the plan template and the inline sources read the
    /// same with and without the shortcut.
    @Test func plansReadTheSameWithTheSource() throws {
        // The template with its brackets made parentheses: no placeholders, tables and labels all read.
        let plain = PlanTemplate.text.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
        var sources = Self.sources + [PlanTemplate.text, plain]
        let folder = TestPaths.packageRoot.appendingPathComponent("Plans/plans")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
            sources.append(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        #expect(sources.count > Self.sources.count + 3)
        for source in sources {
            let split = FrontMatterSplitter.split(source)
            let body = MarkdownParser.parse(split.body, firstLine: split.bodyFirstLine)
            let shortcut = PlanTemplateReader.read(body, file: "p.md", source: split.body)
            let full = PlanTemplateReader.read(body, file: "p.md")
            #expect(shortcut.0 == full.0)
            #expect(shortcut.1 == full.1)
        }
        // A source without brackets really skips: the template without its
        // placeholders reads with no placeholder warning either way.
        let body = MarkdownParser.parse(plain)
        #expect(!PlaceholderFinder.mayHoldBrackets(plain))
        #expect(PlanTemplateReader.read(body, file: "p.md").1.allSatisfy { $0.code != .templatePlaceholder })
    }
}
