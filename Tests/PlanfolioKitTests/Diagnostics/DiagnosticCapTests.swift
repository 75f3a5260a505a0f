import Testing
@testable import PlanfolioKit

/// A file reports at most `maximumPerFileAndCode` diagnostics of one code,
/// then one that counts the rest, so a document of one repeated mistake
/// cannot make megabytes of CI output.
@Suite struct DiagnosticCapTests {
    static let cap = [Diagnostic].maximumPerFileAndCode

    static func missing(_ line: Int, file: String = "Plans/a.md", severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(file: file, line: line, severity: severity, code: .missingLinkedFile, message: "link \(line) names no file")
    }

    @Test func upToTheCapEveryDiagnosticIsReported() {
        let diagnostics = (1...Self.cap).map { Self.missing($0) }
        #expect(diagnostics.reported(strict: false) == diagnostics)
    }

    @Test func pastTheCapOneDiagnosticCountsTheRestAtTheFirstLineLeftOut() throws {
        let diagnostics = (1...(Self.cap + 250)).map { Self.missing($0) }.shuffled()
        let reported = diagnostics.reported(strict: false)
        #expect(reported.count == Self.cap + 1)
        #expect(Array(reported.prefix(Self.cap)) == (1...Self.cap).map { Self.missing($0) })
        let summary = try #require(reported.last)
        #expect(summary.line == Self.cap + 1)
        #expect(summary.code == .missingLinkedFile && summary.severity == .error)
        #expect(summary.message.hasPrefix("250 more PF027 missing-linked-file"))
        #expect(reported.hasErrors)
    }

    @Test func eachFileAndCodeHasItsOwnCap() {
        let other = (1...Self.cap).map { Self.missing($0, file: "Plans/b.md") }
        let warnings = (1...Self.cap).map { Diagnostic(file: "Plans/a.md", line: $0, severity: .warning, code: .rawHTML, message: "raw") }
        let all = (1...(Self.cap + 1)).map { Self.missing($0) } + other + warnings
        let reported = all.reported(strict: false)
        #expect(reported.count == 3 * Self.cap + 1)
        #expect(reported.filter { $0.file == "Plans/b.md" } == other)
        #expect(reported.filter { $0.code == .rawHTML }.count == Self.cap)
    }

    @Test func aSummaryOfWarningsIsAWarningAndStrictMakesItAnError() {
        let warnings = (1...(Self.cap + 5)).map { Diagnostic(file: "Plans/a.md", line: $0, severity: .warning, code: .rawHTML, message: "raw") }
        #expect(warnings.reported(strict: false).last?.severity == .warning)
        #expect(warnings.reported(strict: true).last?.severity == .error)
    }
}
