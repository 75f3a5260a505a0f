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

/// Renders `template` over a root context of any type (a string, a number, a list, `NSNull`...); nil if it does not parse.
func mustacheRoot(_ template: String, _ root: Any) -> String? {
    guard let parsed = try? MustacheTemplate(template) else { return nil }
    return MustacheLibrary(templates: ["main": parsed]).render("main", root: root)
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
