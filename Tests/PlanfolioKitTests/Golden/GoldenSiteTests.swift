import Foundation
import Testing
@testable import PlanfolioKit

/// Builds the sample portfolio and compares every file with the checked-in
/// site under `Tests/Fixtures/sample/expected/`.
///
/// To accept a change on purpose, run with `PLANFOLIO_RECORD=1`: the expected
/// files are rewritten and the test fails, so the re-recording is always a
/// visible change to review and commit, never a silent pass.
@Suite struct GoldenSiteTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let expectedFolder = packageRoot.appendingPathComponent("Tests/Fixtures/sample/expected")

    /// Theme assets are compared by the theme's own tests, not here; `files/`
    /// are copies of the input's evidence files, made by the Write stage.
    static func isCompared(_ path: String) -> Bool { !path.hasPrefix("assets/") && !path.hasPrefix("files/") }

    @Test func samplePortfolioMatchesExpectedSite() throws {
        let root = Self.packageRoot
        let loaded = try InputLoader.load(input: root.appendingPathComponent("Plans").path)
        let theme = try ThemeFiles.load(from: root.appendingPathComponent("Theme").path)
        var options = BuildOptions(today: Day("2026-11-25")!)
        options.write = false
        let (report, files) = Build.site(from: loaded, theme: theme, options: options)
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let built = Dictionary(uniqueKeysWithValues: files.filter { Self.isCompared($0.path) }.map { ($0.path, Data($0.contents)) })

        if ProcessInfo.processInfo.environment["PLANFOLIO_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: Self.expectedFolder)
            for (path, data) in built {
                let url = Self.expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            Issue.record("recorded \(built.count) expected files; review and commit them, then run again without PLANFOLIO_RECORD")
            return
        }

        var expected: [String: Data] = [:]
        let base = Self.expectedFolder.path
        if let enumerator = FileManager.default.enumerator(atPath: base) {
            for case let path as String in enumerator {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
                if !isDirectory.boolValue { expected[path] = FileManager.default.contents(atPath: base + "/" + path) }
            }
        }
        #expect(!expected.isEmpty, "no expected files: record them with PLANFOLIO_RECORD=1")
        #expect(built.keys.sorted() == expected.keys.sorted(), "the set of written files changed")
        for (path, data) in built.sorted(by: { $0.key < $1.key }) {
            guard let want = expected[path] else { continue }
            if data != want {
                Issue.record("\(path) differs from the expected file: \(firstDifference(String(decoding: data, as: UTF8.self), String(decoding: want, as: UTF8.self)))")
            }
        }
    }

    func firstDifference(_ got: String, _ want: String) -> String {
        let a = got.split(separator: "\n", omittingEmptySubsequences: false)
        let b = want.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? String(a[index]) : "<end>"
            let y = index < b.count ? String(b[index]) : "<end>"
            if x != y { return "line \(index + 1):\n  got:  \(x.prefix(200))\n  want: \(y.prefix(200))" }
        }
        return "same lines, different bytes"
    }
}
