import Testing
@testable import PlanfolioKit

@Suite struct InterventionReadingTests {
    typealias F = PlanTemplateFixtures

    @Test func interventionsWithDatesDurationsAndTheSplitBoldDescription() {
        let (plan, diagnostics) = F.read("""
        ## Proposed Interventions

        ### Intervention 1: Neutralise the feature

        **Description
        **: Replace the value with the median.

        **Timeline**:

        - **Estimated Duration**: 3 weeks
        - **Target Completion Date**: 2026-05-15

        ### Intervention 2: Refit scaling

        **Description**: Refit on six months.

        - **target completion date**: 2026-05-08
        """)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(plan.interventions == [
            Intervention(number: 1, name: "Neutralise the feature", targetDate: Day("2026-05-15"), estimatedDuration: "3 weeks",
                         line: 7, description: "Replace the value with the median."),
            Intervention(number: 2, name: "Refit scaling", targetDate: Day("2026-05-08"), estimatedDuration: nil,
                         line: 17, description: "Refit on six months."),
        ])
    }

    @Test func sectionNameAnyCaseAndLevelWithOrWithoutParenthesis() {
        for heading in ["## Proposed Intervention(s)", "# proposed interventions", "#### PROPOSED INTERVENTION(S)"] {
            let (plan, _) = F.read("""
            \(heading)

            ##### Intervention 3: Gate
            """)
            #expect(plan.interventions.map(\.number) == [3], "\(heading)")
        }
    }

    @Test func twoInterventionsWithOneNumberIsAnError() {
        let (plan, diagnostics) = F.read("""
        ## Proposed Intervention(s)

        ### Intervention 1: First

        ### Intervention 1: Second
        """)
        let errors = F.problems(diagnostics)
        #expect(errors.map(\.code) == [.duplicateIntervention])
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.line == 9)
        #expect(errors.first?.message.contains("line 7") == true)
        #expect(plan.interventions.map(\.name) == ["First"])
    }

    @Test func malformedTargetDateIsAnError() {
        let (plan, diagnostics) = F.read("""
        ## Proposed Intervention(s)

        ### Intervention 1: First

        - **Target Completion Date**: end of May
        """)
        let errors = F.problems(diagnostics)
        #expect(errors.map(\.code) == [.invalidDate])
        #expect(errors.first?.line == 9)
        #expect(plan.interventions.first?.targetDate == nil)
    }

    @Test func untouchedTemplateInterventionIsNotRead() {
        let (plan, diagnostics) = F.read("""
        ## Proposed Intervention(s)

        ### Intervention 1: [Name of Intervention]

        **Description
        **: [Detailed description of the proposed change.]

        - **Estimated Duration**: [Time required for implementation]
        - **Target Completion Date**: [Date]

        [Repeat for additional interventions if applicable]
        """)
        #expect(plan.interventions.isEmpty)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(diagnostics.filter { $0.code == .templatePlaceholder }.map(\.line) == [7, 10, 12, 13, 15])
    }

    @Test func namedInterventionWithPlaceholderDateIsReadWithoutDate() {
        let (plan, diagnostics) = F.read("""
        ## Proposed Intervention(s)

        ### Intervention 2: Retrain

        - **Target Completion Date**: [Date]
        """)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(plan.interventions.map(\.number) == [2])
        #expect(plan.interventions.first?.targetDate == nil)
    }

    @Test func headingThatLooksLikeAnInterventionButIsNotIsAWarning() {
        let (plan, diagnostics) = F.read("""
        ## Proposed Intervention(s)

        ### Intervention A: Retrain

        ### Alternatives considered
        """)
        #expect(plan.interventions.isEmpty)
        let found = F.problems(diagnostics)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.line == 7)
    }

    @Test(arguments: [
        ("Intervention 1: Retrain", 1, "Retrain"),
        ("intervention 12 — Gate", 12, "Gate"),
        ("Intervention 4", 4, ""),
        ("Intervention 5 - Allow list: parser", 5, "Allow list: parser"),
    ])
    func interventionHeadings(text: String, number: Int, name: String) {
        let parsed = PlanTemplateReader.interventionHeading(text)
        #expect(parsed?.number == number)
        #expect(parsed?.name == name)
    }

    @Test(arguments: ["Interventions", "Intervention one: x", "Interventional 1: x", "Intervention 1x"])
    func notInterventionHeadings(text: String) {
        #expect(PlanTemplateReader.interventionHeading(text) == nil)
    }
}
