import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// Cases from the Mustache spec's interpolation.yml, plus the value types planfolio's contexts use.
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
        let data: [String: Any] = ["svg": markup, "list": [markup, markup] as [Any]]
        #expect(mustache("<p>{{{svg}}}</p>", data) == "<p><svg class=\"c\">é · &amp;</svg></p>")
        #expect(mustache("{{& svg}}", data) == markup.text)
        #expect(mustache("{{svg}}", data) == markup.text.htmlEscaped)
        #expect(mustache("{{#svg}}yes{{/svg}}{{^svg}}no{{/svg}}", data) == "yes")
        #expect(mustache("{{#list}}[{{{.}}}]{{/list}}", data) == "[\(markup.text)][\(markup.text)]")
    }

    @Test func escapesTheFiveHTMLCharactersOnlyInDoubleMustache() {
        let data: [String: Any] = ["forbidden": #"& " < > '"#]
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
        let data: [String: Any] = ["person": ["name": "Joe"], "a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]]
        #expect(mustache(#""{{person.name}}" == "{{#person}}{{name}}{{/person}}""#, data) == #""Joe" == "Joe""#)
        #expect(mustache("{{a.b.c.d.e.name}}", data) == "Phil")
        // Broken chains and chains resolved only from their first part.
        #expect(mustache("{{a.b.c}}", ["a": [String: Any]()]) == "")
        #expect(mustache("{{a.b.c.name}}", ["a": ["b": [String: Any]()], "c": ["name": "Jim"]]) == "")
        #expect(mustache("{{#a}}{{b.c}}{{/a}}", ["a": ["b": [String: Any]()], "b": ["c": "ERROR"]]) == "")
        // The first part is found anywhere on the stack.
        let nested: [String: Any] = ["a": ["x": 1], "b": ["c": ["d": "found"]]]
        #expect(mustache("{{#a}}{{b.c.d}}{{/a}}", nested) == "found")
    }

    @Test func leadingDotLooksOnlyAtTheTopOfTheStack() {
        let data: [String: Any] = ["name": "outer", "inner": ["other": 1]]
        #expect(mustache("{{#inner}}[{{name}}][{{.name}}]{{/inner}}", data) == "[outer][]")
    }

    @Test func implicitIterator() {
        #expect(mustache("{{#list}}({{.}}){{/list}}", ["list": ["a", "<b>"]]) == "(a)(&lt;b&gt;)")
        #expect(mustache("{{#list}}({{{.}}}){{/list}}", ["list": ["<b>"]]) == "(<b>)")
    }

    /// Documented in docs/theme.md: a dictionary or a list prints nothing, whatever it holds (a section walks it).
    @Test func structuredValuesPrintNothing() {
        let data: [String: Any] = ["d": ["b": 2, "a": 1], "e": [String: Any](), "dl": [["a": 1]], "sl": ["x", "y"], "l": [1, "two"] as [Any]]
        #expect(mustache("[{{d}}][{{{d}}}][{{&e}}][{{dl}}][{{sl}}][{{{l}}}][{{.}}]", data) == "[][][][][][][]")
        #expect(mustache("{{#d}}[{{.}}]{{a}}{{/d}}", data) == "[]1")
        #expect(mustache("{{#sl}}{{.}}{{/sl}}", data) == "xy")
    }

    /// `NSNull` and a nil Optional are null: they print nothing and are false, and they end the search for the name.
    @Test func nullPrintsNothingAndIsFalse() {
        let none: String? = nil
        for null in [NSNull() as Any, none as Any] {
            let data: [String: Any] = ["n": null, "outer": "x", "inner": ["outer": null]]
            #expect(mustache("[{{n}}][{{{n}}}][{{n.a}}]{{#n}}yes{{/n}}{{^n}}no{{/n}}", data) == "[][][]no")
            #expect(mustache("{{#inner}}[{{outer}}]{{/inner}}", data) == "[]")
        }
        let some: String? = "value"
        #expect(mustache("{{s}}{{#s}}!{{/s}}", ["s": some as Any]) == "value!")
    }

    /// The spec lets the root context be any value, not only a dictionary.
    @Test func anyValueAtTheRoot() {
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}", "a&b") == "<a&amp;b>t")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}", 85) == "<85>t")
        #expect(mustacheRoot("<{{.}}>", 1.5) == "<1.5>")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}", false) == "<false>f")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}", true) == "<true>t")
        #expect(mustacheRoot("<{{.}}>{{#.}}t{{/.}}{{^.}}f{{/.}}{{name}}", NSNull()) == "<>f")
        #expect(mustacheRoot("{{#.}}({{.}}){{/.}}{{^.}}empty{{/.}}", [1, "b"] as [Any]) == "(1)(b)")
        #expect(mustacheRoot("{{#.}}({{value}}){{/.}}", [["value": "a"], ["value": "b"]]) == "(a)(b)")
        #expect(mustacheRoot("{{#.}}x{{/.}}{{^.}}empty{{/.}}", [Any]()) == "empty")
    }

    @Test func interpolationTagsAreNeverStandalone() {
        #expect(mustache("  {{string}}\n", ["string": "---"]) == "  ---\n")
        #expect(mustache("  {{{string}}}\n", ["string": "---"]) == "  ---\n")
        #expect(mustache("  {{string}}\n", [:]) == "  \n")
        #expect(mustache("| {{string}} |", ["string": "---"]) == "| --- |")
    }
}
