import Testing
@testable import PlanfolioKit

/// Cases from the Mustache spec's ~inheritance.yml: the layout/page pattern of the theme.
@Suite struct MustacheInheritanceTests {
    @Test func blocksRenderTheirDefaults() {
        #expect(mustache("{{$title}}Default title{{/title}}\n") == "Default title\n")
        #expect(mustache("{{$foo}}default {{bar}} content{{/foo}}\n", ["bar": "baz"]) == "default baz content\n")
        #expect(mustache("{{$foo}}default {{{bar}}} content{{/foo}}\n", ["bar": "<baz>"]) == "default <baz> content\n")
        #expect(mustache("{{$foo}}default {{#bar}}{{baz}}{{/bar}} content{{/foo}}\n", ["bar": ["baz": "qux"]]) == "default qux content\n")
        #expect(mustache("{{$foo}}default {{^bar}}{{baz}}{{/bar}} content{{/foo}}\n", ["baz": "three"]) == "default three content\n")
        #expect(mustache("{{$foo}}default {{#bar}}{{baz}}{{/bar}} content{{/foo}}\n", ["bar": ["baz": "{{qux}}"]]) == "default {{qux}} content\n")
    }

    @Test func parentsTakeOverrides() {
        #expect(mustache("{{<include}}{{/include}}", partials: ["include": "{{$foo}}default content{{/foo}}"]) == "default content")
        #expect(mustache("{{<super}}{{$title}}sub template title{{/title}}{{/super}}", partials: ["super": "...{{$title}}Default title{{/title}}..."])
            == "...sub template title...")
        #expect(mustache("{{<include}}{{$var}}var in template{{/var}}{{/include}}", ["var": "var in data"], partials: ["include": "{{$var}}var in include{{/var}}"])
            == "var in template")
        #expect(mustache("{{<include}}{{/include}}", ["var": "var in data"], partials: ["include": "{{$var}}var in include{{/var}}"]) == "var in include")
        #expect(mustache("test {{<parent}}{{$stuff}}override{{/stuff}}{{/parent}}", partials: ["parent": "{{$stuff}}...{{/stuff}}"]) == "test override")
        #expect(mustache("{{<parent}}{{$stuff2}}override two{{/stuff2}}{{/parent}}", partials: ["parent": "{{$stuff}}new default one{{/stuff}}, {{$stuff2}}new default two{{/stuff2}}"])
            == "new default one, override two")
        #expect(mustache("{{>parent}}|{{<parent}}{{/parent}}", partials: ["parent": "{{$foo}}default content{{/foo}}"]) == "default content|default content")
    }

    @Test func twoParentsKeepTheirOwnOverrides() {
        let template = "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n"
        #expect(mustache(template, partials: ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"])
            == "test |override1 default| |override2 default|\n")
    }

    @Test func overridesKeepTheirNewlinesAndTheBlockSiteIndentation() {
        #expect(mustache("{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}", partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"])
            == "peaked\n\n:(\n")
        #expect(mustache("{{<parent}}{{$nineties}}hammer time{{/nineties}}{{/parent}}", partials: ["parent": "stop:\n  {{$nineties}}collaborate and listen{{/nineties}}\n"])
            == "stop:\n  hammer time\n")
    }

    @Test func outermostOverrideWins() {
        let partials = ["parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}", "grandParent": "{{$a}}g{{/a}}"]
        #expect(mustache("{{<parent}}{{$a}}c{{/a}}{{/parent}}", partials: partials) == "c")
        #expect(mustache("{{<parent}}{{/parent}}", partials: partials) == "p")
        let recursive = ["parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
                         "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}"]
        #expect(mustache("{{<parent}}{{$foo}}override{{/foo}}{{/parent}}", partials: recursive) == "override override override don't recurse")
    }

    @Test func textInsideAParentIsIgnored() {
        let partials = ["parent": "{{$foo}}default content{{/foo}}"]
        #expect(mustache("{{<parent}} asdfasd {{$foo}}hmm{{/foo}} asdfasdfasdf {{/parent}}", partials: partials) == "hmm")
        #expect(mustache("{{<parent}} asdfasd asdfasdfasdf {{/parent}}", partials: partials) == "default content")
        #expect(mustache("{{<parent}}{{! note }}{{$foo}}x{{/foo}}{{/parent}}", partials: partials) == "x")
    }

    @Test func overridesRenderInTheContextWhereTheBlockIs() {
        let data: JSONValue = ["fruit": "apples", "nested": ["fruit": "bananas"]]
        #expect(mustache("{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}", data, partials: ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"])
            == "I say bananas.")
    }

    /// The theme's shape: a page fills a layout's blocks; standalone tags leave no blank lines.
    @Test func layoutAndPage() {
        let layout = "<title>{{$title}}Site{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n"
        let page = "{{<layout}}\n{{$title}}{{name}}{{/title}}\n{{$main}}\n<h1>{{name}}</h1>\n{{#items}}\n<li>{{.}}</li>\n{{/items}}\n{{/main}}\n{{/layout}}\n"
        #expect(mustache(page, ["name": "A&B", "items": ["x", "y"]], partials: ["layout": layout])
            == "<title>A&amp;B</title>\n<main>\n<h1>A&amp;B</h1>\n<li>x</li>\n<li>y</li>\n\n</main>\n")
    }

    @Test func standaloneBlockInAParentIsIndented() {
        #expect(mustache("{{<parent}}{{$b}}one\ntwo\n{{/b}}{{/parent}}", partials: ["parent": "Hi,\n  {{$b}}\n  {{/b}}\nbye\n"])
            == "Hi,\n  one\n  two\nbye\n")
    }

    /// A block's default content is written as it stands; only an override is indented to the block's place.
    @Test func blockDefaultKeepsItsOwnIndentation() {
        let parent = "<ul>\n  {{$items}}\n  <li>x</li>\n  {{/items}}\n</ul>\n"
        #expect(mustache("{{<p}}{{/p}}", partials: ["p": parent]) == "<ul>\n  <li>x</li>\n</ul>\n")
        #expect(mustache("{{<p}}\n{{$items}}\n<li>a</li>\n<li>b</li>\n{{/items}}\n{{/p}}\n", partials: ["p": parent])
            == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    /// An override written indented loses its first line's indentation; deeper lines keep the difference.
    @Test func overrideIndentationIsRelativeToItsFirstLine() {
        let parent = "<ul>\n  {{$items}}\n  {{/items}}\n</ul>\n"
        let child = "{{<p}}\n    {{$items}}\n    <li>a\n      <b>b</b></li>\n    {{/items}}\n{{/p}}\n"
        #expect(mustache(child, partials: ["p": parent]) == "<ul>\n  <li>a\n    <b>b</b></li>\n</ul>\n")
    }

    /// A parent pair on one line is standalone only when its line holds nothing else; otherwise it is inline text.
    @Test func parentPairOnOneLine() {
        let partials = ["p": "x\ny{{$b}}{{/b}}"]
        #expect(mustache("  {{<p}}{{$b}}B{{/b}}{{/p}}\nend", partials: partials) == "  x\n  yBend")
        #expect(mustache("  {{<p}}{{/p}} tail\n", partials: partials) == "  x\ny tail\n")
        #expect(mustache("a {{<p}}{{/p}}\n", partials: partials) == "a x\ny\n")
    }
}
