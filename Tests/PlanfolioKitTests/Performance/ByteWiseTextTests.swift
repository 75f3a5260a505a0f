import Foundation
import PlanfolioMarkdown
import Testing
@testable import PlanfolioKit

/// The byte-wise text helpers that replaced Character and Foundation code on
/// hot paths (docs/performance.md, "Hotspots"): each must give exactly what
/// the code it replaced gave, which is kept here as the reference.
@Suite struct ByteWiseTextTests {
    /// Edge cases: ASCII whitespace of every kind, CR LF (one character),
    /// control characters that are not whitespace, non-ASCII whitespace and
    /// combining marks at the ends, empty and all-blank text.
    static let samples: [String] = [
        "", " ", "\t", "\n", "\r\n", " \r\n ", "a", " a ", "\ta b\t", "\r\na\r\n", "\ra\r", "\na\n", "a\r\n",
        "\u{0B}a\u{0C}", "\u{1C}a\u{1F}", "\u{00A0}a\u{00A0}", "\u{2003}a\u{3000}", " \u{301}a", "a \u{301}", "é ", " é",
        "Tomás Rivera (ML Lead)", "  Name/Team  ", "x\u{85}", "\u{85}x", "[Date]", " [Name] ", "a\u{2028}b",
    ]

    static func referenceTrimmedWhitespace(_ text: some StringProtocol) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    @Test func trimmedWhitespaceMatchesTrimmingCharacters() {
        for sample in Self.samples {
            #expect(sample.trimmedWhitespace == Self.referenceTrimmedWhitespace(sample), "\(sample.debugDescription)")
            let sub = ("x" + sample + "y").dropFirst().dropLast()
            #expect(sub.trimmedWhitespace == Self.referenceTrimmedWhitespace(sub), "\(sample.debugDescription) as a Substring")
        }
    }

    @Test func foundationTrimmingIsUnchanged() {
        for sample in Self.samples {
            #expect(sample.trimmedLikeFoundationWhitespaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample.trimmedLikeFoundationWhitespacesAndNewlines == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(sample.debugDescription)")
        }
    }

    @Test func roleKeysAreTheCharacterRule() {
        let roles = [
            "Compliance Officer (if applicable)", "compliance  officer", "Compliance Officer", "System Owner / Product Manager",
            "System Owner/ Product Manager", "a / / b", " / ", "/", "(x)", "x ()", "  Fairness Lead  ", "ML\tLead", "ML\nLead",
            "Lead (a) (b)", "Lead (a", "A(B)", "", "  ", "\tQA (x)\t", "Risk / (x)", "Data  /  Science", "Tomás (Lead)", "x\r\ny",
            "CISO\r", "Ärztin / Arzt",
        ]
        for role in roles {
            #expect(RoleName.key(role) == RoleName.keyByCharacters(role), "\(role.debugDescription)")
            if let ascii = RoleName.asciiKey(role) {
                #expect(ascii == RoleName.keyByCharacters(role), "\(role.debugDescription)")
            }
        }
        #expect(RoleName.asciiKey("Tomás") == nil)
        #expect(RoleName.asciiKey("a\r\nb") == nil)
        #expect(RoleName.key("System Owner / Product Manager") == "system owner/product manager")
    }

