@testable import PlanfolioKit

/// Renders `template` (named "main") with `partials` beside it; nil if any does not parse.
func mustache(_ template: String, _ data: [String: Any] = [:], partials: [String: String] = [:]) -> String? {
    var templates: [String: MustacheTemplate] = [:]
    for (name, text) in partials.merging(["main": template], uniquingKeysWith: { _, main in main }) {
        guard let parsed = try? MustacheTemplate(text) else { return nil }
        templates[name] = parsed
    }
    return MustacheLibrary(templates: templates).render("main", data)
}

/// The parse error of `template`, or nil if it parses.
func mustacheError(_ template: String) -> MustacheParseError? {
    do {
        _ = try MustacheTemplate(template)
        return nil
    } catch {
        return error
    }
}
