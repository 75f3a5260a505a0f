@testable import PlanfolioKit
import Testing
@testable import PlanfolioServe

@Suite struct PreviewStateTests {
    /// The events queued on a stream so far (the stream is ended first, so reading never waits).
    func events(_ stream: AsyncStream<[UInt8]>, closing state: PreviewState) async -> [String] {
        state.close()
        var text = ""
        for await chunk in stream { text += String(decoding: chunk, as: UTF8.self) }
        return text.components(separatedBy: "\n\n").compactMap { block in
            block.split(separator: "\n").first(where: { $0.hasPrefix("event: ") }).map { String($0.dropFirst(7)) }
        }
    }

    static let error = Diagnostic.error(.invalidDate, "bad date", file: "Plans/plans/RP-1.md", line: 6)

    @Test func onlyThePagesARebuildChangedReload() async {
        let state = PreviewState()
        state.publish(PreviewResult(report: nil))
        let changed = state.listen(page: "plans/RP-1.html", since: 1)
        let unchanged = state.listen(page: "plans/RP-2.html", since: 1)
        var result = PreviewResult(report: nil)
        result.changedPaths = ["plans/RP-1.html", "search-index.js"]
        let published = state.publish(result)
        #expect(published.reloaded == 1)
        #expect(await events(changed, closing: state) == ["hello", "reload"])
        #expect(await events(unchanged, closing: state) == ["hello"])
    }

    @Test func aBannerThatComesOrGoesReloadsItsPageAndTheDashboard() async throws {
        let state = PreviewState()
        state.publish(PreviewResult(report: nil))
        let page = state.listen(page: "plans/RP-1.html", since: 1)
        let dashboard = state.listen(page: "index.html", since: 1)
        let other = state.listen(page: "plans/RP-2.html", since: 1)
        var broken = PreviewResult(report: BuildReport(diagnostics: [Self.error], documentsRead: 1, pagesWritten: 0, wrote: false))
        broken.diagnosticsByPage = ["plans/RP-1.html": [Self.error]]
        state.publish(broken)
        let banner = try #require(state.page("plans/RP-1.html").banner)
        #expect(banner.diagnostics == [Self.error])
        #expect(state.page("plans/RP-2.html").banner == nil)
        #expect(state.page("index.html").banner?.diagnostics == [Self.error])
        state.publish(PreviewResult(report: BuildReport(diagnostics: [], documentsRead: 1, pagesWritten: 1, wrote: true)))
        #expect(state.page("plans/RP-1.html").banner == nil)
        #expect(await events(page, closing: state) == ["hello", "reload", "reload"])
        #expect(await events(dashboard, closing: state) == ["hello", "reload", "reload"])
        #expect(await events(other, closing: state) == ["hello"])
    }

    @Test func aChangedAssetReloadsEveryPageAndTheSearchIndexTheSearchPage() async {
        let state = PreviewState()
        state.publish(PreviewResult(report: nil))
        let page = state.listen(page: "plans/RP-2.html", since: 1)
        let search = state.listen(page: "search.html", since: 1)
        var index = PreviewResult(report: nil)
        index.changedPaths = [SearchIndex.fileName]
        #expect(state.publish(index).reloaded == 1)
        var style = PreviewResult(report: nil)
        style.changedPaths = ["assets/style.css"]
        #expect(state.publish(style).everything)
        #expect(await events(page, closing: state) == ["hello", "reload"])
        #expect(await events(search, closing: state) == ["hello", "reload", "reload"])
    }

    @Test func aFailureIsOnEveryPageAndReloadsThemAll() async {
        let state = PreviewState()
        state.publish(PreviewResult(report: nil))
        let page = state.listen(page: "plans/RP-2.html", since: 1)
        state.publish(PreviewResult(failure: PlanfolioError("input folder 'Plans' does not exist")))
        #expect(state.page("plans/RP-2.html").banner?.failure == "input folder 'Plans' does not exist")
        #expect(state.page("no/such/page.html").banner?.failure != nil)
        #expect(await events(page, closing: state) == ["hello", "reload"])
    }

    @Test func aPageServedBeforeARebuildThatChangedItReloadsWhenItConnects() async {
        let state = PreviewState()
        state.publish(PreviewResult(report: nil))
        let servedAt = state.page("plans/RP-1.html").generation
        var result = PreviewResult(report: nil)
        result.changedPaths = ["plans/RP-1.html"]
        state.publish(result)
        let late = state.listen(page: "plans/RP-1.html", since: servedAt)
        let current = state.listen(page: "plans/RP-1.html", since: servedAt + 1)
        let fromAnotherServer = state.listen(page: "plans/RP-3.html", since: servedAt + 100)
        #expect(await events(late, closing: state) == ["hello", "reload"])
        #expect(await events(current, closing: state) == ["hello"])
        #expect(await events(fromAnotherServer, closing: state) == ["hello", "reload"])
    }

    @Test func closedStreamsAreForgotten() async {
        let state = PreviewState()
        let stream = state.listen(page: "index.html", since: 0)
        #expect(state.listening == 1)
        state.close()
        for await _ in stream {}
        #expect(state.listening == 0)
        let after = state.listen(page: "index.html", since: 0)
        for await _ in after {}
        #expect(state.listening == 0)
    }
}
