import Foundation
import Testing
@testable import PlanfolioKit

/// Parsing and rendering run on every core; these prove the result does not
/// depend on it (cmark-gfm 0.29 corrupted parallel parses before
/// `MarkdownParser` registered its extensions' characters once).
@Suite struct ParallelBuildTests {
    @Test func parallelBuildOfTheN1000CorpusIsByteIdenticalToAOneThreadBuild() throws {
        let plans = 1000
        let corpus = try PerformanceFixtures.corpus(plans: plans)
        defer { try? FileManager.default.removeItem(at: corpus) }
        // gencorpus writes no strikethrough or bare URLs, the constructs the
        // race broke; give every document some, so a lost one shows in its page.
        var withRacyConstructs = try InputLoader.load(input: corpus.path)
        for index in withRacyConstructs.files.indices {
            withRacyConstructs.files[index].text += "\n\nNote \(index): ~~draft~~ final, see www.example.org/d\(index) and https://example.org/n\(index).\n"
        }
        let loaded = withRacyConstructs
        // N plans, N/2 investigations, N/2 assessments.
        let documents = 2 * plans
        #expect(loaded.files.count == documents)
        let theme = try ThemeFiles.load(from: PerformanceFixtures.themePath)

        var serial = BuildOptions(today: PerformanceFixtures.today)
        serial.threads = 1
        var parallel = serial
        parallel.threads = max(2, ProcessInfo.processInfo.activeProcessorCount)

        let one = Build.site(from: loaded, theme: theme, themePath: PerformanceFixtures.themePath, options: serial)
        let many = Build.site(from: loaded, theme: theme, themePath: PerformanceFixtures.themePath, options: parallel)
        #expect(!one.report.hasErrors)
        #expect(one.report.diagnostics == many.report.diagnostics)
        #expect(one.files.count == many.files.count)
        #expect(one.files.count > documents)
        let differing = zip(one.files, many.files).filter { $0.0 != $0.1 }.map { $0.0.path }
        #expect(differing.isEmpty, "pages that differ between one thread and many: \(differing.prefix(5))")
        // Every document page of the parallel build has its strikethrough and both autolinks.
        let pages = many.files.filter { $0.path.hasPrefix("plans/") || $0.path.hasPrefix("investigations/") || $0.path.hasPrefix("assessments/") }
            .map { String(decoding: $0.contents, as: UTF8.self) }
        #expect(pages.count == documents)
        let complete = pages.count(where: { $0.contains("<del>draft</del>") && $0.contains("href=\"http://www.example.org/d") && $0.contains("href=\"https://example.org/n") })
        #expect(complete == documents)
    }

    @Test func threadsOptionOfOneStillBuilds() {
        var options = BuildOptions(today: PerformanceFixtures.today)
        options.threads = 1
        let loaded = LoadedInput(files: [
            SourceFile(path: "plans/a.md", text: "---\nid: RP-1\ntitle: A\n---\n# A\n\n~~gone~~ www.example.org\n"),
            SourceFile(path: "plans/b.md", text: "---\nid: RP-2\ntitle: B\n---\n# B\n"),
        ])
        let theme = try? ThemeFiles.load(from: PerformanceFixtures.themePath)
        #expect(theme != nil)
        guard let theme else { return }
        let built = Build.site(from: loaded, theme: theme, themePath: PerformanceFixtures.themePath, options: options)
        let page = built.files.first { $0.path == "plans/RP-1.html" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        #expect(page.contains("<del>gone</del>"))
        #expect(page.contains("href=\"http://www.example.org\""))
    }
}
