import Foundation
import Testing
@testable import PlanfolioKit
import PlanfolioMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// What the parsed Markdown trees cost in memory (issue 9): a measuring
/// tool, run only when `PLANFOLIO_TREE_CORPUS` names a portfolio folder:
///
///     PLANFOLIO_TREE_CORPUS=/tmp/planfolio-bench/corpus-10000-8a9a9aa33e/portfolio \
///       swift test -c release --filter MarkdownTreeMemoryTests
///
/// It parses every document on one thread, keeps only the bodies, and
/// prints the heap bytes they hold (glibc `mallinfo2`), node counts, and
/// the parse CPU time.
@Suite struct MarkdownTreeMemoryTests {
    static let corpus = ProcessInfo.processInfo.environment["PLANFOLIO_TREE_CORPUS"]

    struct Counts: CustomStringConvertible {
        var nodes = 0
        var leaves = 0
        var childArrays = 0
        var childSlots = 0
        var childCapacity = 0
        var heapLiterals = 0
        var heapLiteralBytes = 0
        var boxedKinds = 0
        var byKind: [String: Int] = [:]

        mutating func add(_ node: MarkdownNode) {
            nodes += 1
            let name = "\(node.kind)".prefix { $0 != "(" }
            byKind[String(name), default: 0] += 1
            if node.children.isEmpty {
                leaves += 1
            } else {
                childArrays += 1
                childSlots += node.children.count
                childCapacity += node.children.capacity
            }
            if node.literal.utf8.count > 15 {
                heapLiterals += 1
                heapLiteralBytes += node.literal.utf8.count
            }
            switch node.kind {
            case .list, .codeBlock, .table, .link, .image, .other: boxedKinds += 1
            default: break
            }
            for child in node.children { add(child) }
        }

        var description: String {
            let kinds = byKind.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return """
            nodes \(nodes) (leaves \(leaves)); nodes with children \(childArrays), \
            \(childSlots) children, capacity \(childCapacity) (as `children` returns them; a packed \
            text child is not stored as an array); heap literals \(heapLiterals) \
            (\(heapLiteralBytes) bytes of text); boxed kinds \(boxedKinds)
            by kind: \(kinds)
            """
        }
    }

    /// glibc's `mallinfo2().uordblks`: bytes in allocated chunks, all arenas.
    /// Swift does not import `mallinfo2`, so it is called through `dlsym`:
    /// its 80-byte result comes back through a hidden first argument, which
    /// on x86-64 is passed like an ordinary first argument (not so on arm64).
    static func heapInUse() -> Int {
        #if canImport(Glibc) && arch(x86_64)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallinfo2") else { return 0 }
        typealias Call = @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer?
        let info = UnsafeMutableRawPointer.allocate(byteCount: 10 * 8, alignment: 8)
        defer { info.deallocate() }
        _ = unsafeBitCast(symbol, to: Call.self)(info)
        return info.load(fromByteOffset: 7 * 8, as: Int.self)  // uordblks
        #else
        return 0
        #endif
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test(.enabled(if: corpus != nil, "set PLANFOLIO_TREE_CORPUS to a portfolio folder"))
    func reportTreeBytes() throws {
        let loaded = try InputLoader.load(input: Self.corpus ?? "")
        #expect(!loaded.files.isEmpty)
        // Warm up: the cmark library copies and any one-time tables.
        for file in loaded.files.prefix(8) { _ = DocumentParser.parse(file) }
        let memoryStride = MemoryLayout<MarkdownNode>.stride
        var bodies: [MarkdownNode] = []
        bodies.reserveCapacity(loaded.files.count)
        let before = Self.heapInUse()
        let start = Self.threadCPUSeconds()
        for file in loaded.files {
            if let document = DocumentParser.parse(file).0 { bodies.append(document.body) }
        }
        let cpu = Self.threadCPUSeconds() - start
        let held = Self.heapInUse() - before
        var counts = Counts()
        for body in bodies { counts.add(body) }
        let markdownBytes = loaded.files.reduce(0) { $0 + $1.text.utf8.count }
        print("""
            [tree-memory] \(bodies.count) documents, \(markdownBytes) bytes of Markdown
            [tree-memory] MarkdownNode size \(MemoryLayout<MarkdownNode>.size), stride \(memoryStride), Kind size \(MemoryLayout<MarkdownNode.Kind>.size)
            [tree-memory] trees hold \(held) heap bytes: \(held / max(bodies.count, 1)) per document, \(held / max(counts.nodes, 1)) per node
            [tree-memory] \(counts)
            [tree-memory] one-thread parse CPU \(String(format: "%.2f", cpu)) s
            """)
        bodies.removeAll()
        // The source texts were loaded before `before`: keep them to the end.
        withExtendedLifetime(loaded) {
            print("[tree-memory] after dropping the trees: \(Self.heapInUse() - before) bytes still held")
        }
    }
}
