import Testing
@testable import PlanfolioKit

@Suite struct PlanTablesTests {
    typealias F = PlanTemplateFixtures

    @Test func phasesInTemplateOrder() {
        let (plan, diagnostics) = F.read("""
        ### Phases and Milestones

        | Phase | Key Activities | Deliverable | Deadline | Owner |
        |---|---|---|---|---|
        | Phase 1: Design | Spec | Note | 2026-05-01 | Dana |
        """)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(plan.phases == [Phase(name: "Phase 1: Design", activities: "Spec", deliverable: "Note", start: nil,
                                      deadline: Day("2026-05-01"), owner: "Dana", status: .planned, line: 9)])
    }

    @Test func phasesWithReorderedColumnsInAnyCaseAndOptionalOnes() {
        let (plan, diagnostics) = F.read("""
        # phases AND milestones

        | status | OWNER | Deadline | deliverable | Start | Key  Activities | Phase | Notes |
        |---|---|---|---|---|---|---|---|
        | In Progress | Dana | 2026-05-01 | Note | 2026-04-01 | Spec | Design | extra |
        | DONE | Ravi | 2026-06-01 | Code | | Build | Development | |
        | | Sofia | 2026-07-01 | Pack | | Test | Testing | |
        | blocked | Ben | 2026-08-01 | Release | | Ship | Deployment | |
        """)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(plan.phases.map(\.name) == ["Design", "Development", "Testing", "Deployment"])
        #expect(plan.phases.map(\.status) == [.inProgress, .done, .planned, .blocked])
        #expect(plan.phases.map(\.owner) == ["Dana", "Ravi", "Sofia", "Ben"])
        #expect(plan.phases.map(\.activities) == ["Spec", "Build", "Test", "Ship"])
        #expect(plan.phases[0].start == Day("2026-04-01"))
        #expect(plan.phases[1].start == nil)
        #expect(plan.phases[3].deadline == Day("2026-08-01"))
        #expect(plan.phases.map(\.line) == [9, 10, 11, 12])
    }

