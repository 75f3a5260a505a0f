import Foundation
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
        let (linked, files) = LinkedFiles.resolve(input, assets: ["investigations/evidence/chart.svg", "investigations/evidence/psi week.csv", "unused.pdf"],
                                                  svgs: ["investigations/evidence/chart.svg": .published(leftOut: [])])
        #expect(files.diagnostics.isEmpty)
        #expect(files.paths == ["investigations/evidence/chart.svg", "investigations/evidence/psi week.csv"])
        #expect(urls(linked["DIR-1"]!.body) == [
            "../files/investigations/evidence/psi%20week.csv#row=2",
            "../files/investigations/evidence/chart.svg",
            "../plans/RP-1.html#approval",
            "https://example.org/",
            "#top",
        ])
        let outputs = files.outputFiles(input: "Plans", svgCopies: ["investigations/evidence/chart.svg": Array("<svg/>".utf8)])
        #expect(outputs.map(\.path) == ["files/investigations/evidence/chart.svg", "files/investigations/evidence/psi week.csv"])
        #expect(outputs.map(\.copyFrom) == [nil, "Plans/investigations/evidence/psi week.csv"], "an SVG is its clean copy")
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

    @Test(arguments: ["evidence/report.html", "evidence/page.htm", "evidence/x.xhtml", "evidence/tool.js", "evidence/data.xml"])
    func filesABrowserWouldRunAreNotPublished(_ target: String) {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\n# Plan\n\n[report](\(target))\n")])
        let (_, files) = LinkedFiles.resolve(input, assets: ["plans/" + target])
        #expect(files.diagnostics.map(\.code) == [.unsafeLinkedFile])
        #expect(files.diagnostics.first?.line == 6)
        #expect(files.paths.isEmpty)
    }

    @Test func anSVGIsPublishedOnlyAsItsCleanCopy() {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\n# Plan\n\n![a](a.svg) [b](b.svg)\n\n[c](c.svg) [d](d.svg)\n")])
        let svgs: [String: SVGVerdict] = ["plans/a.svg": .published(leftOut: []), "plans/b.svg": .refused("it is not well-formed XML"),
                                          "plans/c.svg": .published(leftOut: ["script", "event handlers"])]
        let (_, files) = LinkedFiles.resolve(input, assets: ["plans/a.svg", "plans/b.svg", "plans/c.svg", "plans/d.svg"], svgs: svgs)
        #expect(files.paths == ["plans/a.svg", "plans/c.svg"])
        #expect(files.diagnostics.map(\.severity) == [.error, .warning, .error])
        #expect(files.diagnostics.allSatisfy { $0.code == .unsafeLinkedFile })
        #expect(files.diagnostics.map(\.line) == [6, 8, 8])
        #expect(files.diagnostics[0].message.hasSuffix("is not published: it is not well-formed XML"))
        #expect(files.diagnostics[1].message.hasSuffix("without its script and event handlers"))
        #expect(files.diagnostics[2].message.contains("d.svg"), "an SVG with no verdict is never published")
        let output = files.outputFiles(input: "Plans", svgCopies: ["plans/a.svg": Array("<svg/>".utf8), "plans/c.svg": Array("<svg/>".utf8)])
        #expect(output.map(\.path) == ["files/plans/a.svg", "files/plans/c.svg"])
        #expect(output.allSatisfy { $0.copyFrom == nil && $0.contents == Array("<svg/>".utf8) }, "the copy, never the file")
    }
}
