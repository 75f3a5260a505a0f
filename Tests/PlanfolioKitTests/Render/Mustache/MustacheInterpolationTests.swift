import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// Cases from the Mustache spec's interpolation.yml, plus the value types planfolio's page models use.
@Suite struct MustacheInterpolationTests {
    @Test func plainTextAndNoTags() {
        #expect(mustache("Hello from {Mustache}!\n") == "Hello from {Mustache}!\n")
        #expect(mustache("") == "")
    }

    @Test func basicInterpolation() {
        #expect(mustache("Hello, {{subject}}!\n", ["subject": "world"]) == "Hello, world!\n")
        #expect(mustache("|{{ string }}|", ["string": "---"]) == "|---|")
        #expect(mustache("|{{{ string }}}|{{& string }}|", ["string": "---"]) == "|---|---|")
    }

    @Test func chartMarkupGoesInAsBytesAndIsEscapedLikeAString() {
        let markup = SVGMarkup(bytes: Array("<svg class=\"c\">é · &amp;</svg>".utf8))
        let data = TestModel(["svg": markup, "list": [markup, markup]])
        #expect(mustacheRoot("<p>{{{svg}}}</p>", data) == "<p><svg class=\"c\">é · &amp;</svg></p>")
        #expect(mustacheRoot("{{& svg}}", data) == markup.text)
        #expect(mustacheRoot("{{svg}}", data) == markup.text.htmlEscaped)
        #expect(mustacheRoot("{{#svg}}yes{{/svg}}{{^svg}}no{{/svg}}", data) == "yes")
        #expect(mustacheRoot("{{#list}}[{{{.}}}]{{/list}}", data) == "[\(markup.text)][\(markup.text)]")
    }

