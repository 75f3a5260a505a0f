import Foundation

/// `--diagnostics json`: one JSON object per line (JSON Lines), keys sorted.
///
/// Keys: `file`, `line`, `column` (only when known), `severity`, `code`
/// (`PF012`), `name` (`unknown-reference`), `message`.
public enum JSONLinesDiagnosticFormatter {
    struct Line: Encodable {
        var file: String
        var line: Int
        var column: Int?
        var severity: String
        var code: String
        var name: String
        var message: String
    }

    public static func format(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for diagnostic in diagnostics {
            let line = Line(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                            severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue,
                            name: diagnostic.code.name, message: diagnostic.message)
            // Encoding strings and integers cannot fail; an empty line would still be valid JSON Lines framing.
            if let data = try? encoder.encode(line), let text = String(data: data, encoding: .utf8) {
                out += text + "\n"
            }
        }
        return out
    }
}
