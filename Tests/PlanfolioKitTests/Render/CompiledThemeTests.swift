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
        let context: JSONValue = ["pageTitle": "a < b", "items": [["name": "x & \"y\""], ["name": "z'"]], "raw": "<b>kept</b>"]
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
        #expect(compiled?.render("document", [:] as JSONValue) == "e")
    }

    /// The built-in theme with `templates` of folder `T` laid over it.
    static func overriding(_ templates: [String: String]) -> ThemeFiles {
        var folder = ThemeFiles(templates: [:], assets: [:])
        for (name, text) in templates { folder.templates[name] = ThemeFiles.Template(displayPath: "T/templates/\(name).mustache", text: text) }
        return ThemeFiles.builtIn.overlaid(with: folder)
    }

    @Test func oneOverriddenTemplateRendersThroughTheBuiltInRest() throws {
        let notfound = "{{<layout}}\n{{$bodyClass}}notfound{{/bodyClass}}\n{{$main}}\n<h1>Lost?</h1>\n{{>contact}}\n{{/main}}\n{{/layout}}\n"
        let (compiled, diagnostics) = CompiledTheme.compile(Self.overriding(["notfound": notfound, "contact": "<p>Write to us.</p>\n"]), themePath: "T")
        #expect(diagnostics.isEmpty)
        let (builtIn, _) = CompiledTheme.compile(ThemeFiles.builtIn, themePath: ThemeFiles.builtInPath)
        let context: JSONValue = ["pageTitle": "Not found", "siteTitle": "Plans", "root": "", "today": "2026-11-25"]
        let page = try #require(compiled).render("notfound", context)
        #expect(page.contains("<h1>Lost?</h1>\n<p>Write to us.</p>\n"))
        #expect(!page.contains("There is no page at this address"))
        // The layout around it, and every other page, are the built-in theme's.
        let builtInPage = try #require(builtIn).render("notfound", context)
        #expect(page.hasPrefix(String(builtInPage.prefix(upTo: try #require(builtInPage.range(of: "<h1>")).lowerBound))))
        for name in CompiledTheme.requiredTemplates where name != "notfound" {
            #expect(compiled?.render(name, context) == builtIn?.render(name, context), "\(name)")
        }
    }

    @Test func aBrokenOverrideNamesItsFileAndLine() {
        let (compiled, diagnostics) = CompiledTheme.compile(Self.overriding(["notfound": "{{<layout}}\n{{$main}}\n{{> sidebar}}\n{{/main}}\n{{/layout}}\n",
                                                                             "list": "a\n{{#rows}}\n"]), themePath: "T")
        #expect(compiled == nil)
        #expect(diagnostics.map(\.file).sorted() == ["T/templates/list.mustache", "T/templates/notfound.mustache"])
        let partial = diagnostics.first { $0.file == "T/templates/notfound.mustache" }
        #expect(partial?.line == 3)
        #expect(partial?.message == "template uses partial 'sidebar', which the theme does not have")
        let parse = diagnostics.first { $0.file == "T/templates/list.mustache" }
        #expect(parse?.line == 2)
        #expect(parse?.code == .themeError)
    }

    /// An override that overrides nothing (a misspelt name, a file outside templates/) is a warning, not silence.
    @Test func unusedOrMisplacedTemplatesAreWarnings() {
        var files = Self.overriding(["not-found": "x", "contact": "c", "notfound": "{{>contact}}"])
        files.misplacedTemplates = ["T/notfound.mustache"]
        let (compiled, diagnostics) = CompiledTheme.compile(files, themePath: "T")
        #expect(compiled != nil)
        #expect(diagnostics.map(\.file) == ["T/templates/not-found.mustache", "T/notfound.mustache"])
        #expect(diagnostics.allSatisfy { $0.code == .unusedThemeFile && $0.severity == .warning && $0.line == 1 })
        // The built-in theme itself uses every template it has.
        #expect(CompiledTheme.compile(ThemeFiles.builtIn, themePath: ThemeFiles.builtInPath).1.isEmpty)
    }
}