    @Test func phasesTableMissingRequiredColumnsIsAnErrorAtTheTable() {
        let (plan, diagnostics) = F.read("""
        ## Phases and Milestones

        | Phase | Deliverable | Owner |
        |---|---|---|
        | Design | Note | Dana |
        """)
        let errors = diagnostics.filter { $0.code == .missingColumn }
        #expect(errors.count == 1)
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.line == 7)
        #expect(errors.first?.file == "plans/RP-1.md")
        #expect(errors.first?.message.contains("'Key Activities', 'Deadline'") == true)
        // What could be read still is.
        #expect(plan.phases.map(\.name) == ["Design"])
    }

    @Test func unknownPhaseStatusIsAnErrorWithItsLine() {
        let (plan, diagnostics) = F.read("""
        ## Phases and Milestones

        | Phase | Key Activities | Deliverable | Deadline | Owner | Status |
        |---|---|---|---|---|---|
        | Design | Spec | Note | 2026-05-01 | Dana | started |
        """)
        let errors = diagnostics.filter { $0.code == .unknownPhaseStatus }
        #expect(errors.count == 1)
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.line == 9)
        #expect(errors.first?.message.contains("'started'") == true)
        #expect(plan.phases.first?.status == .planned)
    }

    @Test(arguments: ["2026-9-7", "2026-06-31", "31/05/2026", "soon"])
    func malformedPhaseDatesAreErrors(date: String) {
        let (plan, diagnostics) = F.read("""
        ## Phases and Milestones

        | Phase | Key Activities | Deliverable | Start | Deadline | Owner |
        |---|---|---|---|---|---|
        | Design | Spec | Note | 2026-04-01 | \(date) | Dana |
        | Build | Code | Model | \(date) | 2026-06-01 | Ravi |
        """)
        let errors = diagnostics.filter { $0.code == .invalidDate && $0.severity == .error }
        #expect(errors.map(\.line) == [9, 10])
        #expect(errors.allSatisfy { $0.message.contains("'\(date)'") })
        #expect(plan.phases.first?.deadline == nil)
        #expect(plan.phases.last?.start == nil)
    }

    @Test func startAfterDeadlineIsAnError() {
        let (_, diagnostics) = F.read("""
        ## Phases and Milestones

        | Phase | Key Activities | Deliverable | Start | Deadline | Owner |
        |---|---|---|---|---|---|
        | Design | Spec | Note | 2026-06-02 | 2026-06-01 | Dana |
        """)
        #expect(F.problems(diagnostics).map(\.code) == [.invalidDate])
    }

    @Test func emptyDeadlineIsAWarning() {
        let (plan, diagnostics) = F.read("""
        ## Phases and Milestones

        | Phase | Key Activities | Deliverable | Deadline | Owner |
        |---|---|---|---|---|
        | Design | Spec | Note | | Dana |
        """)
        let found = F.problems(diagnostics)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.contains("no Deadline") == true)
        #expect(plan.phases.count == 1)
    }

    @Test func untouchedTemplateRowsGivePlaceholderWarningsOnly() {
        let (plan, diagnostics) = F.read("""
        ### Phases and Milestones

        | Phase                  | Key Activities  | Deliverable | Deadline | Owner       |
        |------------------------|-----------------|-------------|----------|-------------|
        | [Phase 1: Design/Prep] | [Activity list] | [Output]    | [Date]   | [Name/Team] |
        """)
        #expect(plan.phases.isEmpty)
        #expect(F.problems(diagnostics).isEmpty)
        let placeholders = diagnostics.filter { $0.code == .templatePlaceholder }
        #expect(placeholders.map(\.message).map { $0.split(separator: "'")[1] } ==
                ["[Phase 1: Design/Prep]", "[Activity list]", "[Output]", "[Date]", "[Name/Team]"])
        #expect(placeholders.allSatisfy { $0.line == 9 && $0.severity == .warning })
    }

    @Test func partlyFilledRowKeepsItsValuesAndSkipsPlaceholderDates() {
        let (plan, diagnostics) = F.read("""
        ### Phases and Milestones

        | Phase | Key Activities | Deliverable | Deadline | Owner | Status |
        |---|---|---|---|---|---|
        | Design | [Activity list] | Note | [Date] | Dana | [Status] |
        """)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(plan.phases.first?.name == "Design")
        #expect(plan.phases.first?.deadline == nil)
        #expect(plan.phases.first?.status == .planned)
        #expect(diagnostics.filter { $0.code == .templatePlaceholder }.count == 3)
    }

    @Test func responsibilitiesInAnyOrder() {
        let (plan, diagnostics) = F.read("""
        ### responsibilities

        | Responsibility | name / team | ROLE |
        |---|---|---|
        | Implement code changes | Tomasz | Developer |
        | [Validate fairness] | [Name] | [e.g., QA Tester] |
        """)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(plan.responsibilities == [Responsibility(role: "Developer", nameOrTeam: "Tomasz", responsibility: "Implement code changes", line: 9)])
    }

    @Test func responsibilitiesMissingAColumn() {
        let (plan, diagnostics) = F.read("""
        ### Responsibilities

        | Role | Responsibility |
        |---|---|
        | Developer | Code |
        """)
        let errors = F.problems(diagnostics)
        #expect(errors.map(\.code) == [.missingColumn])
        #expect(errors.first?.message.contains("'Name/Team'") == true)
        #expect(plan.responsibilities.first?.nameOrTeam == "")
    }

    @Test func approvalRowsInAnyOrderWithUnsignedRows() {
        let (plan, diagnostics) = F.read("""
        ## Approval

        | Date | Signature | Role | Name |
        |---|---|---|---|
        | 2026-04-22 | /s/ Dana Ortiz | Plan Owner | Dana Ortiz |
        |  |  | Technical Lead | Tomasz |
        |  |  | Compliance Officer (if applicable) |  |
        """)
        #expect(F.problems(diagnostics).isEmpty)
        #expect(plan.hasApprovalTable)
        #expect(plan.approvals == [
            ApprovalRow(role: "Plan Owner", name: "Dana Ortiz", signature: "/s/ Dana Ortiz", date: Day("2026-04-22"), dateText: "2026-04-22", line: 9),
            ApprovalRow(role: "Technical Lead", name: "Tomasz", signature: "", date: nil, dateText: "", line: 10),
            ApprovalRow(role: "Compliance Officer (if applicable)", name: "", signature: "", date: nil, dateText: "", line: 11),
        ])
    }

    @Test func approvalDateThatIsNotADateIsAnError() {
        let (plan, diagnostics) = F.read("""
        ## Approval

        | Role | Name | Signature | Date |
        |---|---|---|---|
        | Plan Owner | Dana | /s/ Dana | 22 April 2026 |
        """)
        let errors = F.problems(diagnostics)
        #expect(errors.map(\.code) == [.invalidDate])
        #expect(errors.first?.line == 9)
        #expect(errors.first?.severity == .error)
        #expect(plan.approvals.first?.date == nil)
        #expect(plan.approvals.first?.dateText == "22 April 2026")
    }

    @Test func approvalTableMissingSignatureColumn() {
        let (plan, diagnostics) = F.read("""
        ## Approval

        | Role | Name | Date |
        |---|---|---|
        | Plan Owner | Dana | 2026-04-22 |
        """)
        #expect(F.problems(diagnostics).map(\.code) == [.missingColumn])
        #expect(plan.hasApprovalTable)
    }

    @Test func approvalSectionWithoutTable() {
        let (plan, diagnostics) = F.read("""
        ## Approval

        Signed on paper.
        """)
        #expect(!plan.hasApprovalTable)
        #expect(diagnostics.contains { $0.code == .missingSection && $0.line == 5 && $0.message.contains("no table") })
    }

    @Test func validationPeriodIsRead() {
        let (plan, _) = F.read("""
        ## Validation Strategy

        ### Post-Deployment Validation

        - **Monitoring Plan**: Dashboard
        - **Validation Period**: 8 weeks after full rollout
        """)
        #expect(plan.validationPeriod == "8 weeks after full rollout")
    }

    @Test func validationPeriodPlaceholderIsAbsent() {
        let (plan, diagnostics) = F.read("""
        ## Validation Strategy

        - **Validation Period**: [Duration for post-deployment validation]
        """)
        #expect(plan.validationPeriod == nil)
        #expect(diagnostics.contains { $0.code == .templatePlaceholder && $0.line == 7 })
    }
}
