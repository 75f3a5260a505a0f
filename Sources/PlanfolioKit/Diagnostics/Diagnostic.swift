/// A problem found in the input, with where it is.
///
/// Every stage returns these as values instead of throwing, so one run can
/// report every problem in the portfolio, not only the first.
public struct Diagnostic: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The file as the user would open it: the input path they gave joined with the path inside it.
    public var file: String
    /// 1-based; problems with a whole file are reported at line 1.
    public var line: Int
    /// 1-based column where known.
    public var column: Int?
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String

    public init(file: String, line: Int, column: Int? = nil, severity: Severity, code: DiagnosticCode, message: String) {
        self.file = file
        self.line = max(1, line)
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }

    public static func error(_ code: DiagnosticCode, _ message: String, file: String, line: Int, column: Int? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, code: code, message: message)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, file: String, line: Int, column: Int? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, code: code, message: message)
    }

    /// `FILE:LINE: error|warning: message`, the form compilers use and editors
    /// understand; controls in the file name and message are escaped (`PrintableText`).
    public var description: String {
        "\(PrintableText.escaped(file)):\(line): \(severity.rawValue): \(PrintableText.escaped(message))"
    }

    /// Sorted by file, then line, so output never depends on which thread finished first.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        if a.code != b.code { return a.code.number < b.code.number }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics of one code in one file reported one by one; past this
    /// many, one more says how many were left out. One file can hold
    /// hundreds of thousands of the same mistake (an 8 MiB document of
    /// `[x](nofile)` is 690,000 missing files: 93 MB of text, 430 MB of SARIF).
    public static var maximumPerFileAndCode: Int { 100 }

    /// As a build reports them: with `strict`, warnings made errors; sorted;
    /// at most `maximumPerFileAndCode` of a code in a file (`capped`).
    /// Full and incremental builds both finish their diagnostics here, so the two agree.
    func reported(strict: Bool) -> [Diagnostic] {
        var diagnostics = self
        if strict {
            for index in diagnostics.indices { diagnostics[index].severity = .error }
        }
        diagnostics.sort()
        return diagnostics.capped()
    }

    /// These (sorted) diagnostics with each file's first `maximumPerFileAndCode`
    /// of each code, and for a code with more, one diagnostic at the first
    /// line left out that counts the rest (an error if any of them is).
    func capped() -> [Diagnostic] {
        var seen: [DiagnosticCapKey: Int] = [:]
        var leftOut: [DiagnosticCapKey: (first: Diagnostic, count: Int, error: Bool)] = [:]
        var kept: [Diagnostic] = []
        for diagnostic in self {
            let key = DiagnosticCapKey(file: diagnostic.file, code: diagnostic.code)
            let count = seen[key, default: 0]
            seen[key] = count + 1
            if count < Self.maximumPerFileAndCode {
                kept.append(diagnostic)
            } else if let entry = leftOut[key] {
                leftOut[key] = (entry.first, entry.count + 1, entry.error || diagnostic.severity == .error)
            } else {
                leftOut[key] = (diagnostic, 1, diagnostic.severity == .error)
            }
        }
        guard !leftOut.isEmpty else { return self }
        for (key, entry) in leftOut {
            kept.append(Diagnostic(file: key.file, line: entry.first.line, column: entry.first.column,
                                   severity: entry.error ? .error : .warning, code: key.code,
                                   message: "\(entry.count) more \(key.code.title) in this file from here on are not listed; fix the ones above and check again"))
        }
        kept.sort()
        return kept
    }

    public var errorCount: Int { count(where: { $0.severity == .error }) }
    public var warningCount: Int { count(where: { $0.severity == .warning }) }
    public var hasErrors: Bool { contains(where: { $0.severity == .error }) }
}

/// One file's diagnostics of one code, as `capped` counts them.
private struct DiagnosticCapKey: Hashable {
    var file: String
    var code: DiagnosticCode
}
