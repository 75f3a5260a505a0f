import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

@Suite struct PlanBodyLayoutTests {
    static let body = """
    ## Implementation Plan

    ### Phases and Milestones

    | Phase | Key Activities | Deliverable | Deadline | Owner |
    |---|---|---|---|---|
    | Design | Spec | Note | 2026-05-01 | Dana |

    Phase notes stay.

    ### Responsibilities

    | Role | Name/Team | Responsibility |
    |---|---|---|
    | Developer | Tomasz | Code |

    ## Approval

    | Role | Name | Signature | Date |
    |---|---|---|---|
    | Plan Owner | Dana | /s/ | 2026-05-02 |
    """

    static func sections(phases: Bool = true, approvalTable: Bool = true) -> PlanSections {
        var plan = PlanSections()
        if phases { plan.phases = [Phase(name: "Design", deadline: Day("2026-05-01"), line: 7)] }
        plan.responsibilities = [Responsibility(role: "Developer", nameOrTeam: "Tomasz", responsibility: "Code", line: 13)]
        plan.hasApprovalTable = approvalTable
        return plan
    }

    func layout(_ markdown: String, plan: PlanSections, panels: [PlanPanel] = PlanPanel.allCases) -> (segments: [BodySplitter.Segment], html: String) {
        let blocks = BodyOutline.blocks(of: MarkdownParser.parse(markdown))
        let (segments, body) = BodySplitter.render(blocks, layout: PlanBodyLayout.place(panels, in: blocks, plan: plan), panels: panels, linker: nil)
        return (segments, body.html)
    }

    @Test func eachTableIsReplacedByItsPanelInItsSection() {
        let (segments, html) = layout(Self.body, plan: Self.sections())
        #expect(!html.contains("<table"))
        #expect(html.contains("<p>Phase notes stay.</p>"))
        #expect(segments.count == 4)
        #expect(segments[0].html.hasSuffix("<h3 id=\"phases-and-milestones\">Phases and Milestones</h3>\n"))
        #expect(segments[0].panels.contains(.timeline))
        #expect(segments[1].html.hasSuffix("<h3 id=\"responsibilities\">Responsibilities</h3>\n"))
        #expect(segments[1].panels.contains(.responsibilities))
        #expect(segments[2].html.hasSuffix("<h2 id=\"approval\">Approval</h2>\n"))
        #expect(segments[2].panels.contains(.approvals))
        #expect(segments[3].html == "")
    }

    @Test func aTableWhoseRowsWereNotReadStaysAndThePanelGoesUnderTheHeading() {
        let (segments, html) = layout(Self.body, plan: Self.sections(phases: false))
        #expect(html.contains("<td>Design</td>"))
        #expect(segments[0].html.hasSuffix("Phases and Milestones</h3>\n"))
        #expect(segments[0].panels.contains(.timeline))
    }

    @Test func approvalSectionWithoutTableGetsThePanelAtItsEnd() {
        let markdown = "## Approval\n\nSigned on paper.\n\n## Annex\n\nMore.\n"
        let (segments, _) = layout(markdown, plan: Self.sections(approvalTable: false), panels: [.approvals])
        #expect(segments.count == 2)
        #expect(segments[0].html.hasSuffix("<p>Signed on paper.</p>\n"))
        #expect(segments[0].panels.contains(.approvals))
    }

    @Test func missingSectionsPutPanelsAtTheEnd() {
        let (segments, html) = layout("## Implementation Plan\n\ntext\n", plan: PlanSections())
        // The timeline goes under Implementation Plan; the others at the end.
        #expect(segments.count == 2)
        #expect(segments[0].panels.contains(.timeline))
        #expect(segments[1].panels.contains(.responsibilities))
        #expect(segments[1].panels.contains(.approvals))
        #expect(html == "<h2 id=\"implementation-plan\">Implementation Plan</h2>\n<p>text</p>\n")
    }

    @Test func aPlanCannotWriteAPanelPlaceOfItsOwn() {
        // What marked a panel's place before panels were placed by position.
        let spoof = "\u{E000}planfolio-panel:approvalsHere\u{E000}"
        let (segments, html) = layout("\(spoof)\n\n## Approval\n\n| Role | Name | Signature | Date |\n|---|---|---|---|\n| A | B | C | 2026-01-01 |\n",
                                      plan: Self.sections(), panels: [.approvals])
        #expect(segments.count == 2)
        #expect(segments[0].html.hasPrefix("<p>\(spoof)</p>\n<h2 id=\"approval\">"))
        #expect(segments[0].panels.contains(.approvals))
        #expect(html.contains("<p>\(spoof)</p>"))  // the text stays as written
    }

    @Test func aLevelOneHeadingIsALevelTwoSectionOfThePage() {
        // "# Approval" is shown as h2, so its section runs to the next h2.
        let markdown = "# Title\n\nIntro.\n\n# Approval\n\nSigned.\n\n### Note\n\nStill approval.\n\n## Annex\n\nMore.\n"
        let (segments, html) = layout(markdown, plan: Self.sections(approvalTable: false), panels: [.approvals])
        #expect(!html.contains("Title"))
        #expect(html.hasPrefix("<p>Intro.</p>\n<h2 id=\"approval\">Approval</h2>"))
        #expect(segments[0].html.hasSuffix("<p>Still approval.</p>\n"))
        #expect(segments[0].panels.contains(.approvals))
        #expect(segments[1].html == "<h2 id=\"annex\">Annex</h2>\n<p>More.</p>\n")
    }

    @Test func twoPanelsAtOnePlaceKeepTheOrderTheyHadAsMarkers() {
        // The timeline goes after "Phases and Milestones" and the approvals at
        // the end of "Approval": both before "## Next".
        let markdown = "## Approval\n\n### Phases and Milestones\n\n## Next\n\nText.\n"
        let items = PlanBodyLayout.place([.timeline, .approvals], in: BodyOutline.blocks(of: MarkdownParser.parse(markdown)),
                                         plan: Self.sections(phases: false, approvalTable: false))
        #expect(items == [.block(0), .block(1), .panel(.approvals), .panel(.timeline), .block(2), .block(3)])
    }

    @Test func aPanelInsertedWhereAnotherReplacesATableKeepsBoth() {
        // "Phases and Milestones" right over the Responsibilities table: the
        // timeline goes under its heading (no phases were read from that
        // table), the responsibilities panel where the table was.
        let markdown = """
        ## Responsibilities

        ### Phases and Milestones

        | Role | Name/Team | Responsibility |
        |---|---|---|
        | Developer | Tomasz | Code |

        ## Next

        Text.
        """
        let plan = Self.sections(phases: false)
        let items = PlanBodyLayout.place([.timeline, .responsibilities], in: BodyOutline.blocks(of: MarkdownParser.parse(markdown)), plan: plan)
        #expect(items == [.block(0), .block(1), .panel(.timeline), .panel(.responsibilities), .block(3), .block(4)])
        let (segments, html) = layout(markdown, plan: plan, panels: [.timeline, .responsibilities])
        #expect(!html.contains("<table"))
        #expect(segments.count == 3)
        #expect(segments[0].panels.contains(.timeline))
        #expect(segments[1].html == "")
        #expect(segments[1].panels.contains(.responsibilities))
    }

    @Test func nonPlansAreUntouched() {
        let (segments, html) = layout(Self.body, plan: Self.sections(), panels: [])
        #expect(segments.count == 1)
        #expect(html.contains("<td>Design</td>"))
    }
}
