import Foundation
import Testing

/// The built binary with a theme folder holding one file (SPEC §5, §7): the
/// override shows, every other file of the site is the built-in theme's.
@Suite struct ThemeOverrideEndToEndTests {
    static let notFound = """
        {{<layout}}
        {{$bodyClass}}notfound{{/bodyClass}}
        {{$main}}
        <h1>This page is not in the portfolio</h1>
        {{>contact}}
        {{/main}}
        {{/layout}}

        """

    /// A project with one plan and no theme folder.
    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("theme-override")
        try folder.write("Plans/plans/RP-1.md", "---\nid: RP-1\ntitle: First plan\ndate: 2026-01-05\n---\n# First plan\n\nText.\n")
        return folder
    }

    @Test func oneTemplateInThemeOverridesOnlyThatPage() throws {
        let folder = try Self.project()
        let plain = try BuiltBinary.run(["build", "--today", "2026-11-25", "--output", "Default"], in: folder.url)
        #expect(plain.status == 0, Comment(rawValue: plain.stderr))
        try folder.write("MyTheme/templates/notfound.mustache", Self.notFound.replacingOccurrences(of: "{{>contact}}\n", with: ""))
        let result = try BuiltBinary.run(["build", "--today", "2026-11-25", "--theme", "MyTheme"], in: folder.url)
        #expect(result.status == 0, Comment(rawValue: result.stderr))
        #expect(!result.stderr.contains("theme"), Comment(rawValue: result.stderr))
        let site = folder.tree("Output"), builtIn = folder.tree("Default")
        #expect(site.keys.sorted() == builtIn.keys.sorted())
        let page = String(decoding: try #require(site["/404.html"]), as: UTF8.self)
        #expect(page.contains("<h1>This page is not in the portfolio</h1>"))
        #expect(!page.contains("There is no page at this address"))
        #expect(page.contains(#"<body class="page-notfound">"#), "the layout around it is the built-in one")
        for (path, bytes) in builtIn where path != "/404.html" {
            #expect(site[path] == bytes, "\(path) differs from the built-in theme's")
        }
    }

    /// The project's implicit `Theme/` folder likewise; a template the built-in theme lacks works as a
    /// partial, an asset it lacks is copied, its own assets stay.
    @Test func implicitThemeFolderWithExtraTemplateAndAsset() throws {
        let folder = try Self.project()
        try folder.write("Theme/templates/notfound.mustache", Self.notFound)
        try folder.write("Theme/templates/contact.mustache", "<p class=\"contact\">Ask the fairness office.</p>\n")
        try folder.write("Theme/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let result = try BuiltBinary.run(["build", "--today", "2026-11-25"], in: folder.url)
        #expect(result.status == 0, Comment(rawValue: result.stderr))
        let page = try String(contentsOf: folder.path("Output/404.html"), encoding: .utf8)
        #expect(page.contains("<h1>This page is not in the portfolio</h1>\n<p class=\"contact\">Ask the fairness office.</p>\n"))
        let logo = try String(contentsOf: folder.path("Output/assets/logo.svg"), encoding: .utf8)
        #expect(logo == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        for asset in ["style.css", "site.js", "search.js"] {
            #expect(FileManager.default.fileExists(atPath: folder.path("Output/assets/\(asset)").path), Comment(rawValue: asset))
        }
        #expect(try String(contentsOf: folder.path("Output/plans/RP-1.html"), encoding: .utf8).contains("First plan"))
    }

    @Test func aBrokenOverrideNamesItsFileAndLineAndExitsTwo() throws {
        let folder = try Self.project()
        try folder.write("Theme/templates/notfound.mustache", "{{<layout}}\n{{$main}}\n{{#items}}\n{{/main}}\n{{/layout}}\n")
        let result = try BuiltBinary.run(["build", "--today", "2026-11-25"], in: folder.url)
        #expect(result.status == 2, Comment(rawValue: result.stderr))
        #expect(result.stderr.contains("Theme/templates/notfound.mustache:4"), Comment(rawValue: result.stderr))
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output").path))
    }

    @Test func aMisspeltOverrideIsAWarning() throws {
        let folder = try Self.project()
        try folder.write("Theme/templates/not-found.mustache", Self.notFound)
        try folder.write("Theme/templates/contact.mustache", "<p>Ask.</p>\n")
        let result = try BuiltBinary.run(["build", "--today", "2026-11-25"], in: folder.url)
        #expect(result.status == 0, Comment(rawValue: result.stderr))
        #expect(result.stderr.contains("Theme/templates/not-found.mustache:1: warning: theme template 'not-found' is used by no page"),
                Comment(rawValue: result.stderr))
        #expect(!result.stderr.contains("'contact'"), "a partial the misspelt template includes is not reported too")
        let strict = try BuiltBinary.run(["build", "--today", "2026-11-25", "--strict"], in: folder.url)
        #expect(strict.status == 2, Comment(rawValue: strict.stderr))
    }
}
