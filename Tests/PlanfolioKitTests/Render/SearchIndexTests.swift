import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

@Suite struct SearchIndexTests {
    @Test func bodyTextSkipsMetadataTablesAndCode() {
        let body = MarkdownParser.parse("""
            # Plan title

            ## Assessment Information

            - **System Name**: Credit Limit Recommender

            ## Table of Contents

            1. [Problem](#problem)

            ## Problem Statement

            The approval rate **gap** widened.

            | a | b |
            |---|---|
            | table | cell |

                code block

            > A quote.
            """, firstLine: 1)
        #expect(SearchIndex.bodyText(body, limit: 500) == "The approval rate gap widened. A quote.")
    }

    @Test func bodyTextIsCutAtAWordBoundary() {
        let body = MarkdownParser.parse("alpha beta gamma delta epsilon", firstLine: 1)
        #expect(SearchIndex.bodyText(body, limit: 14) == "alpha beta …")
        #expect(SearchIndex.bodyText(body, limit: 100) == "alpha beta gamma delta epsilon")
    }

    /// `bodyText` is public: any limit gives an answer (the buffer reserved
    /// for it does not grow with the limit, nor overflow).
    @Test func bodyTextTakesAnyLimit() {
        let body = MarkdownParser.parse("alpha beta\n\ngamma é delta", firstLine: 1)
        for limit in [Int.max, Int.max - 1, Int.max - 64, 1 << 40] {
            #expect(SearchIndex.bodyText(body, limit: limit) == "alpha beta gamma é delta")
        }
        #expect(SearchIndex.bodyText(body, limit: 0) == "…")
        #expect(SearchIndex.bodyText(body, limit: -5) == "…")
    }

    @Test func scriptAssignsOneGlobal() throws {
        var document = Document(id: "RP-1", kind: .plan, title: "Fix \"it\"\u{2028}</script>", source: "plans/RP-1.md", displayPath: "Plans/plans/RP-1.md",
                                body: MarkdownParser.parse("Body text.", firstLine: 1))
        document.system = "Sys"
        let script = SearchIndex.script(portfolio: Portfolio(documents: [document]))
        #expect(script.contains("\n" + #"window.PLANFOLIO_SEARCH_INDEX = {"version":1,"fields":["kind","id","title","system","owner","text"],"folders":{"assessment":"assessments/","investigation":"investigations/","plan":"plans/"},"systems":["Sys"],"owners":[],"documents":"#))
        #expect(script.contains(#"["plan","RP-1","Fix \"it\"\u2028</script>",0,-1,"Body text."]"#))
        #expect(script.hasSuffix("};\n"))
    }
}
