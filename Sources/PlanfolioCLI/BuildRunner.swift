import ArgumentParser
import Foundation
import PlanfolioKit

/// Runs a build or check for `build` and `check`: prints the diagnostics in
/// the chosen form, the summary line with the time taken, and exits with the
/// spec's code. Timing lives here, never in the library.
enum BuildRunner {
    static func run(_ group: BuildOptionsGroup, write: Bool) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let progress = ProgressLine.forStandardError()
        let timer = StageTimer.fromEnvironment()
        let report: BuildReport
        do {
            try armFaultSeam()
            var options = try group.buildOptions(write: write)
            options.progress = { event in
                progress.update(event)
                timer.update(event)
            }
            report = try Build.run(options)
        } catch {
            progress.finish()
            // The message may quote a file or folder name from the repository.
            FileHandle.standardError.write(Data("planfolio: error: \(PrintableText.escaped(error.message))\n".utf8))
            if group.diagnostics == .github {
                // Shown on the workflow run's summary, so the failure is not buried in the log.
                print("::error title=planfolio::" + GitHubDiagnosticFormatter.escapeData(PrintableText.escaped(error.message, keepingLineBreaks: true)))
            }
            throw ExitCode(ExitStatus.usageOrIO)
        }
        progress.finish()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        let format = group.diagnostics
        let printed = format.format(report.diagnostics, baseDirectory: FileManager.default.currentDirectoryPath)
        var standardError = ""
        if format.writesToStandardOutput {
            FileHandle.standardOutput.write(Data(printed.utf8))
        } else {
            standardError += printed
        }
        standardError += timer.finish()
        standardError += BuildSummary.line(report, output: group.output, seconds: seconds) + "\n"
        FileHandle.standardError.write(Data(standardError.utf8))
        let status = ExitStatus.forReport(report.diagnostics)
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    /// `PLANFOLIO_FAULT=<step>`, for tests only: the build kills itself at that
    /// step of the write (`FaultSeam`, docs/ci.md). An unknown step is a usage error.
    static func armFaultSeam() throws(PlanfolioError) {
        guard let value = ProcessInfo.processInfo.environment["PLANFOLIO_FAULT"], !value.isEmpty else { return }
        guard let step = FaultSeam.Step(rawValue: value) else {
            let steps = FaultSeam.Step.allCases.map(\.rawValue).joined(separator: ", ")
            throw PlanfolioError("PLANFOLIO_FAULT is '\(value)'; the steps are \(steps)")
        }
        FaultSeam.arm(step)
    }
}
