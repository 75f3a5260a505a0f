import Foundation
import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// No document can overflow a thread's stack: the Markdown tree is never
/// deeper than `MarkdownParser.maximumDepth`, deeper input is an error at its
/// line, and a tree at the limit goes through every stage (parse, link,
/// compute, render) on a thread of 512 KiB, the stack of a dispatch worker
/// thread on macOS and of a small one on Linux.
@Suite struct DeepNestingTests {
    /// A way to nest deeply, and the text nested `levels` times.
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var text: @Sendable (Int) -> String
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "lists") { String(repeating: "- ", count: $0) + "item\n" },
        Shape(name: "ordered lists") { String(repeating: "1. ", count: $0) + "item\n" },
        Shape(name: "block quotes") { String(repeating: "> ", count: $0) + "quote\n" },
        Shape(name: "emphasis") { String(repeating: "*", count: $0) + "word" + String(repeating: "*", count: $0) + "\n" },
        Shape(name: "strong and emphasis, spaced") { String(repeating: "*a ", count: $0) + "b" + String(repeating: " a*", count: $0) + "\n" },
        Shape(name: "strikethrough") { String(repeating: "~~a ", count: $0) + "b" + String(repeating: " a~~", count: $0) + "\n" },
        Shape(name: "links in emphasis") { String(repeating: "_[a ", count: $0) + "b" + String(repeating: "](#u)_", count: $0) + "\n" },
        Shape(name: "quotes in lists") { String(repeating: "- > ", count: $0) + "mixed **[PF-1](#x)** ~~c~~\n" },
    ]

    static func document(_ body: String) -> String {
        "---\nid: RP-DEEP\ntitle: Deep\nsystem: S\n---\n\n# Deep\n\n" + body
    }

    /// The most levels of `shape` that parse without a problem.
    static func deepestAllowed(_ shape: Shape) -> Int {
        var low = 0
        var high = MarkdownParser.maximumDepth * 4
        while low < high {
            let middle = (low + high + 1) / 2
            if MarkdownParser.parseReportingProblems(shape.text(middle)).problems.isEmpty {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }

    /// Runs `body` on a thread with a stack of `bytes`, and waits for it.
    static func onStack<T: Sendable>(of bytes: Int, _ body: @escaping @Sendable () -> T) -> T? {
        let result = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.value = body()
            done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        return result.value
    }

    static func build(_ text: String) -> (report: BuildReport, files: [OutputFile])? {
        var options = BuildOptions(today: PerformanceFixtures.today)
        options.threads = 1
        guard let theme = try? ThemeFiles.load(from: PerformanceFixtures.themePath) else { return nil }
        let loaded = LoadedInput(files: [SourceFile(path: "plans/RP-DEEP.md", text: document(text))])
        return Build.site(from: loaded, theme: theme, themePath: PerformanceFixtures.themePath, options: options)
    }

    @Test(arguments: shapes)
    func anyDepthParsesIntoATreeNoDeeperThanTheLimit(_ shape: Shape) {
        for levels in [MarkdownParser.maximumDepth * 2, 20_000] {
            let parsed = MarkdownParser.parseReportingProblems(shape.text(levels), firstLine: 9)
            #expect(parsed.problems == [MarkdownProblem(.nestedTooDeep, line: 9)])
            #expect(Self.depth(of: parsed.document) <= MarkdownParser.maximumDepth)
        }
    }

    @Test(arguments: shapes)
    func aTreeAtTheLimitBuildsOnASmallStack(_ shape: Shape) throws {
        let levels = Self.deepestAllowed(shape)
        // The limit is reached: one level more is a problem.
        #expect(!MarkdownParser.parseReportingProblems(shape.text(levels + 1)).problems.isEmpty)
        let text = shape.text(levels)
        #expect(Self.depth(of: MarkdownParser.parse(text)) >= MarkdownParser.maximumDepth - 3)
        let built = try #require(Self.onStack(of: 512 * 1024) { Self.build(text) } ?? nil)
        #expect(!built.report.hasErrors, "\(built.report.diagnostics)")
        let page = built.files.first { $0.path == "plans/RP-DEEP.html" }
        #expect(page != nil)
    }

    @Test(arguments: shapes)
    func tooDeepIsOneErrorAtItsLineOnASmallStack(_ shape: Shape) throws {
        let built = try #require(Self.onStack(of: 512 * 1024) { Self.build(shape.text(20_000)) } ?? nil)
        let errors = built.report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.nestingTooDeep])
        #expect(errors.first?.line == 9)
        #expect(built.files.isEmpty)
    }

    final class Outcome<T>: @unchecked Sendable {
        var value: T?
    }

    /// The depth of `node`'s tree, without recursing.
    static func depth(of node: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(node, 0)]
        while let (current, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            current.forEachChild { stack.append(($0, depth + 1)) }
        }
        return deepest
    }
}
