import Testing
@testable import PlanfolioKit

/// The theme check: missing templates and partials and parse errors name the theme file, line and column.
@Suite struct CompiledThemeTests {
    static func theme(document: String, extra: [String: String] = [:]) -> ThemeFiles {
        func template(_ name: String, _ text: String) -> ThemeFiles.Template {
            ThemeFiles.Template(displayPath: "T/templates/\(name).mustache", text: text)
        }
        var templates: [String: ThemeFiles.Template] = [:]
        for name in CompiledTheme.requiredTemplates { templates[name] = template(name, "\(name)\n") }
        templates["layout"] = template("layout", "<title>{{pageTitle}}</title>\n{{$main}}{{/main}}\n")
        templates["document"] = template("document", document)
        for (name, text) in extra { templates[name] = template(name, text) }
        return ThemeFiles(templates: templates, assets: [:])
    }

    @Test func rendersThroughLayoutWithEscaping() throws {
        let document = "{{<layout}}\n{{$main}}\n{{#items}}\n<li>{{name}}</li>\n{{/items}}\n{{{raw}}}\n{{/main}}\n{{/layout}}\n"
        let (compiled, diagnostics) = CompiledTheme.compile(Self.theme(document: document), themePath: "T")
        #expect(diagnostics.isEmpty)
        let context: [String: Any] = ["pageTitle": "a < b", "items": [["name": "x & \"y\""], ["name": "z'"]], "raw": "<b>kept</b>"]
        let html = try #require(compiled).render("document", context)
        #expect(html == "<title>a &lt; b</title>\n<li>x &amp; &quot;y&quot;</li>\n<li>z&#39;</li>\n<b>kept</b>\n\n")
    }

    @Test func parseErrorNamesFileLineAndColumn() {
        let (compiled, diagnostics) = CompiledTheme.compile(Self.theme(document: "first\nsecond\n  {{#open}}\nno close\n"), themePath: "T")
        #expect(compiled == nil)
        let error = diagnostics.first { $0.file == "T/templates/document.mustache" }
        #expect(error?.line == 3)
        #expect(error?.column == 3)
        #expect(error?.code == .themeError)
        #expect(error?.message == "template does not parse: {{#open}} is never closed near '{{#open}}'")
    }

    @Test func missingTemplatesAndPartials() {
        var files = Self.theme(document: "ok\n{{> nowhere}}\n{{<layout}}{{/layout}}\n")
        files.templates["search"] = nil
        let (compiled, diagnostics) = CompiledTheme.compile(files, themePath: "T")
        #expect(compiled == nil)
        #expect(diagnostics.contains { $0.message == "theme has no template 'search'" && $0.file == "T/templates/search.mustache" })
        let partial = diagnostics.first { $0.message == "template uses partial 'nowhere', which the theme does not have" }
        #expect(partial?.file == "T/templates/document.mustache")
        #expect(partial?.line == 2)
        #expect(!diagnostics.contains { $0.message.contains("'layout'") })
    }

    @Test func partialsInCommentsAreNotReferences() {
        let (compiled, diagnostics) = CompiledTheme.compile(Self.theme(document: "{{! was {{> gone }}\n{{> extra}}\n", extra: ["extra": "e"]), themePath: "T")
        #expect(diagnostics.isEmpty)
        #expect(compiled?.render("document", [:]) == "e")
    }
}
