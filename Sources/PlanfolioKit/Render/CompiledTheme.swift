import Foundation
import Mustache

/// A theme checked and ready to render.
///
/// swift-mustache renders a missing template, partial or variable as empty
/// text without complaint, so planfolio checks the theme itself: every
/// template the site needs must exist, parse, and name only partials that
/// exist; otherwise the build fails naming the theme file and line.
public struct CompiledTheme: Sendable {
    /// The templates a site needs, one per page type.
    public static let requiredTemplates = ["layout", "index", "list", "document", "search", "notfound",
                                                 "timeline", "approvals", "status-badges", "plan-timeline", "approval-panel",
                                                 "metric-chart", "dashboard-status",
                                                 "systems", "system", "referenced-by"]

    let library: MustacheLibrary
    public let assets: [String: [UInt8]]

    public static func compile(_ files: ThemeFiles, themePath: String) -> (CompiledTheme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        for name in requiredTemplates where files.templates[name] == nil {
            let path = (themePath as NSString).appendingPathComponent("templates/\(name).mustache")
            diagnostics.append(.error(.themeError, "theme has no template '\(name)'", file: path, line: 1))
        }
        for name in files.templates.keys.sorted() {
            let template = files.templates[name]!
            do {
                library.register(try MustacheTemplate(string: FastHTMLContentType.pragma + template.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(.themeError, "template does not parse: \(error.error) near '\(error.context.line.trimmingCharacters(in: .whitespaces))'",
                                          file: template.displayPath, line: error.context.lineNumber - 1, column: error.context.columnNumber))
                continue
            } catch {
                diagnostics.append(.error(.themeError, "template does not parse: \(error)", file: template.displayPath, line: 1))
                continue
            }
            for reference in partialReferences(in: template.text) where files.templates[reference.name] == nil {
                diagnostics.append(.error(.themeError, "template uses partial '\(reference.name)', which the theme does not have",
                                          file: template.displayPath, line: reference.line))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (CompiledTheme(library: library, assets: files.assets), diagnostics)
    }

    /// `{{> name}}` and `{{< name}}` tags, with their lines.
    static func partialReferences(in text: String) -> [(name: String, line: Int)] {
        var out: [(String, Int)] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[rest.startIndex..<open.lowerBound].count(where: { $0 == "\n" })
            rest = rest[open.upperBound...]
            let trimmed = rest.drop(while: { $0 == " " })
            guard let sigil = trimmed.first, sigil == ">" || sigil == "<" else { continue }
            let afterSigil = trimmed.dropFirst().drop(while: { $0 == " " })
            guard let close = afterSigil.range(of: "}}") else { break }
            let name = afterSigil[afterSigil.startIndex..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty && !name.hasPrefix("*") { out.append((name, line)) }
        }
        return out
    }

    /// Renders the named template; nil only if it is missing, which `compile` rules out.
    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
