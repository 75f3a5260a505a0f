/// The lines two versions of a document differ in: Myers' O(ND) shortest
/// edit script over lines, the common head and tail taken off first.
///
/// Documents are untrusted, so the work has a budget: when the edit script
/// would need more than `maxEdits` steps, or its search more than about
/// fifty million line comparisons, the differing middle is given as all
/// its old lines removed and all its new lines added (correct, only less
/// precise). Pure: revision pages are drawn from it.
enum LineDiff {
    enum Kind: Sendable, Equatable {
        case same, removed, added
    }

    /// One line of a diff; numbers are 1-based, in the old and the new text.
    struct Line: Sendable, Equatable {
        var kind: Kind
        var oldNumber: Int?
        var newNumber: Int?
        /// The line's UTF-8, without its end.
        var text: ArraySlice<UInt8>
    }

    /// A run of changed lines with up to `context` unchanged lines around it.
    struct Hunk: Sendable, Equatable {
        var lines: [Line]
        var oldStart: Int { lines.first { $0.oldNumber != nil }?.oldNumber ?? 0 }
        var newStart: Int { lines.first { $0.newNumber != nil }?.newNumber ?? 0 }
    }

    static let maxEdits = 1_000
    static let maxWork = 50_000_000

    /// Every line of both texts in order: unchanged, removed and added; lines are equal when their bytes are.
    static func lines(_ old: TextLines, _ new: TextLines) -> [Line] {
        lines((0..<old.count).map { old[$0] }, (0..<new.count).map { new[$0] })
    }

    static func lines(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Line] {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        var out: [Line] = []
        out.reserveCapacity(old.count + new.count - prefix - suffix)
        for index in 0..<prefix { out.append(Line(kind: .same, oldNumber: index + 1, newNumber: index + 1, text: new[index])) }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        for step in middle(a, b) {
            switch step {
            case .same(let i, let j): out.append(Line(kind: .same, oldNumber: prefix + i + 1, newNumber: prefix + j + 1, text: b[j]))
            case .removed(let i): out.append(Line(kind: .removed, oldNumber: prefix + i + 1, newNumber: nil, text: a[i]))
            case .added(let j): out.append(Line(kind: .added, oldNumber: nil, newNumber: prefix + j + 1, text: b[j]))
            }
        }
        for index in 0..<suffix {
            let i = old.count - suffix + index, j = new.count - suffix + index
            out.append(Line(kind: .same, oldNumber: i + 1, newNumber: j + 1, text: new[j]))
        }
        return out
    }

    /// The changed lines of `lines` grouped with `context` unchanged lines on
    /// either side; changes at most `2 × context` unchanged lines apart share a hunk.
    static func hunks(_ lines: [Line], context: Int = 3) -> [Hunk] {
        let changed = lines.indices.filter { lines[$0].kind != .same }
        guard let first = changed.first else { return [] }
        var groups: [(first: Int, last: Int)] = [(first, first)]
        for index in changed.dropFirst() {
            if index - groups[groups.count - 1].last - 1 <= 2 * context {
                groups[groups.count - 1].last = index
            } else {
                groups.append((index, index))
            }
        }
        return groups.map { group in
            Hunk(lines: Array(lines[max(0, group.first - context)..<min(lines.count, group.last + context + 1)]))
        }
    }

    private enum Step {
        case same(Int, Int), removed(Int), added(Int)
    }

    /// Myers' greedy forward search, keeping each round's furthest points to walk back.
    private static func middle(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { .added($0) } }
        if m == 0 { return (0..<n).map { .removed($0) } }
        // Lines as numbers, so comparing two is one integer comparison.
        var numbers: [ArraySlice<UInt8>: Int32] = [:]
        let x = a.map { line -> Int32 in
            if let known = numbers[line] { return known }
            let next = Int32(numbers.count)
            numbers[line] = next
            return next
        }
        let y = b.map { line -> Int32 in numbers[line] ?? -1 }
        let limit = min(maxEdits, n + m, maxWork / max(1, n + m))
        let offset = limit + 1
        // v[offset + k]: the furthest old-line index reached on diagonal k (i - j = k); -1 unreached.
        var v = [Int32](repeating: -1, count: 2 * offset + 1)
        var trace: [[Int32]] = []
        var found = -1
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                guard var i = d == 0 ? 0 : move(d: d, k: k, n: n, m: m, { Int(v[offset + $0]) })?.start else {
                    v[offset + k] = -1
                    continue
                }
                var j = i - k
                while i < n && j < m && x[i] == y[j] {
                    i += 1
                    j += 1
                }
                v[offset + k] = Int32(i)
                if i >= n && j >= m {
                    found = d
                    break search
                }
            }
        }
        guard found >= 0 else {
            return (0..<n).map { .removed($0) } + (0..<m).map { .added($0) }
        }
        // Walk back from (n, m) through each round's furthest points.
        var steps: [Step] = []
        var i = n, j = m
        for d in stride(from: found, to: 0, by: -1) {
            let previous = trace[d]
            let k = i - j
            guard let (down, start) = move(d: d, k: k, n: n, m: m, { Int(previous[$0 + d]) }) else { break }
            while i > start && j > start - k {
                i -= 1
                j -= 1
                steps.append(.same(i, j))
            }
            if down {
                j -= 1
                steps.append(.added(j))
            } else {
                i -= 1
                steps.append(.removed(i))
            }
        }
        while i > 0 && j > 0 {
            i -= 1
            j -= 1
            steps.append(.same(i, j))
        }
        return steps.reversed()
    }

    /// The move that reaches diagonal `k` in round `d` from the last round's
    /// furthest points (`reached(k)`, -1 for none): down from `k + 1` (a line
    /// added) or right from `k - 1` (a line removed), whichever gets further
    /// and stays inside the grid; `start` is the old-line index it lands on.
    private static func move(d: Int, k: Int, n: Int, m: Int, _ reached: (Int) -> Int) -> (down: Bool, start: Int)? {
        var best: (down: Bool, start: Int)?
        if k < d, reached(k + 1) >= 0 {
            let i = reached(k + 1)
            if i - k <= m { best = (true, i) }
        }
        if k > -d, reached(k - 1) >= 0 {
            let i = reached(k - 1) + 1
            if i <= n && i - k >= 0, best.map({ i > $0.start }) ?? true { best = (false, i) }
        }
        return best
    }
}
