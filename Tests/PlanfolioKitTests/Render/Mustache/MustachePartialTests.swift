import Testing
@testable import PlanfolioKit

/// Cases from the Mustache spec's partials.yml, comments.yml and delimiters.yml.
@Suite struct MustachePartialTests {
    @Test func partialsRenderInTheCurrentContext() {
        #expect(mustache(#""{{>text}}""#, partials: ["text": "from partial"]) == #""from partial""#)
        #expect(mustache(#""{{>text}}""#) == #""""#)
        #expect(mustache(#""{{>partial}}""#, ["text": "content"], partials: ["partial": "*{{text}}*"]) == #""*content*""#)
        #expect(mustache("|{{> partial }}|", partials: ["partial": "[]"]) == "|[]|")
    }

    @Test func partialsRecurse() {
        let data: JSONValue = ["content": "X", "nodes": [["content": "Y", "nodes": []]]]
        #expect(mustache("{{>node}}", data, partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]) == "X<Y<>>")
    }

    @Test func endlessRecursionStops() {
        let output = mustache("{{>loop}}", partials: ["loop": "x{{>loop}}"])
        #expect(output == String(repeating: "x", count: MustacheRenderer.maximumDepth))
    }

    @Test func inlinePartialsKeepTheirWhitespace() {
        #expect(mustache("| {{>partial}} |", partials: ["partial": "\t|\t"]) == "| \t|\t |")
        #expect(mustache("  {{data}}  {{> partial}}\n", ["data": "|"], partials: ["partial": ">\n>"]) == "  |  >\n>\n")
    }

    @Test func standalonePartialsAreIndented() {
        let partial = [ "partial": ">\n>"]
        #expect(mustache("|\r\n{{>partial}}\r\n|", partials: ["partial": ">"]) == "|\r\n>|")
        #expect(mustache("  {{>partial}}\n>", partials: partial) == "  >\n  >>")
        #expect(mustache(">\n  {{>partial}}", partials: partial) == ">\n  >\n  >")
        let template = "\\\n {{>partial}}\n/\n"
        let indented = "|\n{{{content}}}a b{{{content}}}c\n|\n"
        #expect(mustache(template, ["content": "<\n->"], partials: ["partial": indented]) == "\\\n |\n <\n->a b<\n->c\n |\n/\n")
    }

    @Test func indentationAddsUpAndSkipsRemovedLines() {
        let partials = ["outer": "o1\n  {{>inner}}\no2\n", "inner": "i1\n{{#no}}\nhidden\n{{/no}}\n\ni2\n"]
        #expect(mustache("  {{>outer}}\nend\n", ["no": false], partials: partials) == "  o1\n    i1\n    \n    i2\n  o2\nend\n")
    }

    @Test func comments() {
        #expect(mustache("12345{{! Comment Block! }}67890") == "1234567890")
        #expect(mustache("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n") == "1234567890\n")
        #expect(mustache("Begin.\n{{! Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(mustache("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(mustache("|\r\n{{! Standalone Comment }}\r\n|") == "|\r\n|")
        #expect(mustache("  {{! I'm Still Standalone }}\n!") == "!")
        #expect(mustache("!\n  {{! I'm Still Standalone }}") == "!\n")
        #expect(mustache("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(mustache("  12 {{! 34 }}\n") == "  12 \n")
        #expect(mustache("12345 {{! Comment Block! }} 67890") == "12345  67890")
        #expect(mustache("comments never show: >{{! comment }}<", ["! comment": 1]) == "comments never show: ><")
    }

    @Test func setDelimiters() {
        #expect(mustache("{{=<% %>=}}(<%text%>)", ["text": "Hey!"]) == "(Hey!)")
        #expect(mustache("({{=[ ]=}}[text])", ["text": "It worked!"]) == "(It worked!)")
        #expect(mustache("|{{= @   @ =}}|") == "||")
        let sections = "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n"
        #expect(mustache(sections, ["section": true, "data": "I got interpolated."])
            == "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n")
        #expect(mustache("{{=| |=}}|{text}| |&text|", ["text": "<x>"]) == "<x> <x>")
    }

    @Test func delimitersDoNotReachPartials() {
        let partials = ["include": ".{{value}}."]
        #expect(mustache("[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", ["value": "yes"], partials: partials) == "[ .yes. ]\n[ .yes. ]\n")
        #expect(mustache("[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n", ["value": "yes"], partials: ["include": ".{{value}}. {{= | | =}} .|value|."])
            == "[ .yes.  .yes. ]\n[ .yes.  .|value|. ]\n")
    }

    @Test func standaloneDelimiterTags() {
        #expect(mustache("Begin.\n{{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(mustache("Begin.\n  {{=@ @=}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(mustache("|\r\n{{= @ @ =}}\r\n|") == "|\r\n|")
        #expect(mustache("  {{=@ @=}}\n=") == "=")
        #expect(mustache("=\n  {{=@ @=}}") == "=\n")
        #expect(mustache("| {{=@ @=}}\n|") == "| \n|")
        #expect(mustache(" | {{=@ @=}} |\n") == " |  |\n")
    }

    @Test func pragmasAreIgnored() {
        #expect(mustache("{{% CONTENT_TYPE: HTML}}\n<{{x}}>", ["x": "&"]) == "<&amp;>")
    }
}
