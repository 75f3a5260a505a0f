import Foundation
import Testing
@testable import PlanfolioCLI
import PlanfolioKit

@Suite struct ThemeExportTests {
    func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("theme-export-\(UUID().uuidString)").path
    }

    @Test func exportsTheBuiltInThemeIntoANewFolder() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var command = try PlanfolioCommand.parseAsRoot(["theme", "export", folder])
        try command.run()
        let layout = try String(contentsOfFile: folder + "/templates/layout.mustache", encoding: .utf8)
        #expect(layout == ThemeFiles.builtIn.templates["layout"]?.text)
        #expect(FileManager.default.fileExists(atPath: folder + "/assets/style.css"))
        // What was exported loads back as the same theme.
        let reloaded = try ThemeFiles.load(from: folder)
        #expect(reloaded.templates.keys.sorted() == ThemeFiles.builtIn.templates.keys.sorted())
        #expect(reloaded.assets == ThemeFiles.builtIn.assets)
    }

    @Test func refusesANonEmptyFolder() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: PlanfolioError.self) { try ThemeExporter.export(ThemeFiles.builtIn, to: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
    }
}
