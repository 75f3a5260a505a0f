import Testing
@testable import PlanfolioKit

/// The built-in theme is generated from Theme/ by `.ci/embed-theme`; these fail when they drift apart.
@Suite struct DefaultThemeTests {
    @Test func builtInThemeMatchesThemeFolder() throws {
        let folder = try ThemeFiles.load(from: Repository.path("Theme"))
        let builtIn = ThemeFiles.builtIn
        let hint = "Sources/PlanfolioKit/Render/DefaultTheme.swift is out of date with Theme/: run .ci/embed-theme"
        #expect(builtIn.templates.keys.sorted() == folder.templates.keys.sorted(), Comment(rawValue: hint))
        for (name, template) in folder.templates {
            #expect(builtIn.templates[name]?.text == template.text, Comment(rawValue: "template \(name): \(hint)"))
        }
        #expect(builtIn.assets.keys.sorted() == folder.assets.keys.sorted(), Comment(rawValue: hint))
        for (path, bytes) in folder.assets {
            #expect(builtIn.assets[path] == bytes, Comment(rawValue: "asset \(path): \(hint)"))
        }
    }

    @Test func builtInThemeCompiles() {
        let (theme, diagnostics) = CompiledTheme.compile(ThemeFiles.builtIn, themePath: ThemeFiles.builtInPath)
        #expect(theme != nil)
        #expect(diagnostics.isEmpty)
    }
}
