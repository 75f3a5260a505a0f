@testable import PlanfolioKit
import Testing
@testable import PlanfolioCLI

@Suite struct BuildSummaryTests {
    func report(errors: Int = 0, warnings: Int = 0, wrote: Bool) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        for index in 0..<errors { diagnostics.append(.error(.invalidDate, "e", file: "a.md", line: index + 1)) }
        for index in 0..<warnings { diagnostics.append(.warning(.rawHTML, "w", file: "a.md", line: index + 1)) }
        var report = BuildReport(diagnostics: diagnostics, documentsRead: 13, pagesWritten: wrote ? 17 : 0, wrote: wrote)
        report.filesUnchanged = wrote ? 9 : 0
        return report
    }

    @Test func wroteLine() {
        #expect(BuildSummary.line(report(warnings: 1, wrote: true), output: "Output", seconds: 0.416)
                == "planfolio: 13 documents read, 17 pages written to Output (9 files unchanged), 0 errors, 1 warning, 0.42 s")
    }

    @Test func singular() {
        var one = report(wrote: true)
        one.filesUnchanged = 1
        one.documentsRead = 1
        one.pagesWritten = 1
        #expect(BuildSummary.line(one, output: "Site", seconds: 1) == "planfolio: 1 document read, 1 page written to Site (1 file unchanged), 0 errors, 0 warnings, 1.00 s")
    }

    @Test func partialLineSaysWhatWasMadeAgain() {
        var one = report(wrote: true)
        one.mode = .partial(rendered: 1, parsed: 1)
        #expect(BuildSummary.line(one, output: "Output", seconds: 0.4)
                == "planfolio: 13 documents read, 17 pages written to Output (9 files unchanged; 1 file rendered, 1 document parsed), 0 errors, 0 warnings, 0.40 s")
        one.mode = .partial(rendered: 14, parsed: 3)
        #expect(BuildSummary.line(one, output: "Output", seconds: 0.4).contains("(9 files unchanged; 14 files rendered, 3 documents parsed)"))
    }

    @Test func failedLine() {
        #expect(BuildSummary.line(report(errors: 2, wrote: false), output: "Output", seconds: 12.3)
                == "planfolio: 13 documents read, nothing written, 2 errors, 0 warnings, 12.30 s")
    }

    @Test func checkLine() {
        #expect(BuildSummary.line(report(wrote: false), output: "Output", seconds: 0.004)
                == "planfolio: 13 documents read, nothing written (check), 0 errors, 0 warnings, 0.00 s")
    }

    @Test func exitStatus() {
        #expect(ExitStatus.forReport([]) == 0)
        #expect(ExitStatus.forReport([.warning(.rawHTML, "w", file: "a", line: 1)]) == 0)
        #expect(ExitStatus.forReport([.error(.invalidDate, "e", file: "a", line: 1)]) == 1)
        #expect(ExitStatus.forReport([.error(.invalidDate, "e", file: "a", line: 1), .error(.configError, "c", file: "planfolio.yml", line: 2)]) == 2)
        #expect(ExitStatus.forReport([.error(.themeError, "t", file: "Theme/templates/x.mustache", line: 1)]) == 2)
    }

    @Test func progressText() {
        #expect(ProgressLine.text(BuildProgress(stage: .rendering, done: 256, total: 4030)) == "planfolio: rendering and writing 256/4030 pages")
        #expect(ProgressLine.text(BuildProgress(stage: .writing, done: 0, total: 0)) == "planfolio: putting the new site in place…")
    }
}
