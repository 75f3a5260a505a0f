import PlanfolioKit

/// Exit codes, exactly as the spec gives them, and the one rule that picks them.
///
/// - 0: no error (warnings allowed, unless `--strict`).
/// - 1: the documents have errors; nothing was written, the last good site stays.
/// - 2: usage, I/O, configuration or theme failure, or an output folder planfolio did not write.
enum ExitStatus {
    static let success: Int32 = 0
    static let documentErrors: Int32 = 1
    static let usageOrIO: Int32 = 2

    /// Codes whose errors are about the environment (configuration, theme), not the documents.
    static let environmentCodes: Set<DiagnosticCode> = [.configError, .themeError, .unusedThemeFile]

    static func forReport(_ diagnostics: [Diagnostic]) -> Int32 {
        let errors = diagnostics.filter { $0.severity == .error }
        if errors.isEmpty { return success }
        if errors.contains(where: { environmentCodes.contains($0.code) }) { return usageOrIO }
        return documentErrors
    }
}
