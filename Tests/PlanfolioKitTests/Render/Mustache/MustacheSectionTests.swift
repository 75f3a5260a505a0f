import Testing
@testable import PlanfolioKit

/// Cases from the Mustache spec's sections.yml and inverted.yml, and swift-mustache's truthiness, which planfolio keeps.
@Suite struct MustacheSectionTests {
    @Test func truthyAndFalsey() {
        #expect(mustache(#""{{#boolean}}This should be rendered.{{/boolean}}""#, ["boolean": true]) == #""This should be rendered.""#)
        #expect(mustache(#""{{#boolean}}This should not be rendered.{{/boolean}}""#, ["boolean": false]) == #""""#)
        #expect(mustache(#""{{#missing}}Found key 'missing'!{{/missing}}""#) == #""""#)
        #expect(mustache(#""{{^boolean}}This should be rendered.{{/boolean}}""#, ["boolean": false]) == #""This should be rendered.""#)
        #expect(mustache(#""{{^boolean}}This should not be rendered.{{/boolean}}""#, ["boolean": true]) == #""""#)
        #expect(mustache(#""{{^missing}}Found key 'missing'!{{/missing}}""#) == #""Found key 'missing'!""#)
    }

    /// Documented in docs/theme.md: only false, a missing name and an empty list are falsey.
    @Test func emptyStringZeroAndEmptyDictionaryAreTruthy() {
        #expect(mustache("{{#s}}yes{{/s}}{{^s}}no{{/s}}", ["s": ""]) == "yes")
        #expect(mustache("{{#n}}yes {{.}}{{/n}}{{^n}}no{{/n}}", ["n": 0]) == "yes 0")
        #expect(mustache("{{#d}}yes{{/d}}{{^d}}no{{/d}}", ["d": [:]]) == "yes")
        #expect(mustache("{{#l}}yes{{/l}}{{^l}}no{{/l}}", ["l": []]) == "no")
        #expect(mustacheRoot("{{#l}}yes{{/l}}{{^l}}no{{/l}}", TestModel(["l": [String]()])) == "no")
        #expect(mustacheRoot("{{#l}}yes{{/l}}{{^l}}no{{/l}}", TestModel(["l": [Badge]()])) == "no")
        #expect(mustacheRoot("{{#m}}yes{{/m}}{{^m}}no{{/m}}", TestModel(["m": NotFoundPage()])) == "yes")
    }

    @Test func dictionaryPushesAContextAndParentsStayVisible() {
        let data: JSONValue = ["a": "foo", "b": "wrong", "sec": ["b": "bar"], "c": ["d": "baz"]]
        #expect(mustache("{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}", data) == "foo, bar, baz")
        #expect(mustache(#""{{#context}}Hi {{name}}.{{/context}}""#, ["context": ["name": "Joe"]]) == #""Hi Joe.""#)
        #expect(mustache("{{#foo}}{{.}} is {{foo}}{{/foo}}", ["foo": "bar"]) == "bar is bar")
    }

    @Test func deeplyNestedContexts() {
        let data: JSONValue = ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3, "d": ["four": 4, "five": 5]]]
        let template = "{{#a}}{{one}}{{#b}}{{one}}{{two}}{{#c}}{{one}}{{two}}{{three}}{{#d}}{{four}}{{five}}{{/d}}{{/c}}{{/b}}{{/a}}"
        #expect(mustache(template, data) == "1121234" + "5")
    }

    @Test func listsOfEveryKind() {
        #expect(mustache(#""{{#list}}{{item}}{{/list}}""#, ["list": [["item": 1], ["item": 2], ["item": 3]]]) == #""123""#)
        #expect(mustache(#""{{#list}}({{.}}){{/list}}""#, ["list": ["a", "b"]]) == #""(a)(b)""#)
        let mixed: JSONValue = [1, "two", ["x": 3], true, [["y": 4]]]
        #expect(mustache("{{#list}}[{{.}}{{x}}{{#y}}{{/y}}]{{/list}}", ["list": mixed]).map { $0.hasPrefix("[1][two][") } == true)
        #expect(mustache(#""{{#list}}Yay lists!{{/list}}""#, ["list": []]) == #""""#)
        #expect(mustache("{{#list}}{{#.}}{{.}}{{/.}}|{{/list}}", ["list": [["a", "b"], ["c"]]]) == "ab|c|")
    }

    @Test func invertedListsAndContexts() {
        #expect(mustache(#""{{^list}}{{n}}{{/list}}""#, ["list": [["n": 1]]]) == #""""#)
        #expect(mustache(#""{{^list}}Yay lists!{{/list}}""#, ["list": []]) == #""Yay lists!""#)
        #expect(mustache(#""{{^context}}Hi {{name}}.{{/context}}""#, ["context": ["name": "Joe"]]) == #""""#)
    }

    @Test func dottedSectionNames() {
        let data: JSONValue = ["a": ["b": ["c": true]]]
        #expect(mustache(#""{{#a.b.c}}Here{{/a.b.c}}" == "Here""#, data) == #""Here" == "Here""#)
        #expect(mustache(#""{{^a.b.c}}Here{{/a.b.c}}" == """#, data) == #""" == """#)
        #expect(mustache(#""{{#a.b.x}}Here{{/a.b.x}}" == """#, data) == #""" == """#)
    }

    @Test func surroundingAndInternalWhitespaceIsKept() {
        #expect(mustache(" | {{#boolean}}\t|\t{{/boolean}} | \n", ["boolean": true]) == " | \t|\t | \n")
        #expect(mustache(" | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", ["boolean": true]) == " |  \n  | \n")
        #expect(mustache(" {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", ["boolean": true]) == " YES\n GOOD\n")
        #expect(mustache(" | {{^boolean}}\t|\t{{/boolean}} | \n", ["boolean": false]) == " | \t|\t | \n")
    }

    @Test func standaloneSectionLinesAreRemoved() {
        let data: JSONValue = ["boolean": true]
        #expect(mustache("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", data) == "| This Is\n|\n| A Line\n")
        #expect(mustache("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", data) == "| This Is\n|\n| A Line\n")
        #expect(mustache("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data) == "|\r\n|")
        #expect(mustache("  {{#boolean}}\n#{{/boolean}}\n/", data) == "#\n/")
        #expect(mustache("#{{#boolean}}\n/\n  {{/boolean}}", data) == "#\n/\n")
        #expect(mustache("| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n", ["boolean": false]) == "| This Is\n|\n| A Line\n")
    }

    @Test func twoTagsOnALineAreNotStandalone() {
        let data: JSONValue = ["a": true, "b": true]
        #expect(mustache("{{#a}}\n{{#b}}\nx{{/b}}{{/a}}\ny", data) == "x\ny")
        #expect(mustache("{{#a}}{{/a}}\nz", data) == "\nz")
        #expect(mustache("{{#a}}\nx\n{{/a}} {{#b}}\ny{{/b}}", data) == "x\n \ny")
    }

    @Test func paddingInsideSectionTags() {
        #expect(mustache("|{{# boolean }}={{/ boolean }}|", ["boolean": true]) == "|=|")
        #expect(mustache("|{{^ boolean }}={{/ boolean }}|", ["boolean": false]) == "|=|")
    }
}
