@testable import PlanfolioKit

/// Small plans for the Parse tests: a front matter block and the sections asked for.
enum PlanTemplateFixtures {
    static let frontMatter = """
    ---
    id: RP-1
    system: S
    ---

    """

    /// Every template section heading, with the tables the template has, so
    /// that no missing-section warning distracts.
    static let allSections = """
    ## Assessment Information
    ## Problem Summary
    ## Remediation Goals
    ## Proposed Intervention(s)
    ## Implementation Plan
    ### Phases and Milestones
    | Phase | Key Activities | Deliverable | Deadline | Owner |
    |---|---|---|---|---|
    ### Responsibilities
    | Role | Name/Team | Responsibility |
    |---|---|---|
    ## Validation Strategy
    ### Pre-Deployment Validation
    ### Post-Deployment Validation
    ## Rollback Plan
    ### Rollback Criteria
    ### Rollback Procedure
    ### Rollback Owner
    ## Communication Plan
    ## Approval
    | Role | Name | Signature | Date |
    |---|---|---|---|

    """

    /// Parses `text` as `plans/RP-1.md`.
    static func parse(_ text: String, path: String = "plans/RP-1.md") -> (Document?, [Diagnostic]) {
        DocumentParser.parse(SourceFile(path: path, text: text))
    }

    /// Parses a plan with front matter whose body is `body`, and returns what was read.
    static func read(_ body: String) -> (plan: PlanSections, diagnostics: [Diagnostic]) {
        let (document, diagnostics) = parse(frontMatter + body)
        return (document?.plan ?? PlanSections(), diagnostics)
    }

    /// Diagnostics other than missing sections and placeholders, for tests about one table.
    static func problems(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code != .missingSection && $0.code != .templatePlaceholder }
    }
}
