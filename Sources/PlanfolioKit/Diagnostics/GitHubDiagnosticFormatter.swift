/// `--diagnostics github`: GitHub Actions workflow commands, which the runner
/// turns into annotations shown inline on the pull request's diff.
///
/// `::error file=F,line=L,col=C,title=PF012 unknown-reference::message`,
/// escaped as the Actions toolkit does: `%`, CR and LF everywhere, and also
/// `:` and `,` inside properties; the file name and message have their other
/// controls (ESC, NUL, ...) escaped first as in the text form (`PrintableText`).
public enum GitHubDiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            var properties = ["file=" + escapeProperty(PrintableText.escaped(diagnostic.file, keepingLineBreaks: true)), "line=\(diagnostic.line)"]
            if let column = diagnostic.column { properties.append("col=\(column)") }
            properties.append("title=" + escapeProperty(diagnostic.code.title))
            out += "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(PrintableText.escaped(diagnostic.message, keepingLineBreaks: true)))\n"
        }
        return out
    }

    /// The toolkit's `escapeData`: the message after `::`.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The toolkit's `escapeProperty`: a `key=value` before `::`.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