    @Test func escapesTheFiveHTMLCharactersOnlyInDoubleMustache() {
        let data: JSONValue = ["forbidden": #"& " < > '"#]
        #expect(mustache("{{forbidden}}", data) == "&amp; &quot; &lt; &gt; &#39;")
        #expect(mustache("{{{forbidden}}}", data) == #"& " < > '"#)
        #expect(mustache("{{&forbidden}}", data) == #"& " < > '"#)
        #expect(mustache("{{x}}", ["x": "Zoë > 日本 <b>"]) == "Zoë &gt; 日本 &lt;b&gt;")
        #expect(mustache("{{x}}", ["x": "no escapes needed"]) == "no escapes needed")
    }

    @Test func numbersAndBoolsPrintAsSwiftDoes() {
        #expect(mustache("{{mph}} miles an hour", ["mph": 85]) == "85 miles an hour")
        #expect(mustache("{{n}}", ["n": -3]) == "-3")
        #expect(mustache("{{power}}", ["power": 1.21]) == "1.21")
        #expect(mustache("{{yes}} {{no}}", ["yes": true, "no": false]) == "true false")
    }

    @Test func missingNamesAreEmpty() {
        #expect(mustache("I ({{cannot}}) be seen!") == "I () be seen!")
        #expect(mustache("I ({{{cannot}}}) be seen!") == "I () be seen!")
    }

    @Test func dottedNames() {
        let data: JSONValue = ["person": ["name": "Joe"], "a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]]
        #expect(mustache(#""{{person.name}}" == "{{#person}}{{name}}{{/person}}""#, data) == #""Joe" == "Joe""#)
        #expect(mustache("{{a.b.c.d.e.name}}", data) == "Phil")
        // Broken chains and chains resolved only from their first part.
        #expect(mustache("{{a.b.c}}", ["a": [:]]) == "")
        #expect(mustache("{{a.b.c.name}}", ["a": ["b": [:]], "c": ["name": "Jim"]]) == "")
        #expect(mustache("{{#a}}{{b.c}}{{/a}}", ["a": ["b": [:]], "b": ["c": "ERROR"]]) == "")
        // The first part is found anywhere on the stack.
        let nested: JSONValue = ["a": ["x": 1], "b": ["c": ["d": "found"]]]
        #expect(mustache("{{#a}}{{b.c.d}}{{/a}}", nested) == "found")
    }

    @Test func leadingDotLooksOnlyAtTheTopOfTheStack() {
        let data: JSONValue = ["name": "outer", "inner": ["other": 1]]
        #expect(mustache("{{#inner}}[{{name}}][{{.name}}]{{/inner}}", data) == "[outer][]")
    }

    @Test func implicitIterator() {
        #expect(mustache("{{#list}}({{.}}){{/list}}", ["list": ["a", "<b>"]]) == "(a)(&lt;b&gt;)")
        #expect(mustache("{{#list}}({{{.}}}){{/list}}", ["list": ["<b>"]]) == "(<b>)")
    }

    /// Documented in docs/theme.md: a dictionary or a list prints nothing, whatever it holds (a section walks it).
    @Test func structuredValuesPrintNothing() {
        let data: JSONValue = ["d": ["b": 2, "a": 1], "e": [:], "dl": [["a": 1]], "sl": ["x", "y"], "l": [1, "two"]]
        #expect(mustache("[{{d}}][{{{d}}}][{{&e}}][{{dl}}][{{sl}}][{{{l}}}][{{.}}]", data) == "[][][][][][][]")
        #expect(mustache("{{#d}}[{{.}}]{{a}}{{/d}}", data) == "[]1")
        #expect(mustache("{{#sl}}{{.}}{{/sl}}", data) == "xy")
    }

    /// JSON null and a nil held as a value are null: they print nothing and are false, and they end the search for the name.
    @Test func nullPrintsNothingAndIsFalse() {
        let json: JSONValue = ["n": nil, "outer": "x", "inner": ["outer": nil]]
        let none: String? = nil
        let held = TestModel(["n": none, "outer": "x", "inner": TestModel(["outer": none])])
        for data in [json as any TemplateValue, held] {
            #expect(mustacheRoot("[{{n}}][{{{n}}}][{{n.a}}]{{#n}}yes{{/n}}{{^n}}no{{/n}}", data) == "[][][]no")
            #expect(mustacheRoot("{{#inner}}[{{outer}}]{{/inner}}", data) == "[]")
        }
        let some: String? = "value"
        #expect(mustacheRoot("{{s}}{{#s}}!{{/s}}", TestModel(["s": some])) == "value!")
    }

    /// A model member that is nil is no member at all: the name is looked for further out, as a key left out of a dictionary.
    @Test func aNilModelMemberIsLookedForFurtherOut() {
        let row = DocumentPage.MetadataRow(label: "Owner", value: "Ana", struck: false, href: nil)
        let page = TestModel(["href": "outer.html", "metadata": [row]])
        #expect(mustacheRoot("{{#metadata}}{{label}}: {{value}} [{{href}}]{{#href}} linked{{/href}}{{/metadata}}", page)
                == "Owner: Ana [outer.html] linked")
        #expect(mustacheRoot("{{#metadata}}[{{.href}}]{{/metadata}}", page) == "[]")
    }

    /// The spec lets the root context be any value, not only a dictionary.
    @Test func anyValueAtTheRoot() {
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}", "a&b") == "<a&amp;b>t")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}", 85) == "<85>t")
        #expect(mustacheRoot("<{{.}}>", 1.5 as JSONValue) == "<1.5>")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}", false) == "<false>f")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}", true) == "<true>t")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}{{name}}", JSONValue.null) == "<>f")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}{{name}}", String?.none) == "<>f")
        #expect(mustacheRoot("{{#.}}({{.}}){{/.}}{{^.}}empty{{/.}}", [1, "b"] as JSONValue) == "(1)(b)")
        #expect(mustacheRoot("{{#.}}({{value}}){{/.}}", [["value": "a"], ["value": "b"]] as JSONValue) == "(a)(b)")
        #expect(mustacheRoot("{{#.}}x{{/.}}{{^.}}empty{{/.}}", [] as JSONValue) == "empty")
        #expect(mustacheRoot("{{#.}}({{.}}){{/.}}{{^.}}empty{{/.}}", ["a", "b"]) == "(a)(b)")
        #expect(mustacheRoot("{{#.}}x{{/.}}{{^.}}empty{{/.}}", [Badge]()) == "empty")
    }

    @Test func interpolationTagsAreNeverStandalone() {
        #expect(mustache("  {{string}}\n", ["string": "---"]) == "  ---\n")
        #expect(mustache("  {{{string}}}\n", ["string": "---"]) == "  ---\n")
        #expect(mustache("  {{string}}\n", [:]) == "  \n")
        #expect(mustache("| {{string}} |", ["string": "---"]) == "| --- |")
    }
}
