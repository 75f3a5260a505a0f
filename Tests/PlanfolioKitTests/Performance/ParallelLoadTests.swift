import Foundation
import Testing
@testable import PlanfolioKit

/// `InputLoader` reads files on all cores; results must come back in path order with the same diagnostics.
@Suite struct ParallelLoadTests {
    @Test func filesDiagnosticsAndAssetsKeepTheirOrder() throws {
        let root = try PerformanceFixtures.temporaryFolder("load")
        defer { try? FileManager.default.removeItem(at: root) }
        var documents: [String: String] = ["README.md": "# notes\n", "plans/README.md": "skip\n", "plans/evidence.csv": "a,b\n"]
        for index in (0..<300).reversed() {
            documents["plans/RP-\(String(format: "%03d", index)).md"] = "---\nid: RP-\(index)\n---\n# \(index)\n"
        }
        try PerformanceFixtures.write(documents, under: root)
        try Data([0x2D, 0x2D, 0xFF, 0xFE]).write(to: root.appendingPathComponent("plans/RP-bad.md"))

        let loaded = try InputLoader.load(input: root.path)
        #expect(loaded.files.map(\.path) == (0..<300).map { "plans/RP-\(String(format: "%03d", $0)).md" })
        #expect(loaded.files.first?.text == "---\nid: RP-0\n---\n# 0\n")
        #expect(loaded.assets == ["plans/evidence.csv"])
        #expect(loaded.diagnostics.map(\.code) == [.unreadableFile])
        #expect(loaded.diagnostics.first?.file.hasSuffix("plans/RP-bad.md") == true)
        #expect(loaded.diagnostics.first?.message == "file is not valid UTF-8")
    }
}
