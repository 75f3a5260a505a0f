import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct PlanTemplateTests {
    static func headings(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
    }

    @Test func headingsMatchTheDesignTemplate() throws {
        let url = try #require(TestPaths.shared("design/remediation-plan-template.md"), "the design template is in ../shared/design/")
        let design = try String(contentsOf: url, encoding: .utf8)
        #expect(Self.headings(PlanTemplate.text) == Self.headings(design))
        #expect(Self.headings(design).count > 15)
    }

    @Test func embeddedTextIsTheDesignTemplate() throws {
        let url = try #require(TestPaths.shared("design/remediation-plan-template.md"))
        let design = try String(contentsOf: url, encoding: .utf8)
        #expect(PlanTemplate.text.trimmingCharacters(in: .newlines) == design.trimmingCharacters(in: .newlines))
    }
}
