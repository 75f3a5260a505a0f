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
}
