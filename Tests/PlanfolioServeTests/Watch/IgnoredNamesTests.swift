import Testing
@testable import PlanfolioServe

@Suite struct IgnoredNamesTests {
    @Test(arguments: [".RP-1.md.swp", ".RP-1.md.swx", "RP-1.md~", "4913", "5036", ".#RP-1.md", "#RP-1.md#",
                      ".goutputstream-ABC", "RP-1.md___jb_tmp___", "RP-1.md___jb_old___", "notes.swp", ""])
    func editorFilesAreIgnored(name: String) {
        #expect(IgnoredNames.isIgnored(name))
    }

    @Test(arguments: ["RP-1.md", "plans", "evidence.png", "RP-2026-014.markdown", "planfolio.yml", "#", "2026-report.md"])
    func documentsAndFoldersAreNot(name: String) {
        #expect(!IgnoredNames.isIgnored(name))
    }
}
