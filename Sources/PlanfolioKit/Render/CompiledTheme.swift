import Foundation

/// A theme checked and ready to render.
///
/// Mustache renders a missing partial or variable as empty text without
/// complaint, so planfolio checks the theme itself: every template the site
/// needs must exist, parse, and name only partials that exist; otherwise the
/// build fails naming the theme file, line and column. A theme folder is laid
/// over the built-in theme file by file (`ThemeFiles.resolve`), so a
/// misspelt override would silently change nothing: a template of the
/// folder that no page and no template uses, or a `.mustache` file outside
/// its `templates/`, is a warning. Templates are parsed once, here, by
/// planfolio's own engine (`Render/Mustache`).
public struct CompiledTheme: Sendable {
    /// The templates a site needs, one per page type.
    public static let requiredTemplates = ["layout", "index", "list", "document", "search", "notfound",
                                                 "timeline", "approvals", "status-badges", "plan-timeline", "approval-panel",
                                                 "metric-chart", "dashboard-status",
                                                 "systems", "system", "referenced-by",
                                                 "revisions", "revision", "changes"]

    let library: MustacheLibrary
    public let assets: [String: [UInt8]]

    public static func compile(_ files: ThemeFiles, themePath: String) -> (CompiledTheme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        for name in requiredTemplates where files.templates[name] == nil {
            let path = PathText.join(themePath, "templates/\(name).mustache")
            diagnostics.append(.error(.themeError, "theme has no template '\(name)'", file: path, line: 1))
        }
        for (name, template) in files.templates.sorted(by: { $0.key < $1.key }) {
            let parsed: MustacheTemplate
            do {
                parsed = try MustacheTemplate(template.text)
            } catch {
                diagnostics.append(.error(.themeError, "template does not parse: \(error.message) near '\(error.lineText.trimmingCharacters(in: .whitespaces))'",
                                          file: template.displayPath, line: error.line, column: error.column))
                continue
            }
            templates[name] = parsed
            for reference in parsed.references where files.templates[reference.name] == nil {
                diagnostics.append(.error(.themeError, "template uses partial '\(reference.name)', which the theme does not have",
                                          file: template.displayPath, line: reference.line))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var used = Set(requiredTemplates)
        for template in templates.values { used.formUnion(template.references.map(\.name)) }
        for (name, template) in files.templates.sorted(by: { $0.key < $1.key }) where !template.isBuiltIn && !used.contains(name) {
            diagnostics.append(.warning(.unusedThemeFile, "theme template '\(name)' is used by no page and no other template, so it overrides nothing (docs/theme.md lists the templates)",
                                        file: template.displayPath, line: 1))
        }
        for path in files.misplacedTemplates {
            diagnostics.append(.warning(.unusedThemeFile, "theme file is not read: templates go directly in the theme's templates/ folder",
                                        file: path, line: 1))
        }
        return (CompiledTheme(library: MustacheLibrary(templates: templates), assets: files.assets), diagnostics)
    }

    /// Renders the named template over a page model (docs/theme.md); "" only
    /// if the template is missing, which `compile` rules out.
    func render(_ template: String, _ model: some TemplateValue) -> String {
        library.render(template, model) ?? ""
    }

    /// `render` as UTF-8 bytes, for the site's files.
    func renderBytes(_ template: String, _ model: some TemplateValue) -> [UInt8] {
        library.renderBytes(template, model) ?? []
    }
}
