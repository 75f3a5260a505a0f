@testable import PlanfolioKit

/// Renders `template` (named "main") over `data` with `partials` beside it; nil if any does not parse.
func mustache(_ template: String, _ data: JSONValue = [:], partials: [String: String] = [:]) -> String? {
    mustacheRoot(template, data, partials: partials)
}

/// Renders `template` over a root of any template value (a model, a string, a number, a list, JSON null...); nil if it does not parse.
func mustacheRoot(_ template: String, _ root: some TemplateValue, partials: [String: String] = [:]) -> String? {
    var templates: [String: MustacheTemplate] = [:]
    for (name, text) in partials.merging(["main": template], uniquingKeysWith: { _, main in main }) {
        guard let parsed = try? MustacheTemplate(text) else { return nil }
        templates[name] = parsed
    }
    return MustacheLibrary(templates: templates).render("main", root)
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

/// Test data written as literals: `["a": "x", "list": [1, true, nil]]`.
/// An object keeps its keys in the order written.
extension JSONValue: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
}

/// A model for tests whose members are looked up by their text (any name, not only `TemplateKey`'s).
struct TestModel: TemplateValue {
    var members: [String: any TemplateValue]

    init(_ members: [String: any TemplateValue]) {
        self.members = members
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        members[name.text]
    }
}
