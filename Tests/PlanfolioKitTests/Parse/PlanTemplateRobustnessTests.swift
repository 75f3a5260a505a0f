import Testing
@testable import PlanfolioKit

/// Odd and broken plans: the reader reports, it never crashes.
@Suite struct PlanTemplateRobustnessTests {
    @Test(arguments: [
        "",
        "## Phases and Milestones\n\n| Phase |\n|---|\n",
        "## Phases and Milestones\n\n| |\n|---|\n| |\n",
        "## Phases and Milestones\n\n| Phase | Deadline |\n|---|---|\n| only one cell |\n",
        "## Proposed Intervention(s)\n\n### Intervention 99999999999999999999: Big\n",
        "## Proposed Intervention(s)\n\n# Intervention 1: Higher than its section\n",
        "## Proposed Intervention(s)\n\n### Intervention 1:\n\n- **Target Completion Date**:\n",
        "## Approval\n\n| Role | Name | Signature | Date |\n|---|---|---|---|\n| | | | 2026-02-30 |\n",
        "[[[[[[[[[[ ]]]]]]]]]] [ [ [ ] ] [",
        String(repeating: "[", count: 5_000) + String(repeating: "]", count: 4_999),
        "**Description\n**:",
        "**\n**: x",
        "- [ ]\n- [x] [y]\n  - [X] nested [z]\n",
        "> ## Approval\n> | Role | Name | Signature | Date |\n> |---|---|---|---|\n> | Plan Owner | A | /s/ A | 2026-01-01 |\n",
    ])
    func oddPlansAreReadWithoutCrashing(body: String) {
        let (document, diagnostics) = PlanTemplateFixtures.parse(PlanTemplateFixtures.frontMatter + body)
        #expect(document?.plan != nil)
        #expect(diagnostics.allSatisfy { $0.line >= 1 && $0.file == "plans/RP-1.md" })
    }

    @Test func longRunOfOpenBracketsIsLinear() {
        let (_, diagnostics) = PlanTemplateFixtures.parse(PlanTemplateFixtures.frontMatter + String(repeating: "[", count: 200_000) + "[x]")
        #expect(diagnostics.filter { $0.code == .templatePlaceholder }.count == 1)
    }
}

@Suite struct HeadingNormalisationTests {
    @Test(arguments: [
        ("Proposed Intervention(s)", "proposed interventions"),
        ("  Phases   and\tMilestones ", "phases and milestones"),
        ("PROPOSED INTERVENTIONS", "proposed interventions"),
        ("Source(s) (s)", "sources s"),
        ("Étape(s) Clé", "étapes clé"),
        ("Intervention(s)x", "interventionsx"),
    ])
    func headings(text: String, expected: String) {
        #expect(MarkdownQueries.normalizedHeading(text) == expected)
    }

    @Test(arguments: [("Name / Team", "name/team"), ("Key  Activities", "keyactivities"), ("ÉTAT", "état")])
    func headers(text: String, expected: String) {
        #expect(MarkdownTable.normalized(text) == expected)
    }
}
