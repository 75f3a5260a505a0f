import Foundation
import Testing
@testable import PlanfolioKit

/// `planfolio new plan` starts from the template compiled into the binary;
/// it must be the project's one copy, byte for byte. (That the template has
/// every section the plan reader looks for: `PlanDocumentTests`.)
@Suite struct PlanTemplateTests {
    @Test func embeddedTextIsTheTemplateFile() throws {
        let file = TestPaths.packageRoot.appendingPathComponent("Sources/PlanfolioKit/Templates/remediation-plan-template.md")
        let bytes = try Data(contentsOf: file)
        #expect(Array(PlanTemplate.text.utf8) == Array(bytes))
        #expect(PlanTemplate.text.hasPrefix("# Fairness Drift Remediation Plan\n"))
    }
}
