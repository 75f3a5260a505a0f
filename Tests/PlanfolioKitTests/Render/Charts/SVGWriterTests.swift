import Testing
@testable import PlanfolioKit
import PlanfolioMarkdown

/// `SVGWriter` over `ByteBuffer` against the string-built markup it replaced.
@Suite struct SVGWriterTests {
    static let texts = ["", "plain", "<script>alert('x')</script> & \"quoted\"", "é — ü “curly” 漢字 🙂", "&&&", "'", "a<b>c", String(repeating: "long <&> text ", count: 200)]

    /// The old header, built by interpolation.
    static func referenceHeader(width: Int, height: Int, id: String, title: String, description: String, className: String) -> String {
        let titleID = id + "-title"
        let descID = id + "-desc"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
            + " class=\"\(className.htmlEscaped)\" role=\"img\" aria-labelledby=\"\(titleID.htmlEscaped) \(descID.htmlEscaped)\""
            + " preserveAspectRatio=\"xMinYMin meet\" font-family=\"system-ui, sans-serif\" font-size=\"13\">"
            + "<title id=\"\(titleID.htmlEscaped)\">\(title.htmlEscaped)</title>"
            + "<desc id=\"\(descID.htmlEscaped)\">\(description.htmlEscaped)</desc>"
    }

    /// The header of the 1 x 1 chart `i` the tests below write into (`headerIsAsBefore` pins it).
    static let smallHeader = referenceHeader(width: 1, height: 1, id: "i", title: "", description: "", className: "")

    @Test func headerIsAsBefore() {
        for text in Self.texts {
            var svg = SVGWriter(width: 960, height: 1234, id: "tl-" + text, title: "T " + text, description: text + " D", className: text)
            let expected = Self.referenceHeader(width: 960, height: 1234, id: "tl-" + text, title: "T " + text, description: text + " D", className: text)
            #expect(svg.finish().text == expected + "</svg>")
        }
    }

    @Test func textAndValuesAreEscapedAsHTMLEscaped() {
        for text in Self.texts {
            var svg = SVGWriter(width: 1, height: 1, id: "i", title: "", description: "", className: "")
            let header = Self.smallHeader
            svg.text("text", ["class": .string(text), "fill": .pattern(prefix: text, name: .hatch), "x": 12.25], text)
            let markup = svg.finish().text
            #expect(markup == header + "<text class=\"\(text.htmlEscaped)\" fill=\"url(#\(text.htmlEscaped)-hatch)\" x=\"12.3\">\(text.htmlEscaped)</text></svg>")
        }
    }

    @Test func literalsAreEscapedToo() {
        var svg = SVGWriter(width: 1, height: 1, id: "i", title: "", description: "", className: "")
        let header = Self.smallHeader
        svg.empty("rect", ["class": "a'b <c> & \"d\"", "fill": "#fff"])
        #expect(svg.finish().text == header + "<rect class=\"a&#39;b &lt;c&gt; &amp; &quot;d&quot;\" fill=\"#fff\"/></svg>")
    }

    /// `PlanTimelineChart.diamond` as it was: a `String` by interpolation.
    static func referenceDiamond(x: Double, y: Double, r: Double) -> String {
        let f = DecimalTextTests.referenceSVGNumber
        return "M\(f(x)) \(f(y - r))L\(f(x + r)) \(f(y))L\(f(x)) \(f(y + r))L\(f(x - r)) \(f(y))Z"
    }

    @Test func diamondsAreWrittenAsBefore() {
        var svg = SVGWriter(width: 1, height: 1, id: "i", title: "", description: "", className: "")
        let header = Self.smallHeader
        var expected = header
        for step in -200...200 {
            let x = Double(step) * 3.17
            let y = Double(step) * -0.55 + 40
            let r = Double(abs(step) % 9) + 0.5
            svg.empty("path", ["d": .diamond(x: x, y: y, r: r)])
            expected += "<path d=\"\(Self.referenceDiamond(x: x, y: y, r: r))\"/>"
        }
        #expect(svg.finish().text == expected + "</svg>")
    }

    @Test func nestedElementsCloseInOrder() {
        var svg = SVGWriter(width: 1, height: 1, id: "i", title: "", description: "", className: "")
        let header = Self.smallHeader
        svg.begin("defs")
        svg.begin("pattern", ["id": "p", "width": 6])
        svg.empty("line", ["x1": -0.04, "y1": -0.05])
        svg.end()
        #expect(svg.finish().text == header + "<defs><pattern id=\"p\" width=\"6\"><line x1=\"0\" y1=\"-0.1\"/></pattern></defs></svg>")
    }

    /// `ChartStyle.truncate` as it was: characters counted every time.
    static func referenceTruncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    @Test func truncationIsAsBefore() {
        let texts = Self.texts + ["e\u{301}e\u{301}e\u{301}e\u{301}", "🙂🙂🙂🙂🙂", "abcdef", "abcde", "👩‍👩‍👧‍👦x"]
        for text in texts {
            for limit in 0...12 {
                #expect(ChartStyle.truncate(text, limit) == Self.referenceTruncate(text, limit), "\(text) \(limit)")
            }
        }
    }

    /// A fragment written directly, and copied from its recording, for one prefix.
    static func both(_ prefix: String, recorded: PrefixedMarkup, write: (inout SVGWriter, String) -> Void) -> (direct: [UInt8], copied: [UInt8]) {
        var direct = SVGWriter()
        write(&direct, prefix)
        var copied = SVGWriter()
        copied.append(recorded, prefix: prefix)
        return (direct.finishFragment(), copied.finishFragment())
    }

    @Test func recordedFragmentsAreWhatWritingThemMakes() {
        for prefix in ["tl-RP-2026-001", "mc-FAF-1", "ptl", "", "x<&>\"'y", "é🙂"] {
            let definitions = Self.both(prefix, recorded: ChartStyle.definitionsMarkup, write: ChartStyle.writeDefinitions)
            #expect(definitions.copied == definitions.direct)
            #expect(!definitions.direct.isEmpty)
            let legend = Self.both(prefix, recorded: PlanTimelineChart.legendMarkup) { PlanTimelineChart.writeLegend(&$0, prefix: $1, milestones: true) }
            #expect(legend.copied == legend.direct)
            let short = Self.both(prefix, recorded: PlanTimelineChart.legendWithoutMilestonesMarkup) {
                PlanTimelineChart.writeLegend(&$0, prefix: $1, milestones: false)
            }
            #expect(short.copied == short.direct)
            #expect(short.direct != legend.direct)
            let metric = Self.both(prefix, recorded: MetricChart.legendMarkup, write: MetricChart.writeLegend)
            #expect(metric.copied == metric.direct)
        }
    }

    @Test func contentInPartsIsEscapedLikeText() {
        for text in Self.texts {
            var parts = SVGWriter()
            parts.begin("title")
            parts.content(text)
            parts.content(": ")
            parts.content(text)
            var whole = SVGWriter()
            whole.text("title", [:], text + ": " + text)
            #expect(parts.finishFragment() == whole.finishFragment())
        }
    }
}
