import Testing
@testable import PlanfolioKit

/// `BodySplitter.firstRange` replaced Foundation's `range(of:)`: same answers.
@Suite struct BodySplitterSearchTests {
    @Test func findsTheFirstMatchAfterMultibyteTextAndPartialMatches() {
        let text = "é<p>x</p>\n<p<p>mark</p>\n tail <p>mark</p>\n"
        let range = BodySplitter.firstRange(of: "<p>mark</p>\n", in: text)
        #expect(range == text.range(of: "<p>mark</p>\n"))
        #expect(range.map { String(text[$0.upperBound...]) } == " tail <p>mark</p>\n")
        #expect(BodySplitter.firstRange(of: "<p>none</p>", in: text) == nil)
        #expect(BodySplitter.firstRange(of: "<p>mark</p>\n!", in: "<p>mark</p>\n") == nil)
    }
}
