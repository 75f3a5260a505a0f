import PropertyBased
import Testing
import PlanfolioMarkdown

/// Properties of heading anchors over random headings of any script: never
/// empty, only characters an id and a URL fragment take as they are, never
/// the theme's `pf-` prefix, unique on a page, and the same for the same headings.
@Suite struct HeadingSluggerPropertyTests {
    static let pieces = [
        "Intervention", "1", " ", "  ", "-", "_", "pf", "PF", "pf-", "Proposed", "Intervention(s)", ":", ".", "/", "#", "?", "&", "<", ">", "\"",
        "'", "%20", "\t", "\u{A0}", "é", "e\u{301}", "ß", "İ", "Σ", "漢字", "١٢", "Ⅻ", "👩‍⚖️", "\u{200D}", "\u{200F}", "a-1", "a",
    ]
    static let heading = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...8).map { $0.joined() }
    static let headings = heading.array(of: 1...12)

    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @Test func anchorsAreNeverEmptySafeUnprefixedAndUnique() async {
        await propertyCheck(count: 500, input: Self.headings) { headings in
            var slugger = HeadingSlugger()
            let anchors = headings.map { slugger.slug($0) }
            for (heading, anchor) in zip(headings, anchors) {
                #expect(!anchor.isEmpty)
                #expect(anchor.unicodeScalars.allSatisfy(Self.isSafe), "\(anchor.debugDescription) for \(heading.debugDescription)")
                #expect(!anchor.unicodeScalars.contains { $0.isASCII && $0.properties.isUppercase }, "\(anchor) has an ASCII capital")
                #expect(anchor != "pf" && !anchor.hasPrefix("pf-"), "\(anchor) takes the theme's prefix")
                if heading.unicodeScalars.allSatisfy(\.isASCII) {
                    #expect(anchor.unicodeScalars.allSatisfy { $0.isASCII }, "\(anchor) from ASCII \(heading.debugDescription)")
                }
            }
            #expect(Set(anchors).count == anchors.count, "repeated anchors \(anchors) for \(headings)")
        }
    }

    @Test func theSameHeadingsGiveTheSameAnchors() async {
        await propertyCheck(count: 200, input: Self.headings) { headings in
            var first = HeadingSlugger()
            var second = HeadingSlugger()
            #expect(headings.map { first.slug($0) } == headings.map { second.slug($0) })
        }
    }

    @Test func theRenderedPageHasEveryAnchorOnce() async {
        await propertyCheck(count: 100, input: Self.headings) { headings in
            let markdown = headings.map { "## " + $0.replacingOccurrences(of: "\t", with: " ") + "\n" }.joined(separator: "\n")
            let rendered = HTMLRenderer().render(MarkdownParser.parse(markdown))
            let ids = rendered.headings.map(\.anchor)
            #expect(Set(ids).count == ids.count, "repeated ids \(ids)")
            for id in ids { #expect(rendered.html.components(separatedBy: "id=\"\(id)\"").count == 2, "\(id) in \(rendered.html)") }
        }
    }
}
