import Foundation
import Testing
@testable import PlanfolioMarkdown

/// cmark-gfm's own spec suite (`test/spec.txt` and `test/extensions.txt`,
/// vendored unchanged in `Tests/Fixtures/cmark-gfm-spec/`) run through
/// planfolio's writer: every example is parsed as a document body is
/// (`MarkdownParser`, GitHub's extensions) and written by `HTMLRenderer`,
/// both sides are normalised as cmark's `normalize.py` does, and they must be
/// equal, but for the differences by design that `deviations.txt` lists.
@Suite struct CmarkGFMSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cmark-gfm-spec")
    static let files = ["spec.txt", "extensions.txt"]

    static func text(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    static let examples: [SpecExample] = files.flatMap { SpecExample.examples(in: text($0), file: $0) }
    static let deviations = SpecDeviations(text("deviations.txt"))

    static func render(_ example: SpecExample) -> String {
        HTMLRenderer().render(MarkdownParser.parse(example.markdown)).html
    }

    @Test(arguments: examples)
    func exampleMatchesCmarkGFMButForItsListedDeviations(_ example: SpecExample) {
        let categories = Self.deviations.categories(of: example)
        let actual = SpecHTMLNormalizer.normalize(Self.render(example))
        // cmark's runner passes an example whose HTML is `<IGNORE>` (it only must not crash).
        guard example.html.trimmingCharacters(in: .whitespacesAndNewlines) != "<IGNORE>" else {
            #expect(categories.isEmpty)
            return
        }
        let expected = SpecHTMLNormalizer.normalize(example.html)
        let exempt = categories.filter { Self.deviations.categories[$0]?.exempt == true }
        guard exempt.isEmpty else {
            #expect(actual != expected, "listed as \(exempt), but matches cmark-gfm")
            return
        }
        let compared = SpecDeviations.apply(categories, actual: actual, expected: expected)
        #expect(compared.actual == compared.expected, """
            \(example.markdown.debugDescription)
            cmark-gfm: \(compared.expected)
            planfolio: \(compared.actual)
            """)
        for category in categories {
            let without = SpecDeviations.apply(categories.filter { $0 != category }, actual: actual, expected: expected)
            #expect(without.actual != without.expected, "\(category) is listed but not needed")
        }
    }

    /// Whatever the example, planfolio writes only its own markup: the tags
    /// and attributes its writer has, and links a browser will not run.
    @Test(arguments: examples)
    func outputIsOnlyPlanfoliosOwnMarkup(_ example: SpecExample) {
        let html = SpecHTMLNormalizer.normalize(Self.render(example))
        let tags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "del", "code", "pre",
                                 "ul", "ol", "li", "blockquote", "hr", "br", "div", "table", "thead", "tbody", "tr", "th", "td", "span"]
        let attributes: Set<String> = ["href", "src", "alt", "title", "rel", "class", "id", "start", "role", "aria-label"]
        let tag = try! NSRegularExpression(pattern: #"<(/?)([a-z0-9-]+)((?: [a-z-]+(?:="[^"]*")?)*)>|<[!?]"#)
        let attribute = try! NSRegularExpression(pattern: #" ([a-z-]+)(?:="([^"]*)")?"#)
        for match in tag.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let whole = String(html[Range(match.range, in: html)!])
            guard let nameRange = Range(match.range(at: 2), in: html) else {
                Issue.record("comment or declaration written: \(whole)")
                continue
            }
            #expect(tags.contains(String(html[nameRange])), "tag written: \(whole)")
            guard let attributesRange = Range(match.range(at: 3), in: html) else { continue }
            let list = String(html[attributesRange])
            for found in attribute.matches(in: list, range: NSRange(list.startIndex..., in: list)) {
                let name = String(list[Range(found.range(at: 1), in: list)!])
                #expect(attributes.contains(name), "attribute written: \(whole)")
                if name == "href" || name == "src", let valueRange = Range(found.range(at: 2), in: list) {
                    #expect(URLSafety.isSafe(String(list[valueRange])), "unsafe URL written: \(whole)")
                }
            }
        }
    }

    /// Every example of both files is read (the runner's count of example
    /// fences, less the `disabled` ones), and the deviations file only names
    /// examples and categories that exist, each category explained once and used.
    @Test func suiteIsReadWholeAndDeviationsNameWhatExists() {
        for file in Self.files {
            let fences = Self.text(file).split(separator: "\n").filter {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix(SpecExample.fence + " example")
            }
            let disabled = fences.filter { $0.split(separator: " ").contains("disabled") }.count
            #expect(!fences.isEmpty, "\(file) is missing from \(Self.folder.path)")
            #expect(Self.examples.filter { $0.file == file }.count == fences.count - disabled)
        }
        let deviations = Self.deviations
        #expect(deviations.problems.isEmpty)
        let used = Set(deviations.byExample.values.flatMap { $0.values.joined() })
        #expect(used == Set(deviations.categories.keys))
        for (file, numbers) in deviations.byExample {
            let known = Set(Self.examples.filter { $0.file == file }.map(\.number))
            #expect(Set(numbers.keys).isSubset(of: known), "\(file): \(Set(numbers.keys).subtracting(known).sorted())")
        }
    }
}
