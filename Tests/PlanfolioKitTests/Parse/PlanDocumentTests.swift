import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct PlanDocumentTests {
    typealias F = PlanTemplateFixtures

    static let assessmentInformation = """
    ## Assessment Information

    - **System Name**: Credit Limit Recommender
    - **Assessment ID**: FAF-2026-03-001
    - **Remediation Plan ID**: RP-2026-002
    - **Related Investigation ID**: DIR-2026-004
    - **Date**: 2026-04-20
    - **Plan Owner**: Dana Ortiz (ML Platform Lead)
    """

    @Test func planWithoutFrontMatterTakesItsValuesFromAssessmentInformation() {
        let (document, diagnostics) = F.parse("# Fairness Drift Remediation Plan\n\n" + Self.assessmentInformation, path: "plans/anything.md")
        #expect(!diagnostics.hasErrors)
        #expect(document?.id == "RP-2026-002")
        #expect(document?.idLine == 7)
        #expect(document?.system == "Credit Limit Recommender")
        #expect(document?.date == Day("2026-04-20"))
        #expect(document?.owner == "Dana Ortiz (ML Platform Lead)")
        #expect(document?.references.assessment?.value == "FAF-2026-03-001")
        #expect(document?.references.investigation?.value == "DIR-2026-004")
        #expect(document?.plan != nil)
    }

    @Test func frontMatterAndAssessmentInformationDisagreeing() {
        let text = """
        ---
        id: RP-2026-002
        system: Motor Claims Triage
        date: 2026-04-21
        ---

        """ + Self.assessmentInformation
        let (_, diagnostics) = F.parse(text)
        let conflicts = diagnostics.filter { $0.code == .conflictingValue }
        #expect(conflicts.count == 2)
        #expect(conflicts.allSatisfy { $0.severity == .error })
        // System: front matter line 3, list line 8.
        #expect(conflicts.contains { $0.line == 8 && $0.message.contains("line 3") && $0.message.contains("Motor Claims Triage") })
        #expect(conflicts.contains { $0.line == 12 && $0.message.contains("line 4") })
    }

    @Test func frontMatterAndAssessmentInformationAgreeing() {
        let text = "---\nid: RP-2026-002\nsystem: Credit Limit Recommender\n---\n" + Self.assessmentInformation
        let (document, diagnostics) = F.parse(text)
        #expect(!diagnostics.hasErrors)
        #expect(document?.idLine == 2)
    }

    @Test func untouchedTemplateBuildsWithWarningsOnly() throws {
        let (parsed, diagnostics) = F.parse(PlanTemplate.text, path: "plans/remediation-plan-template.md")
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter { $0.severity == .error })")
        let document = try #require(parsed)
        #expect(document.id == "remediation-plan-template")
        #expect(document.kind == .plan)
        #expect(document.title == "Fairness Drift Remediation Plan")
        #expect(diagnostics.contains { $0.code == .missingID && $0.severity == .warning && $0.line == 27 })
        #expect(!diagnostics.contains { $0.code == .missingSection })
        #expect(!diagnostics.contains { $0.code == .invalidDate })
        let placeholders = diagnostics.filter { $0.code == .templatePlaceholder }
        // One for each bracketed text below the table of contents (none there is a link).
        let lines = PlanTemplate.text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.drop { $0 != "## Assessment Information" }
        #expect(!body.isEmpty && placeholders.count == body.reduce(0) { $0 + $1.matches(of: /\[[^\[\]]+\](?!\()/).count })
        // The table of contents is navigation: its "[Name of Intervention]" (line 10) is not reported.
        #expect(!placeholders.contains { $0.line < 25 })
        #expect(placeholders.contains { $0.line == 79 && $0.message.contains("'[Phase 1: Design/Prep]'") })
        // Nothing is read from the template's example rows; its approval roles are.
        let plan = try #require(document.plan)
        #expect(plan.phases.isEmpty)
        #expect(plan.responsibilities.isEmpty)
        #expect(plan.interventions.isEmpty)
        #expect(plan.validationPeriod == nil)
        #expect(plan.hasApprovalTable)
        #expect(plan.approvals.map(\.role) == ["Plan Owner", "Technical Lead", "Fairness Assessment Lead",
                                               "System Owner/Product Manager", "Compliance Officer (if applicable)"])
        #expect(plan.approvals.allSatisfy { $0.date == nil && $0.name.isEmpty })
    }

    @Test func untouchedTemplateBuildsAWholeSite() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let theme = try ThemeFiles.load(from: root.appendingPathComponent("Theme").path)
        let input = LoadedInput(files: [SourceFile(path: "plans/remediation-plan-template.md", text: PlanTemplate.text)])
        var options = BuildOptions(today: Day(year: 2026, month: 11, day: 25)!)
        options.write = false
        let (report, files) = Build.site(from: input, theme: theme, options: options)
        #expect(!report.hasErrors, "\(report.diagnostics.filter { $0.severity == .error })")
        #expect(report.diagnostics.warningCount > 0)
        #expect(files.contains { $0.path == "plans/remediation-plan-template.html" })
    }

    @Test func planWithoutAnyIDIsStillAnError() {
        let (document, diagnostics) = F.parse("# A plan\n\n## Assessment Information\n\n- **System Name**: S\n")
        #expect(document == nil)
        #expect(diagnostics.contains { $0.code == .missingID && $0.severity == .error })
    }

    @Test func placeholderIDWithAFileNameThatIsNotAnIDIsAnError() {
        let (document, diagnostics) = F.parse("## Assessment Information\n\n- **Remediation Plan ID**: [Unique ID for this plan]\n",
                                              path: "plans/my plan.md")
        #expect(document == nil)
        #expect(diagnostics.contains { $0.code == .missingID && $0.severity == .error })
    }

    @Test func completePlanHasNoMissingSectionWarnings() {
        let (document, diagnostics) = F.parse(F.frontMatter + F.allSections)
        #expect(document?.plan != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func missingSectionsAreOneWarningNamingEach() {
        let body = F.allSections
            .replacingOccurrences(of: "## Rollback Plan\n### Rollback Criteria\n### Rollback Procedure\n### Rollback Owner\n", with: "")
            .replacingOccurrences(of: "### Responsibilities\n| Role | Name/Team | Responsibility |\n|---|---|---|\n", with: "")
        let (_, diagnostics) = F.parse(F.frontMatter + body)
        #expect(diagnostics.map(\.code) == [.missingSection])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.message ==
                "plan has no 'Responsibilities' (under 'Implementation Plan') and 'Rollback Plan' sections, which the template has")
    }

    @Test func investigationsAreNotReadAsPlans() {
        let (document, diagnostics) = DocumentParser.parse(SourceFile(path: "investigations/DIR-1.md", text: "---\nid: DIR-1\n---\n[Date]\n"))
        #expect(document?.plan == nil)
        #expect(diagnostics.isEmpty)
    }
}
