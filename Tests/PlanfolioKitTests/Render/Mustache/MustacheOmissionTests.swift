import Foundation
import Testing
@testable import PlanfolioKit

/// What planfolio's Mustache leaves out by design (docs/theme.md) fails
/// loudly: a dynamic name (`{{>*name}}`, the spec's ~dynamic-names module,
/// vendored under `omitted/` to be refused, not passed) is a template error
/// at its line, never a silently empty partial.
@Suite struct MustacheOmissionTests {
    /// Every template of the spec's dynamic-names module, and every partial of it that uses one.
    static func dynamicNameTemplates() throws -> [String] {
        let url = URL(fileURLWithPath: Repository.path("Tests/Fixtures/mustache-spec/omitted/~dynamic-names.json"))
        struct SpecFile: Decodable {
            struct Test: Decodable { var template: String; var partials: [String: String]? }
            var tests: [Test]
        }
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        return spec.tests.flatMap { [$0.template] + ($0.partials ?? [:]).values.filter { dynamicTagLine(in: $0) != nil } }
    }

    /// The line of the first `{{>*` or `{{<*` tag (spaces allowed before the star), if any.
    static func dynamicTagLine(in template: String) -> Int? {
        guard let range = template.range(of: #"\{\{[<>$][ \t]*\*"#, options: .regularExpression) else { return nil }
        return 1 + template.utf8[..<range.lowerBound].count(where: { $0 == UInt8(ascii: "\n") })  // "\r\n" is one Character
    }

    @Test func everyDynamicNameOfTheSpecIsATemplateError() throws {
        let templates = try Self.dynamicNameTemplates()
        #expect(!templates.isEmpty)
        for template in templates {
            let line = Self.dynamicTagLine(in: template)
            #expect(line != nil, "every template of the module uses a dynamic name: \(template.debugDescription)")
            let error = mustacheError(template)
            #expect(error?.line == line, "\(template.debugDescription)")
            #expect(error?.message.contains("dynamic names are not supported") == true, "\(template.debugDescription)")
        }
    }

    /// In a theme, the error is a diagnostic naming the theme file and line.
    @Test func aDynamicPartialInAThemeNamesTheFileAndLine() {
        var files = ThemeFiles.builtIn
        files.templates["document"] = ThemeFiles.Template(displayPath: "MyTheme/templates/document.mustache",
                                                          text: "{{<layout}}\n{{$main}}\n{{>*kind}}\n{{/main}}\n{{/layout}}\n")
        let (compiled, diagnostics) = CompiledTheme.compile(files, themePath: "MyTheme")
        #expect(compiled == nil)
        let error = diagnostics.first { $0.file == "MyTheme/templates/document.mustache" }
        #expect(error?.line == 3)
        #expect(error?.code == .themeError)
        #expect(error?.message.contains("dynamic names are not supported") == true)
    }
}
