import Testing
@testable import PlanfolioKit

/// The line diff behind revision pages: both texts can be read back from
/// it, it is minimal on small cases, and past its budget it stays correct.
@Suite struct LineDiffTests {
    static func lines(_ text: String) -> [String] {
        let lines = TextLines(text)
        return (0..<lines.count).map(lines.text)
    }

    static func diff(_ old: [String], _ new: [String]) -> [LineDiff.Line] {
        LineDiff.lines(old.map { ArraySlice($0.utf8) }, new.map { ArraySlice($0.utf8) })
    }

    /// The old and the new text as the diff gives them back.
    static func sides(_ diff: [LineDiff.Line]) -> (old: [String], new: [String]) {
        (diff.filter { $0.kind != .added }.map { String(decoding: $0.text, as: UTF8.self) },
         diff.filter { $0.kind != .removed }.map { String(decoding: $0.text, as: UTF8.self) })
    }

    @Test func oneLineChangedIsOneRemovedAndOneAdded() {
        let diff = Self.diff(Self.lines("a\nb\nc\n"), Self.lines("a\nB\nc\n"))
        #expect(diff.map(\.kind) == [.same, .removed, .added, .same])
        #expect(diff[1].oldNumber == 2 && diff[1].newNumber == nil)
        #expect(diff[2].newNumber == 2 && diff[2].oldNumber == nil)
    }

    @Test(arguments: [("", "a\nb\n"), ("a\nb\n", ""), ("a\nb\nc\nd\n", "b\nd\ne\n"), ("x\ny\n", "y\nx\n"), ("a\na\na\n", "a\na\n")])
    func bothTextsComeBack(_ pair: (String, String)) {
        let old = Self.lines(pair.0), new = Self.lines(pair.1)
        let diff = Self.diff(old, new)
        #expect(Self.sides(diff).old == old)
        #expect(Self.sides(diff).new == new)
    }

    @Test func randomEditsComeBackAndAreNoLongerThanNeeded() {
        var generator = SeededGenerator(seed: 18)
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...30, using: &generator)).map { _ in String(Int.random(in: 0...6, using: &generator)) }
            var new = old
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                if !new.isEmpty && Bool.random(using: &generator) {
                    new.remove(at: Int.random(in: 0..<new.count, using: &generator))
                } else {
                    new.insert(String(Int.random(in: 0...9, using: &generator)), at: Int.random(in: 0...new.count, using: &generator))
                }
            }
            let diff = Self.diff(old, new)
            #expect(Self.sides(diff).old == old)
            #expect(Self.sides(diff).new == new)
            // Never more edits than removing everything and adding it back.
            #expect(diff.count { $0.kind != .same } <= old.count + new.count)
            // The unchanged lines are a common subsequence in order.
            let same = diff.filter { $0.kind == .same }
            #expect(zip(same, same.dropFirst()).allSatisfy { ($0.oldNumber ?? 0) < ($1.oldNumber ?? 0) && ($0.newNumber ?? 0) < ($1.newNumber ?? 0) })
        }
    }

    @Test func pastTheBudgetTheMiddleIsReplacedWhole() {
        let old = (0..<3_000).map { "old \($0)" }, new = (0..<3_000).map { "new \($0)" }
        let diff = Self.diff(["head"] + old + ["tail"], ["head"] + new + ["tail"])
        #expect(diff.first?.kind == .same && diff.last?.kind == .same)
        #expect(diff.count { $0.kind == .removed } == 3_000)
        #expect(diff.count { $0.kind == .added } == 3_000)
        #expect(Self.sides(diff).new == ["head"] + new + ["tail"])
    }

    @Test func linesEndAtLFCRLFOrCRAndCompareByBytes() {
        #expect(Self.lines("\u{FEFF}a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(Self.lines("a\n\n") == ["a", ""])
        // "é" precomposed and decomposed are two different lines to a diff.
        let diff = Self.diff(["caf\u{E9}"], ["cafe\u{301}"])
        #expect(diff.map(\.kind) == [.removed, .added])
        #expect(TextLines([0x61, 0xFF, 0x0A]).text(0) == "a\u{FFFD}", "bytes that are not UTF-8 are read as U+FFFD")
    }

    @Test func rowsEscapeEveryLineAndReplaceControls() {
        let html = DiffRows.html(Self.diff(["<script>&"], ["a\u{1B}b\tc", "\u{FFFE}"]))
        #expect(html.contains("&lt;script&gt;&amp;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("a\u{FFFD}b\tc"))
        #expect(html.contains("<td class=\"diff-text\">\u{FFFD}</td>"))
        #expect(html.components(separatedBy: "<tr ").count - 1 == 3)
    }

    @Test func hunksKeepThreeLinesAroundAndJoinCloseChanges() {
        let old = (1...20).map { "line \($0)" }
        var new = old
        new[4] = "changed 5"
        new[9] = "changed 10"
        new[18] = "changed 19"
        let hunks = LineDiff.hunks(Self.diff(old, new))
        #expect(hunks.count == 2, "5 and 10 are four unchanged lines apart: one hunk; 19 is far")
        #expect(hunks[0].oldStart == 2)
        #expect(hunks[0].lines.last?.oldNumber == 13)
        #expect(hunks[1].lines.first?.oldNumber == 16 && hunks[1].lines.last?.oldNumber == 20)
    }
}
