import PlanfolioKit

/// The one line printed on standard error at the end of every build or check.
///
/// `planfolio: 13 documents read, 17 pages written to Output (9 files unchanged), 0 errors, 2 warnings, 0.41 s`;
/// after an edit, what was made again, `(..., 27 files unchanged; 2 files rendered, 1 document parsed)`.
enum BuildSummary {
    static func line(_ report: BuildReport, output: String, seconds: Double) -> String {
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        var parts = ["\(report.documentsRead) \(plural(report.documentsRead, "document")) read"]
        if report.wrote {
            var kept = "\(report.filesUnchanged) \(plural(report.filesUnchanged, "file")) unchanged"
            if case .partial(let rendered, let parsed) = report.mode {
                kept += "; \(rendered) \(plural(rendered, "file")) rendered, \(parsed) \(plural(parsed, "document")) parsed"
            }
            parts.append("\(report.pagesWritten) \(plural(report.pagesWritten, "page")) written to \(output) (\(kept))")
        } else if report.hasErrors {
            parts.append("nothing written")
        } else {
            parts.append("nothing written (check)")
        }
        parts.append("\(errors) \(plural(errors, "error"))")
        parts.append("\(warnings) \(plural(warnings, "warning"))")
        parts.append(formatSeconds(seconds) + " s")
        return "planfolio: " + parts.joined(separator: ", ")
    }

    /// Two decimals, always, without Foundation's locale-dependent formatting.
    static func formatSeconds(_ seconds: Double) -> String {
        let hundredths = Int((max(0, seconds) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    private static func plural(_ count: Int, _ word: String) -> String {
        count == 1 ? word : word + "s"
    }
}
