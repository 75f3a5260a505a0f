import Testing
import PlanfolioMarkdown

/// `htmlEscaped` became a byte loop for speed; it must escape exactly as before.
@Suite struct HTMLEscapeSpeedupTests {
    @Test func escapesTheFiveCharactersAndKeepsEverythingElse() {
        #expect("plain text, no change".htmlEscaped == "plain text, no change")
        #expect("<a href=\"x\">Tom & Jerry's</a>".htmlEscaped == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect("Zoë < Sofía & 日本 > \u{1F600}'".htmlEscaped == "Zoë &lt; Sofía &amp; 日本 &gt; \u{1F600}&#39;")
        #expect("e\u{301}<".htmlEscaped == "e\u{301}&lt;")
        #expect("".htmlEscaped == "")
    }

    @Test func appendingEscapedBytesGivesTheSameText() {
        for text in ["plain", "<a href=\"x\">Tom & Jerry's</a>", "Zoë < 日本 > \u{1F600}'", "e\u{301}<", "", "&", "x<"] {
            var buffer: [UInt8] = Array("prefix:".utf8)
            text.appendHTMLEscapedUTF8(to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == "prefix:" + text.htmlEscaped)
        }
    }

    /// The escape written scalar by scalar: what every path must agree with.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func everyPathEscapesAsTheReference() {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let texts = ["", "<", "''", "a&b", "&&x&&", ascii, ascii + "é🙂" + ascii, String(repeating: "<tag attr=\"v\">text</tag> ", count: 50)]
        for text in texts {
            let expected = Self.reference(text)
            #expect(text.htmlEscaped == expected)
            var buffer: [UInt8] = []
            text.appendHTMLEscapedUTF8(to: &buffer)
            #expect(buffer == Array(expected.utf8))
            var pieces: [[UInt8]] = []
            var copy = text
            copy.withUTF8 { source in forEachHTMLEscapedPiece(of: source) { pieces.append(Array($0)) } }
            #expect(pieces.allSatisfy { !$0.isEmpty })
            #expect(Array(pieces.joined()) == Array(expected.utf8))
        }
    }
}
