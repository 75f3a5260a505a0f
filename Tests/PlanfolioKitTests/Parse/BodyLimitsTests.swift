import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// What a body asks for beyond what the site builds or loads is a diagnostic
/// at its line: tables over the budget, nesting too deep, images on other
/// sites, protocol-relative ones included.
@Suite struct BodyLimitsTests {
    func parse(_ body: String) -> (Document?, [Diagnostic]) {
        let text = "---\nid: DIR-1\ntitle: T\n---\n\n" + body
        return DocumentParser.parse(SourceFile(path: "investigations/DIR-1.md", text: text))
    }

    @Test func aTooWideTableIsAnErrorAtItsDelimiterRow() {
        let columns = TableBudget.maximumColumns + 1
        let table = "|" + String(repeating: "h|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
        let (document, diagnostics) = parse("Intro\n\n" + table)
        #expect(diagnostics.map(\.code) == [.tableTooLarge])
        #expect(diagnostics.first?.line == 9)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("\(columns) columns") == true)
        #expect(document?.body.children.contains { if case .table = $0.kind { true } else { false } } == false)
    }

    @Test func tablesPastTheCellBudgetAreOneError() {
        let table = "|" + String(repeating: "h|", count: 100) + "\n|" + String(repeating: "-|", count: 100) + "\n"
            + String(repeating: "r\n", count: 1_000) + "\n"
        let (_, diagnostics) = parse(String(repeating: table, count: 3))
        #expect(diagnostics.map(\.code) == [.tableTooLarge])
        #expect(diagnostics.first?.message.contains("1 more table") == true)
    }

    @Test func deepNestingIsAnErrorAtItsLine() {
        let (_, diagnostics) = parse("Intro\n\n" + String(repeating: "> ", count: 5_000) + "deep\n")
        #expect(diagnostics.map(\.code) == [.nestingTooDeep])
        #expect(diagnostics.first?.line == 8)
    }

    @Test func protocolRelativeImagesAreRemoteImages() {
        let (_, diagnostics) = parse("![i](//evil.example/x.png)\n")
        #expect(diagnostics.map(\.code) == [.remoteImage])
    }

    @Test func protocolRelativeLinksAreOutsideLinksLikeHTTPS() {
        #expect(parse("[l](//evil.example/x)\n").1.isEmpty)
        #expect(parse("[l](https://evil.example/x)\n").1.isEmpty)
    }
}

extension BodyLimitsTests {
    @Test(arguments: ["![i](data:image/png;base64,AAAA)", "![i](javascript:alert(1))", "![i](#x)", "![i]()", "![i](mailto:a@b.c)"])
    func imagesTheSiteCannotShowAreWarnings(_ markdown: String) {
        let (_, diagnostics) = parse(markdown + "\n")
        #expect(diagnostics.map(\.code) == [.invalidValue])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func imagesBesideTheDocumentNeedNoWarningHere() {
        // Whether the file exists is the Link stage's question (LinkedFiles).
        #expect(parse("![i](evidence/chart.png)\n").1.isEmpty)
        #expect(parse("![i](/abs/chart.png)\n").1.isEmpty)
    }
}
