import Foundation
import Testing
@testable import PlanfolioKit

/// A heading can never give a page a second element with one of its ids:
/// a document whose headings are named after every id its page has still
/// has each id once.
@Suite struct PageIDTests {
    static func ids(in html: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: #" id="([^"]*)""#)
        return expression.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    static func page(_ body: String, path: String) throws -> String {
        var options = BuildOptions(today: PerformanceFixtures.today)
        options.threads = 1
        let theme = try ThemeFiles.load(from: PerformanceFixtures.themePath)
        let plan = "---\nid: RP-1\ntitle: P\nsystem: S\n---\n\n# P\n\n## Implementation Plan\n\n" + body
        let loaded = LoadedInput(files: [SourceFile(path: path, text: plan)])
        let built = Build.site(from: loaded, theme: theme, themePath: PerformanceFixtures.themePath, options: options)
        let file = try #require(built.files.first { $0.path == "plans/RP-1.html" })
        return String(decoding: file.contents, as: UTF8.self)
    }

    @Test func headingsNamedAfterThePagesIDsDoNotRepeatThem() throws {
        let first = try Self.page("Text.\n", path: "plans/RP-1.md")
        let pageIDs = Self.ids(in: first)
        #expect(pageIDs.contains("pf-main"))
        let headings = pageIDs.map { "## " + $0.replacingOccurrences(of: "-", with: " ") + "\n\n### " + $0 + "\n" }.joined(separator: "\n")
        let second = try Self.page(headings, path: "plans/RP-1.md")
        let ids = Self.ids(in: second)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "ids on the page more than once: \(repeated)")
        #expect(ids.count >= pageIDs.count + 2 * pageIDs.count)
    }
}
