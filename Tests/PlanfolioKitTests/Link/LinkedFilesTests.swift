import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

@Suite struct LinkedFilesTests {
    func portfolio(_ files: [(String, String)]) -> Portfolio {
        let documents = files.compactMap { DocumentParser.parse(SourceFile(path: $0.0, displayPath: "Plans/" + $0.0, text: $0.1)).0 }
        return Linker.link(documents).0
    }

    func urls(_ node: MarkdownNode) -> [String] {
        var out: [String] = []
        node.walk { node in
            switch node.kind {
            case .link(let url, _), .image(let url, _): out.append(url)
            default: break
            }
        }
        return out
    }

    @Test func copiesLinkedFilesAndRewritesLinks() {
        let input = portfolio([("investigations/DIR-1.md", """
            ---
            id: DIR-1
            ---
            See [the extract](evidence/psi%20week.csv#row=2) and ![chart](./evidence/chart.svg "Rates").

            Also [the plan](../plans/RP-1.md#approval), [a site](https://example.org/) and [here](#top).
            """), ("plans/RP-1.md", "---\nid: RP-1\n---\n# Plan\n")])
        let (linked, files) = LinkedFiles.resolve(input, assets: ["investigations/evidence/chart.svg", "investigations/evidence/psi week.csv", "unused.pdf"])
        #expect(files.diagnostics.isEmpty)
        #expect(files.paths == ["investigations/evidence/chart.svg", "investigations/evidence/psi week.csv"])
        #expect(urls(linked["DIR-1"]!.body) == [
            "../files/investigations/evidence/psi%20week.csv#row=2",
            "../files/investigations/evidence/chart.svg",
            "../plans/RP-1.html#approval",
            "https://example.org/",
            "#top",
        ])
        let outputs = files.outputFiles(input: "Plans")
        #expect(outputs.map(\.path) == ["files/investigations/evidence/chart.svg", "files/investigations/evidence/psi week.csv"])
        #expect(outputs.first?.copyFrom == "Plans/investigations/evidence/chart.svg")
        // An SVG stays an <img>, never inlined.
        let html = HTMLRenderer().render(linked["DIR-1"]!.body).html
        #expect(html.contains(#"<img src="../files/investigations/evidence/chart.svg" alt="chart" title="Rates">"#))
        #expect(!html.contains("<svg"))
    }

    @Test func missingFileIsAnErrorWithLine() {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\n# Plan\n\nText.\n\n![gone](missing.png)\n")])
        let (_, files) = LinkedFiles.resolve(input, assets: [])
        #expect(files.diagnostics.count == 1)
        let diagnostic = files.diagnostics.first
        #expect(diagnostic?.code == .missingLinkedFile)
        #expect(diagnostic?.file == "Plans/plans/RP-1.md")
        #expect(diagnostic?.line == 8)
        #expect(diagnostic?.severity == .error)
        #expect(files.paths.isEmpty)
    }

    @Test(arguments: ["../../etc/passwd", "../../../x.png", "/etc/passwd"])
    func linkLeavingTheInputIsAnError(target: String) {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\n[secret](\(target))\n")])
        let (_, files) = LinkedFiles.resolve(input, assets: ["etc/passwd"])
        #expect(files.diagnostics.map(\.code) == [.missingLinkedFile])
        #expect(files.diagnostics.first?.line == 4)
        #expect(files.paths.isEmpty)
    }

    @Test func linkToAMarkdownFileThatIsNoDocumentIsAnError() {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\nSee [notes](../README.md).\n")])
        let (_, files) = LinkedFiles.resolve(input, assets: [])
        #expect(files.diagnostics.count == 1)
        #expect(files.diagnostics.first?.message.contains("not a document of the portfolio") == true)
    }

    @Test func linksInCodeAreLeftAlone() {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\n`[x](missing.csv)`\n\n    [y](missing.csv)\n")])
        let (_, files) = LinkedFiles.resolve(input, assets: [])
        #expect(files.diagnostics.isEmpty)
    }

    @Test func resolvesPaths() {
        #expect(LinkedFiles.resolvePath("evidence/a.csv", from: "investigations/D.md") == "investigations/evidence/a.csv")
        #expect(LinkedFiles.resolvePath("../a.csv", from: "investigations/D.md") == "a.csv")
        #expect(LinkedFiles.resolvePath("../../a.csv", from: "investigations/D.md") == nil)
        #expect(LinkedFiles.resolvePath("./x/../b.png", from: "D.md") == "b.png")
    }
}
