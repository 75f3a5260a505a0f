import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// At most `IDLinker.maximumLinksPerPage` links on a page: each repeats
/// its target's title, so past the budget a page would grow as its mentions
/// times a title, not with its text.
@Suite struct IDLinkerBudgetTests {
    static let linker = IDLinker(targets: ["DIR-1": .init(path: "investigations/DIR-1.html", title: "Drift")])

    @Test func aPageLinksAtMostTheBudgetAcrossItsRunsOfProse() {
        let page = Self.linker.page(selfID: nil, root: "../")
        let perRun = IDLinker.maximumLinksPerPage * 3 / 10
        let run = Array(repeating: "DIR-1", count: perRun).joined(separator: " ")
        let counts = (0..<5).map { _ in page.links(in: run).count }
        #expect(counts == [perRun, perRun, perRun, IDLinker.maximumLinksPerPage - 3 * perRun, 0])
        // Another page has its own budget.
        #expect(Self.linker.page(selfID: nil, root: "../").links(in: run).count == perRun)
    }

    @Test func mentionsPastTheBudgetStayText() {
        let mentions = IDLinker.maximumLinksPerPage + 500
        let markdown = Array(repeating: "DIR-1", count: mentions).joined(separator: " ")
        let html = HTMLRenderer(linker: Self.linker.page(selfID: nil, root: "../")).render(MarkdownParser.parse(markdown)).html
        #expect(html.components(separatedBy: "<a ").count - 1 == IDLinker.maximumLinksPerPage)
        #expect(html.components(separatedBy: "DIR-1").count - 1 == mentions + IDLinker.maximumLinksPerPage, "each link names DIR-1 twice")
    }
}
