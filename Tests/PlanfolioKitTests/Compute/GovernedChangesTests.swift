import Foundation
import Testing
@testable import PlanfolioKit

/// Which edits of a plan change a governed section (SPEC 4.3), and the
/// signatures they void.
@Suite struct GovernedChangesTests {
    static let plan = HistoryFixtures.plan()

    static func governed(_ old: String, _ new: String) -> [String] {
        SectionSpans.governedChanges(from: SectionSpans.of(old), to: SectionSpans.of(new))
    }

    @Test func sectionsAreFoundWithTheirLines() {
        let spans = SectionSpans.of(Self.plan)
        let text = TextLines(Self.plan)
        let lines = (0..<text.count).map(text.text)
        #expect(spans.map(\.name) == ["Problem Summary", "Remediation Goals", "Proposed Intervention(s)", "Implementation Plan",
                                      "Validation Strategy", "Rollback Plan", "Communication Plan", "Approval"])
        for span in spans {
            #expect(lines[span.firstLine - 1].hasPrefix("## "), "\(span.name) starts at its heading")
        }
        let implementation = spans.first { $0.name == "Implementation Plan" }
        let span = (implementation?.firstLine ?? 1)...(implementation?.lastLine ?? 1)
        let section = span.map { lines[$0 - 1] }.joined(separator: "\n")
        #expect(section.contains("| Developer | Kofi | Build |"), "subsections belong to their section")
        #expect(!section.contains("Validation"), "the next section is not")
        #expect(spans.filter(\.governed).map(\.name) == ["Remediation Goals", "Proposed Intervention(s)", "Implementation Plan",
                                                         "Validation Strategy", "Rollback Plan"])
    }

    @Test(arguments: [
        ("The approval rate", "The approval rates", [String]()),
        ("Monthly note", "Weekly note", []),
        ("| 2026-03-02 |\n| Technical", "| 2026-03-09 |\n| Technical", []),
        ("above 0.8", "above 0.85", ["Remediation Goals"]),
        ("Reweigh the training data.", "Reweigh the data.", ["Proposed Intervention(s)"]),
        ("| 2026-06-01 | Kofi |", "| 2026-06-15 | Kofi |", ["Implementation Plan"]),
        ("4 weeks", "6 weeks", ["Validation Strategy"]),
        ("Switch back", "Switch straight back", ["Rollback Plan"]),
    ])
    func anEditChangesOnlyItsSection(_ edit: (String, String, [String])) {
        let new = Self.plan.replacingOccurrences(of: edit.0, with: edit.1)
        #expect(new != Self.plan)
        #expect(Self.governed(Self.plan, new) == edit.2)
    }

    @Test func trailingSpacesAndBlankLinesAtASectionsEndsAreNoChange() {
        let new = Self.plan.replacingOccurrences(of: "above 0.8.", with: "above 0.8.   \n\n")
        #expect(Self.governed(Self.plan, new).isEmpty)
    }

    @Test func aHeadingInACodeBlockIsNoSection() {
        let new = Self.plan.replacingOccurrences(of: "Monthly note to the committee.", with: "```\n## Rollback Plan\nchanged\n```")
        #expect(Self.governed(Self.plan, new).isEmpty)
    }

    @Test func aSectionRemovedIsChanged() {
        let new = Self.plan.replacingOccurrences(of: "## Rollback Plan\n\nSwitch back to the last approved model.\n\n", with: "")
        #expect(Self.governed(Self.plan, new) == ["Rollback Plan"])
    }

    /// A working file's sections are read from the document the build parsed;
    /// they must be the sections a fresh parse of its text finds.
    @Test func sectionsFromAParsedDocumentAreThoseOfItsText() throws {
        let plans = TestPaths.packageRoot.appendingPathComponent("Plans/plans")
        let names = try FileManager.default.contentsOfDirectory(atPath: plans.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names.count >= 3)
        var texts = try names.map { try String(contentsOf: plans.appendingPathComponent($0), encoding: .utf8) }
        texts.append(Self.plan)
        texts.append("\u{FEFF}" + Self.plan.replacingOccurrences(of: "\n", with: "\r\n"))
        texts.append(Self.plan.replacingOccurrences(of: "## Rollback Plan", with: "Rollback Plan\n---"))
        for (index, text) in texts.enumerated() {
            let name = index < names.count ? names[index] : "RP-2026-001.md"
            let (document, problems) = DocumentParser.parse(SourceFile(path: "plans/" + name, displayPath: "Plans/plans/" + name, text: text))
            let parsed = try #require(document, "text \(index): \(problems)")
            let fresh = SectionSpans.of(text)
            #expect(!fresh.isEmpty)
            #expect(SectionSpans.of(body: parsed.body, lines: TextLines(text)) == fresh, "text \(index)")
        }
    }

    static func commit(_ day: String) -> Commit {
        Commit(id: String(repeating: day.last ?? "0", count: 40), author: "A", email: "a@x", date: day + "T12:00:00+00:00", day: Day(day)!, subject: "s")
    }

    @Test func comparisonsFollowTheFileThroughADeletion() {
        // Newest first: re-added (c), deleted, added (a).
        let revisions = [
            Revision(commit: Self.commit("2026-04-03"), change: .added, oldPath: nil, newPath: "p.md", oldBlob: nil, newBlob: "c"),
            Revision(commit: Self.commit("2026-04-02"), change: .deleted, oldPath: "p.md", newPath: nil, oldBlob: "b", newBlob: nil),
            Revision(commit: Self.commit("2026-04-01"), change: .modified, oldPath: "p.md", newPath: "p.md", oldBlob: "a", newBlob: "b"),
            Revision(commit: Self.commit("2026-03-01"), change: .added, oldPath: nil, newPath: "p.md", oldBlob: nil, newBlob: "a"),
        ]
        let pairs = GovernedChanges.comparisons(revisions)
        #expect(pairs.map { "\($0.old)>\($0.new)" } == ["a>b", "b>c"])
    }

    @Test func aSignatureIsStaleOnlyAfterAGovernedChangeOnALaterDay() {
        var document = Document(id: "RP-1", kind: .plan, title: "T", source: "plans/RP-1.md", displayPath: "Plans/plans/RP-1.md", body: .init(.document))
        var sections = PlanSections()
        sections.hasApprovalTable = true
        sections.approvals = SiteConfig.templateRoles.enumerated().map { index, role in
            ApprovalRow(role: role, name: "N\(index)", signature: "S", date: Day("2026-03-0\(index + 1)"), dateText: "", line: 10 + index)
        }
        document.plan = sections
        document.updated = Day("2026-12-31")
        let change = GovernedChange(day: Day("2026-03-03")!, commit: Self.commit("2026-03-03"), sections: ["Rollback Plan"], pageKey: "x")
        let (approval, _) = ApprovalComputer.approval(of: document, config: SiteConfig(), today: Day("2026-06-01")!, history: .committed([change]))
        // Signed 03-01 and 03-02: stale; 03-03 (the same day) and 03-04: valid. `updated` no longer counts.
        #expect(approval.roles.map(\.stale) == [true, true, false, false])
        #expect(approval.roles[0].staleSince == change)
        #expect(approval.stale)
        let (withoutHistory, _) = ApprovalComputer.approval(of: document, config: SiteConfig(), today: Day("2026-06-01")!, history: .unavailable)
        let allStale = withoutHistory.roles.allSatisfy(\.stale)
        #expect(allStale, "without history, every signature before `updated` is stale")
        #expect(withoutHistory.roles.allSatisfy { $0.staleSince == nil })
    }
}
