import Testing
@testable import PlanfolioKit

@Suite struct DiagnosticTests {
    @Test func printsInCompilerForm() {
        let diagnostic = Diagnostic.error(.unknownReference, "no document 'X'", file: "Plans/plans/a.md", line: 7)
        #expect(diagnostic.description == "Plans/plans/a.md:7: error: no document 'X'")
        #expect(Diagnostic.warning(.rawHTML, "m", file: "f", line: 0).description == "f:1: warning: m")
    }

    @Test func sortByFileThenLine() {
        let list: [Diagnostic] = [
            .error(.invalidDate, "b", file: "b.md", line: 1),
            .warning(.rawHTML, "a2", file: "a.md", line: 10),
            .error(.invalidID, "a1", file: "a.md", line: 2),
        ]
        #expect(list.sorted().map(\.message) == ["a1", "a2", "b"])
    }

    @Test func codesAreUniqueAndNamed() {
        let codes = DiagnosticCode.allCases
        #expect(Set(codes.map(\.rawValue)).count == codes.count)
        #expect(Set(codes.map(\.name)).count == codes.count)
        #expect(DiagnosticCode.unknownReference.rawValue == "PF012")
        #expect(DiagnosticCode.unknownReference.name == "unknown-reference")
        #expect(codes.allSatisfy { $0.name.allSatisfy { $0.isLowercase || $0 == "-" } })
    }
}
