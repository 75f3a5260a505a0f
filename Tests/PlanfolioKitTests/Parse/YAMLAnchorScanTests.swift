import Testing
import Yams
@testable import PlanfolioKit

/// The scan that keeps anchors and aliases away from Yams: it must find
/// every one YAML would read, and leave `&` and `*` in text alone.
@Suite struct YAMLAnchorScanTests {
    @Test(arguments: [
        ("a: &x 1\n", 1),
        ("a: 1\nb: *x\n", 2),
        ("l0: &l0 [x, x]\nl1: &l1 [*l0, *l0]\n", 1),
        ("a: [1, &x 2]\n", 1),
        ("a: [1,&x 2]\n", 1),
        ("a: {k:&x v}\n", 1),
        ("a: {\"k\":&x v}\n", 1),
        ("- &x a\n", 1),
        ("- - *x\n", 1),
        ("&x a: 1\n", 1),
        ("? &x a\n: 1\n", 1),
        ("a:\n  <<: *base\n", 2),
        ("a: !!str &x v\n", 1),
        ("a: !tag *x\n", 1),
        ("a:\t&x v\n", 1),
        ("--- &x a\n", 1),
        // After a block scalar, at a line YAML reads as structure again.
        ("a: |\n  text & more\nb: &x 1\n", 3),
        ("- k: |\n   text\n  other: &x 1\n", 3),
        ("- k: |\n  other: &x 1\n", 2),
        ("a: |2\n    &deep text\n b: *x\n", 3),
        // Whatever goes on over lines is scanned crudely, never skipped.
        ("a: [1,\n  *x]\n", 2),
        ("a: \"one\n  two\"\nb: *x\n", 3),
        ("a: 1\r\nb: *x\r\n", 2),
        ("a: 1\u{2028}b: *x\n", 1),
        ("a: 1\u{85}b: *x\n", 1),
        ("\u{FEFF}a: *x\n", 1),
    ])
    func findsAnchorsAndAliases(yaml: String, line: Int) {
        #expect(YAMLAnchorScan.firstLine(in: yaml) == line)
    }

    @Test(arguments: [
        "title: R&D budget\n",
        "title: Q & A\n",
        "title: 5 * 3 = 15\n",
        "title: \"Fix *severe* drift\"\n",
        "title: 'it''s *fine* & good'\n",
        "title: plain then *emphasis*\n",
        "title: a # comment with &x and *y\n",
        "# &x comment\nid: A\n",
        "notes: |\n  *starred* line\n  &amp; text\nid: A\n",
        "notes: >-\n  - &x not a node\n\nid: A\n",
        "tags: [a&b, c*d]\n",
        "url: http://example.org/a&b\n",
        "title: \"a \\\" *x\"\n",
        "title: x#&y\n",
    ])
    func leavesTextAlone(yaml: String) {
        #expect(YAMLAnchorScan.firstLine(in: yaml) == nil)
    }

    /// Random YAML-ish texts: whenever Yams composes one that holds an
    /// anchor (an alias is composed as the anchored node), the scan must
    /// have found something. The pieces are the ones the scan reasons about.
    @Test func neverMissesAnAnchorYamsComposes() {
        let pieces = ["a", "b:", ": ", " ", "  ", "\n", "- ", "? ", "&x ", "*x", "&y", "*y ", "'", "\"", "''", "\\\"",
                      "[", "]", "{", "}", ",", "#", " #", "|", ">", "|2", "|-", "!t ", "!!str ", "k: ", "\n  ", "\n ",
                      "x&y", "--- ", "\t", "<<: ", "z"]
        var generator = SeededGenerator(seed: 0x15_2)
        var composedWithAnchor = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...14, using: &generator)
            var yaml = ""
            for _ in 0..<length { yaml += pieces.randomElement(using: &generator)! }
            // Nodes hold their anchors weakly: the parser keeps them alive while the tree is walked.
            guard let parser = try? Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8),
                  let node = try? parser.singleRoot(),
                  withExtendedLifetime(parser, { hasAnchor(node) }) else { continue }
            composedWithAnchor += 1
            #expect(YAMLAnchorScan.firstLine(in: yaml) != nil, "missed an anchor in \(String(reflecting: yaml))")
        }
        // The generator does make such texts; otherwise the loop above proved nothing.
        #expect(composedWithAnchor > 100)
    }

    private func hasAnchor(_ root: Node) -> Bool {
        var stack = [root]
        while let node = stack.popLast() {
            switch node {
            case .scalar(let scalar): if scalar.anchor != nil { return true }
            case .sequence(let sequence):
                if sequence.anchor != nil { return true }
                stack += sequence.map { $0 }
            case .mapping(let mapping):
                if mapping.anchor != nil { return true }
                for (key, value) in mapping { stack += [key, value] }
            case .alias: return true
            }
        }
        return false
    }
}
