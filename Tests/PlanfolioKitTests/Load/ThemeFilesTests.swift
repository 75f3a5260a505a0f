import Foundation
import Testing
@testable import PlanfolioKit

/// A theme folder holds only what it overrides; `resolve` lays it over the built-in theme file by file.
@Suite struct ThemeFilesTests {
    /// A theme folder holding `files` (path under the folder to bytes), removed by the caller.
    static func themeFolder(_ files: [String: [UInt8]]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("theme-files-\(UUID().uuidString)")
        for (relative, bytes) in files {
            let file = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.path
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    @Test func loadReadsOnlyWhatTheFolderHolds() throws {
        let folder = try Self.themeFolder(["templates/notfound.mustache": Array("mine\n".utf8), "assets/logo.png": Self.png])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try ThemeFiles.load(from: folder)
        #expect(files.templates.keys.sorted() == ["notfound"])
        #expect(files.templates["notfound"]?.displayPath == folder + "/templates/notfound.mustache")
        #expect(files.templates["notfound"]?.isBuiltIn == false)
        #expect(files.assets == ["logo.png": Self.png])
        #expect(files.misplacedTemplates.isEmpty)
    }

    @Test func resolveLaysTheFolderOverTheBuiltInThemeFileByFile() throws {
        let folder = try Self.themeFolder(["templates/notfound.mustache": Array("mine\n".utf8),
                                           "templates/contact.mustache": Array("write to us\n".utf8),
                                           "assets/logo.png": Self.png, "assets/style.css": Array("body{}".utf8)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (files, path) = try ThemeFiles.resolve(folder)
        let builtIn = ThemeFiles.builtIn
        #expect(path == folder)
        // Templates: the folder's two, and every other one the built-in theme's, untouched.
        #expect(files.templates.keys.sorted() == (Array(builtIn.templates.keys) + ["contact"]).sorted())
        #expect(files.templates["notfound"]?.text == "mine\n")
        #expect(files.templates["contact"]?.displayPath == folder + "/templates/contact.mustache")
        for (name, template) in builtIn.templates where name != "notfound" {
            #expect(files.templates[name] == template, "\(name)")
            #expect(template.isBuiltIn)
        }
        // Assets likewise: style.css replaced, logo.png added, the rest built in.
        #expect(files.assets.keys.sorted() == (Array(builtIn.assets.keys) + ["logo.png"]).sorted())
        #expect(files.assets["style.css"] == Array("body{}".utf8))
        #expect(files.assets["logo.png"] == Self.png)
        for (asset, bytes) in builtIn.assets where asset != "style.css" { #expect(files.assets[asset] == bytes, "\(asset)") }
    }

    @Test func anEmptyThemeFolderIsTheBuiltInTheme() throws {
        let folder = try Self.themeFolder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (files, _) = try ThemeFiles.resolve(folder)
        #expect(files.templates == ThemeFiles.builtIn.templates)
        #expect(files.assets == ThemeFiles.builtIn.assets)
        #expect(throws: PlanfolioError.self) { try ThemeFiles.resolve(folder + "/missing") }
    }

    @Test func templatesOutsideTemplatesAreNotedNotRead() throws {
        let folder = try Self.themeFolder(["notfound.mustache": Array("a".utf8), "templates/partials/x.mustache": Array("b".utf8),
                                           "assets/kept.mustache": Array("c".utf8), ".git/y.mustache": Array("d".utf8),
                                           "templates/ok.mustache": Array("e".utf8)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try ThemeFiles.load(from: folder)
        #expect(files.templates.keys.sorted() == ["ok"])
        #expect(files.misplacedTemplates == [folder + "/notfound.mustache", folder + "/templates/partials/x.mustache"])
        #expect(files.assets["kept.mustache"] == Array("c".utf8))
    }
}
