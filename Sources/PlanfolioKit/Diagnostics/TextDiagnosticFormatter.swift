/// `--diagnostics text`: one `FILE:LINE: error|warning: message` line per diagnostic.
public enum TextDiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.description + "\n" }.joined()
    }
}
