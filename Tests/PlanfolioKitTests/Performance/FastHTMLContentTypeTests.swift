import Mustache
import Testing
@testable import PlanfolioKit

/// Templates get a content-type pragma line for faster escaping; output and
/// reported line numbers must be as without it.
@Suite struct FastHTMLContentTypeTests {
    static func theme(_ document: String) -> ThemeFiles {
        func template(_ name: String, _ text: String) -> ThemeFiles.Template {
            ThemeFiles.Template(displayPath: "T/templates/\(name).mustache", text: text)
        }
        // Every template the theme needs, trivially, then the one under test.
        var templates: [String: ThemeFiles.Template] = [:]
        for name in CompiledTheme.requiredTemplates { templates[name] = template(name, "\(name)\n") }
        templates["layout"] = template("layout", "<title>{{pageTitle}}</title>\n{{$main}}{{/main}}\n")
        templates["document"] = template("document", document)
        return ThemeFiles(templates: templates, assets: [:])
    }

    @Test func escapedOutputIsWhatSwiftMustacheWrites() throws {
        let text = "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n{{{raw}}} {{plain}}\n"
        let context: [String: Any] = [
            "items": [["name": "a < b & \"c\" 'd'"], ["name": "Zoë > 日本"]],
            "raw": "<b>kept</b>", "plain": "x&y",
        ]
        let (compiled, diagnostics) = CompiledTheme.compile(Self.theme(text), themePath: "T")
        #expect(diagnostics.isEmpty)
        let ours = compiled?.render("document", context)
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: text), named: "plain")
        let theirs = library.render(context, withTemplate: "plain")
        #expect(ours != nil)
        #expect(ours == theirs)
        #expect(ours?.contains("a &lt; b &amp; &quot;c&quot; &#39;d&#39;") == true)
    }

    @Test func parseErrorsKeepTheirTemplateLine() {
        let (compiled, diagnostics) = CompiledTheme.compile(Self.theme("first\nsecond\n{{#open}}\nno close\n"), themePath: "T")
        #expect(compiled == nil)
        let error = diagnostics.first { $0.file == "T/templates/document.mustache" }
        #expect(error != nil)
        let direct: Int? = {
            do {
                _ = try MustacheTemplate(string: "first\nsecond\n{{#open}}\nno close\n")
                return nil
            } catch let error as MustacheTemplate.ParserError {
                return error.context.lineNumber
            } catch { return nil }
        }()
        #expect(direct != nil)
        #expect(error?.line == direct)
    }
}