    /// The search index's word splitter, as it was.
    static func referenceAppend(_ text: String, to out: inout String) {
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            if !out.isEmpty { out += " " }
            out += word
        }
    }

    @Test func searchIndexWordsAreSplitAsBefore() {
        for prefix in ["", "start"] {
            for sample in Self.samples + ["one  two\tthree\nfour\r\nfive\u{0B}six\u{1C}seven", "  lead and trail  "] {
                var fast = Array(prefix.utf8), byWords = fast, reference = prefix
                let isASCII = UTF8Search.isASCII(sample)
                #expect(isASCII == sample.unicodeScalars.allSatisfy(\.isASCII))
                if isASCII { SearchIndex.appendASCIIWords(sample, to: &fast) } else { SearchIndex.appendWords(sample, to: &fast) }
                SearchIndex.appendWords(sample, to: &byWords)
                Self.referenceAppend(sample, to: &reference)
                #expect(String(decoding: fast, as: UTF8.self) == reference, "\(prefix.debugDescription) + \(sample.debugDescription)")
                #expect(String(decoding: byWords, as: UTF8.self) == reference, "\(prefix.debugDescription) + \(sample.debugDescription)")
            }
        }
    }

    @Test func searchIndexHeadingKeysAreAsBefore() {
        for sample in Self.samples + [" Assessment Information\t", "TABLE OF CONTENTS", "Table of Contents\u{00A0}"] {
            #expect(SearchIndex.headingKey(sample) == sample.lowercased().trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
        }
    }

    @Test func searchIndexBodyTextStopsAtTheSameBlock() {
        let long = String(repeating: "word ", count: 30)
        let body = MarkdownParser.parse("# T\n\n## Assessment Information\n\n- skipped\n\n## Summary\n\n\(long)\n\né \(long)\n\n\(long)\n")
        let text = SearchIndex.bodyText(body, limit: 200)
        #expect(text.count <= 202)
        #expect(text.hasSuffix(" …"))
        #expect(!text.contains("skipped"))
        #expect(text.hasPrefix("word word"))
    }

    /// `SearchIndex.bodyText` as it was: every block's words appended to a
    /// `String`, counted by characters, cut by characters.
    static func referenceBodyText(_ body: MarkdownNode, limit: Int) -> String {
        var out = ""
        var skipBelow: Int?
        for block in body.children {
            if out.count > limit { break }
            switch block.kind {
            case .heading(let level):
                if let skip = skipBelow, level > skip { continue }
                let key = block.plainText.lowercased().trimmingCharacters(in: .whitespaces)
                skipBelow = SearchIndex.skippedSections.contains(key) ? level : nil
            case .paragraph, .list, .blockQuote:
                guard skipBelow == nil else { continue }
                referenceAppend(block.plainText, to: &out)
            default:
                continue
            }
        }
        guard out.count > limit else { return out }
        let prefix = out.prefix(limit)
        if let space = prefix.lastIndex(of: " ") { return String(prefix[..<space]) + " …" }
        return String(prefix) + "…"
    }

    @Test func searchIndexBodyTextIsAsBefore() {
        let words = ["alpha", "beta", "gamma-delta", "x", "supercalifragilistic", "é", "naïve", "a\u{301}", "\u{00A0}", "🙂", "\r\n", "\t", "end."]
        var bodies: [String] = ["", "one", "# Only a heading", "## Table of Contents\n\n- a\n- b\n\n## Next\n\nkept text"]
        // Deterministic mixes: ASCII blocks, non-ASCII blocks, long blocks, blocks ending exactly at the limit.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<60 {
            var blocks: [String] = []
            for _ in 0..<(1 + next(5)) {
                let ascii = next(3) > 0
                let count = [1, 3, 10, 40, 120][next(5)]
                let text = (0..<count).map { _ in ascii ? words[next(5)] : words[next(words.count)] }.joined(separator: [" ", "  ", "\n", " \t"][next(4)])
                blocks.append([text, "> " + text, "- " + text, "    code " + text, "## " + text][next(5)])
            }
            bodies.append(blocks.joined(separator: "\n\n"))
        }
        bodies.append(String(repeating: "a", count: 200) + " b")
        bodies.append(String(repeating: "a", count: 199) + " b")
        bodies.append(String(repeating: "a", count: 201))
        bodies.append(String(repeating: "ab ", count: 67) + "\n\né " + String(repeating: "c ", count: 100))
        for markdown in bodies {
            let body = MarkdownParser.parse(markdown)
            for limit in [0, 1, 5, 14, 199, 200, 201, 1_000] {
                #expect(SearchIndex.bodyText(body, limit: limit) == Self.referenceBodyText(body, limit: limit), "\(limit) \(markdown.debugDescription)")
            }
        }
    }

    /// `SVGValue.format` as it was, by string interpolation.
    static func referenceFormat(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    @Test func svgNumbersAreWrittenAsBefore() {
        for value in [0, -0.0, 0.04, -0.04, 0.05, -0.05, 1, -1, 1.25, -1.25, 12.34, 944, 300.06, -299.95, 1e9, .nan, .infinity, -.infinity] {
            #expect(SVGValue.format(value) == Self.referenceFormat(value), "\(value)")
        }
    }

    @Test func svgMarkupIsAsBefore() {
        var svg = SVGWriter(width: 10, height: 20, id: "x<", title: "T&", description: "D\"", className: "c")
        svg.begin("g", ["class": "a'b"])
        svg.empty("rect", ["x": .n(1.25), "y": -2, "fill": "url(#x-hatch)"])
        svg.text("text", ["x": .n(0.04)], "<b>")
        let markup = svg.finish().text
        #expect(markup.hasSuffix("<g class=\"a&#39;b\"><rect x=\"1.3\" y=\"-2\" fill=\"url(#x-hatch)\"/><text x=\"0\">&lt;b&gt;</text></g></svg>"))
    }

    @Test func utf8SearchFindsWhatContainsFinds() {
        let texts = ["", "a", "abc", "é<p>x", "xx\u{E000}yy", "\u{E000}", "<p<p>", "aaab", "ab", "[", "no bracket", "x[y", "é[", "&amp;"]
        for text in texts {
            #expect(UTF8Search.contains(UInt8(ascii: "["), in: text) == text.contains("["))
            #expect(UTF8Search.contains(UInt8(ascii: "&"), in: text) == text.contains("&"))
        }
    }

    /// `isASCII` reads eight bytes at a time and then the rest one by one:
    /// a non-ASCII character anywhere in either part is found.
    @Test func utf8SearchIsASCIIFindsNonASCIIAnywhere() {
        for length in 0..<20 {
            let ascii = String(repeating: "a", count: length)
            #expect(UTF8Search.isASCII(ascii))
            for position in 0...length {
                var text = ascii
                text.insert("é", at: text.index(text.startIndex, offsetBy: position))
                #expect(!UTF8Search.isASCII(text), "\(text.debugDescription)")
            }
        }
    }

    /// `labelledParagraphs` as it was: `walk` over every node.
    static func referenceLabelled(_ blocks: [MarkdownNode]) -> [String] {
        var out: [String] = []
        for block in blocks {
            block.walk { node in
                guard case .paragraph = node.kind else { return }
                if let item = MarkdownQueries.labelledText(node) { out.append("\(item.key)=\(item.value)@\(node.line)") }
            }
        }
        return out
    }

    @Test func labelledParagraphsAreFoundAsByWalk() {
        let markdown = """
        **Top**: one

        - **Item**: two
          - **Nested**: three

            **Loose**: four
        > **Quoted**: five

        | **Cell**: no |
        |---|
        | x |

        **Description
        **: six
        """
        let blocks = MarkdownParser.parse(markdown).children
        let found = MarkdownQueries.labelledParagraphs(in: blocks).map { "\($0.key)=\($0.value)@\($0.paragraph.line)" }
        #expect(found == Self.referenceLabelled(blocks))
        #expect(found.count == 6)
    }

    /// A JSON string as `JSONValue.writeString` wrote it before the byte-wise writers, scalar by scalar.
    static func referenceJSONString(_ value: String, escapeLineSeparators: Bool) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}" where escapeLineSeparators: out += "\\u2028"
            case "\u{2029}" where escapeLineSeparators: out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func jsonStringsAreEscapedAsBefore() {
        let samples = Self.samples + ["plain", "say \"hi\"", "back\\slash", "\u{0}\u{1}\u{1F}\u{7F}", "line\u{2028}para\u{2029}end", "cut …",
                                      "\u{E2}", "\u{2027}\u{202A}", "tab\tnew\nret\rbs\u{08}ff\u{0C}", "emoji 🙂 \u{2028}"]
        for sample in samples {
            for escape in [false, true] {
                let out = JSONValue.string(sample).compact(forScript: escape)
                #expect(out == Self.referenceJSONString(sample, escapeLineSeparators: escape), "\(sample.debugDescription) \(escape)")
            }
        }
    }

    @Test func linkedFilesSkipOnlyBodiesWithoutLinks() {
        #expect(!LinkedFiles.hasLinkOrImage(MarkdownParser.parse("# T\n\nText `[x](y.md)` and\n\n    [a](b.md)\n")))
        #expect(LinkedFiles.hasLinkOrImage(MarkdownParser.parse("- item with [a](b.md)\n")))
        #expect(LinkedFiles.hasLinkOrImage(MarkdownParser.parse("| c |\n|---|\n| ![i](p.png) |\n")))
        #expect(LinkedFiles.hasLinkOrImage(MarkdownParser.parse("See https://example.com\n")))
    }
}
