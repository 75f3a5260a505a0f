import Foundation
import Testing
@testable import PlanfolioKit

/// `PreviewBuilder` on a copy of the sample portfolio: what each rebuild
/// says changed is what changed in the site folder, and the diagnostics
/// land on the page of the document they belong to.
@Suite struct PreviewBuilderTests {
    static let today = Day("2026-11-25")!
    static let plan = "plans/RP-2026-002.md"
    static let planPage = "plans/RP-2026-002.html"
    static let sentence = "with Dana Ortiz as decision maker."

    struct Sandbox {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-preview-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Plans"), to: input)
        }

        var input: URL { root.appendingPathComponent("Plans") }
        var site: URL { root.appendingPathComponent(".Output.planfolio-serve/site") }
        var planDisplayPath: String { input.path + "/" + PreviewBuilderTests.plan }

        func builder() -> PreviewBuilder {
            var options = BuildOptions(today: PreviewBuilderTests.today)
            options.input = input.path
            options.output = site.path
            options.theme = TestPaths.packageRoot.appendingPathComponent("Theme").path
            // No git repository here: its warning is not what these tests are about.
            options.history.enabled = false
            return PreviewBuilder(options: options)
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let url = input.appendingPathComponent(relative)
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }

        func siteFiles() -> [String: Data] {
            var files: [String: Data] = [:]
            let base = site.resolvingSymlinksInPath().path
            for case let url as URL in FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil) ?? .init() {
                let path = url.resolvingSymlinksInPath().path
                if let data = FileManager.default.contents(atPath: path), (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    files[String(path.dropFirst(base.count + 1))] = data
                }
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func theFirstBuildChangesEveryFileAndKnowsEveryPage() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = sandbox.builder().rebuild()
        let report = try #require(result.report)
        #expect(!report.hasErrors)
        #expect(result.changedPaths == Set(sandbox.siteFiles().keys))
        #expect(report.pages[sandbox.planDisplayPath] == Self.planPage)
        #expect(report.pages.count == report.documentsRead)
        // The sample's one warning is on its document's page, none is left over.
        for (page, diagnostics) in result.diagnosticsByPage {
            #expect(diagnostics.allSatisfy { report.pages[$0.file] == page })
        }
        #expect(result.unplacedDiagnostics.isEmpty)
    }

    @Test func aProseEditChangesItsPageAndNoOtherPage() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let builder = sandbox.builder()
        _ = builder.rebuild()
        let before = sandbox.siteFiles()
        try sandbox.edit(Self.plan) { $0.replacingOccurrences(of: Self.sentence, with: "with Dana Ortiz deciding.") }
        let result = builder.rebuild()
        let after = sandbox.siteFiles()
        let differing = Set(after.keys.filter { before[$0] != after[$0] }).union(before.keys.filter { after[$0] == nil })
        #expect(result.changedPaths.contains(Self.planPage))
        #expect(result.changedPaths == differing)
        #expect(!result.changedPaths.contains("plans/RP-2026-006.html"))
    }

    @Test func anErrorKeepsTheSiteAndLandsOnItsPageUntilFixed() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let builder = sandbox.builder()
        _ = builder.rebuild()
        let good = sandbox.siteFiles()
        let original = try String(contentsOf: sandbox.input.appendingPathComponent(Self.plan), encoding: .utf8)
        // An id that is not valid: the document no longer links, but its last page is known.
        try sandbox.edit(Self.plan) { $0.replacingOccurrences(of: "id: RP-2026-002", with: "id: RP 2026 002") }
        let broken = builder.rebuild()
        #expect(broken.report?.hasErrors == true)
        #expect(broken.changedPaths.isEmpty)
        #expect(sandbox.siteFiles() == good)
        let onPage = try #require(broken.diagnosticsByPage[Self.planPage])
        #expect(onPage.contains { $0.severity == .error })
        #expect(onPage.allSatisfy { $0.file == sandbox.planDisplayPath })

        try Data(original.utf8).write(to: sandbox.input.appendingPathComponent(Self.plan))
        let fixed = builder.rebuild()
        #expect(fixed.report?.hasErrors == false)
        #expect(fixed.diagnosticsByPage[Self.planPage, default: []].allSatisfy { $0.severity == .warning })
    }

    @Test func aMissingInputFolderIsAFailureAndTheSiteStays() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let builder = sandbox.builder()
        _ = builder.rebuild()
        let good = sandbox.siteFiles()
        try FileManager.default.removeItem(at: sandbox.input)
        let result = builder.rebuild()
        #expect(result.report == nil)
        #expect(result.failure != nil)
        #expect(result.changedPaths.isEmpty)
        #expect(sandbox.siteFiles() == good)
    }

    /// A second preview of an unchanged portfolio continues the session the
    /// first one kept, whose report names no pages; the builder still places
    /// every diagnostic.
    @Test func aPreviewContinuingAKeptSessionStillKnowsThePages() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        func preview() -> PreviewResult {
            let builder = sandbox.builder()
            defer { builder.keep() }
            return builder.rebuild()
        }
        _ = preview()
        try sandbox.edit(Self.plan) { $0.replacingOccurrences(of: "id: RP-2026-002", with: "id: RP 2026 002") }
        _ = preview()
        try sandbox.edit(Self.plan) { $0.replacingOccurrences(of: "id: RP 2026 002", with: "id: RP-2026-002") }
        _ = preview()
        let again = preview()
        #expect(again.report?.mode == .unchanged)
        #expect(again.changedPaths.isEmpty)
        let warnings = try #require(again.report?.diagnostics)
        #expect(!warnings.isEmpty)
        #expect(again.unplacedDiagnostics.isEmpty)
    }
}
