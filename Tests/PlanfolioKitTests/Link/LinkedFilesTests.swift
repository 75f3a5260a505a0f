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

    @Test(arguments: ["evidence/report.html", "evidence/page.htm", "evidence/x.xhtml", "evidence/tool.js", "evidence/data.xml"])
    func filesABrowserWouldRunAreNotPublished(_ target: String) {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\n# Plan\n\n[report](\(target))\n")])
        let (_, files) = LinkedFiles.resolve(input, assets: ["plans/" + target])
        #expect(files.diagnostics.map(\.code) == [.unsafeLinkedFile])
        #expect(files.diagnostics.first?.line == 6)
        #expect(files.paths.isEmpty)
    }

    @Test func activeSVGIsNotPublishedButAnInertOneIs() {
        let input = portfolio([("plans/RP-1.md", "---\nid: RP-1\n---\n# Plan\n\n![a](a.svg) [b](b.svg)\n")])
        let (_, files) = LinkedFiles.resolve(input, assets: ["plans/a.svg", "plans/b.svg"], activeAssets: ["plans/b.svg"])
        #expect(files.diagnostics.map(\.code) == [.unsafeLinkedFile])
        #expect(files.paths == ["plans/a.svg"])
    }
}

@Suite struct ActiveContentTests {
    @Test(arguments: [
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        "<svg><rect onload=\"alert(1)\"/></svg>",
        "<svg><rect\nONCLICK = 'x'/></svg>",
        "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><foreignObject><div>x</div></foreignObject></svg>",
        "<svg><image href=\"https://tracker.example/p.png\"/></svg>",
        "<svg><style>@import url(//evil.example/x.css);</style></svg>",
        "<?xml-stylesheet href='x.xsl'?><svg/>",
    ])
    func activeSVGs(_ text: String) {
        #expect(ActiveContent.svgIsActive(Array(text.utf8)))
    }

    @Test func inertSVG() {
        let text = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>Approval rates</title><rect width=\"10\" height=\"20\" fill=\"#336\"/><text x=\"1\">women: 0.74</text></svg>"
        #expect(!ActiveContent.svgIsActive(Array(text.utf8)))
    }

    @Test func theSampleEvidenceSVGIsInert() throws {
        let url = GoldenSiteTests.packageRoot.appendingPathComponent("Plans/investigations/evidence/DIR-2026-004-approval-rates.svg")
        let data = try Data(contentsOf: url)
        #expect(!ActiveContent.svgIsActive(Array(data)))
    }
}
