import Testing
@testable import PlanfolioKit

/// Broken templates fail with a message and the line and column of the tag at fault.
@Suite struct MustacheParseErrorTests {
    @Test func unclosedSectionPointsAtItsOpeningTag() {
        let error = mustacheError("first\nsecond\n  {{#open}}\nno close\n")
        #expect(error?.line == 3)
        #expect(error?.column == 3)
        #expect(error?.message == "{{#open}} is never closed")
        #expect(error?.lineText == "  {{#open}}")
    }

    @Test func mismatchedAndStrayClosingTags() {
        let mismatched = mustacheError("{{#a}}\nx {{/b}}\n")
        #expect(mismatched?.line == 2)
        #expect(mismatched?.column == 3)
        #expect(mismatched?.message == "{{/b}} does not close {{#a}}, opened on line 1")
        #expect(mustacheError("ok\n{{/a}}")?.message == "{{/a}} closes nothing: no section named 'a' is open")
        #expect(mustacheError("{{<p}}{{$a}}x{{/p}}{{/a}}")?.message == "{{/p}} does not close {{$a}}, opened on line 1")
    }

    @Test func badTags() {
        #expect(mustacheError("a {{b")?.message == "tag is not closed: no '}}' after it")
        #expect(mustacheError("a {{{b}}")?.message == "tag is not closed: no '}}}' after it")
        #expect(mustacheError("é {{a b}}")?.column == 3)
        #expect(mustacheError("{{a b}}")?.message == "tag name 'a b' contains whitespace")
        #expect(mustacheError("{{ }}")?.message == "tag has no name")
        #expect(mustacheError("{{=<% %>}}")?.message == "set-delimiter tag must look like {{=<% %>=}}")
        #expect(mustacheError("{{=<%=}}") != nil)
        #expect(mustacheError("{{#list}}{{index()}}{{/list}}")?.message == "'index()': transforms such as first() are not supported")
        #expect(mustacheError("{{>*name}}")?.message == "'*name': dynamic names are not supported: name the partial itself (docs/theme.md)")
    }

    @Test func onlyBlocksInsideAParent() {
        #expect(mustacheError("{{<p}}\n{{x}}\n{{/p}}")?.message == "only {{$block}} tags may be inside {{<p}}: move other tags into a block")
        #expect(mustacheError("{{<p}}\n{{$b}}{{x}}{{/b}}\n{{/p}}") == nil)
    }
}
