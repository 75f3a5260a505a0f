/// A parsed template: its node tree and the templates it names.
struct MustacheTemplate: Sendable {
    let nodes: [MustacheNode]
    /// Every `{{>name}}` and `{{<name}}`, with its line, for the theme check.
    let references: [(name: String, line: Int)]
    /// The template's size in bytes: a first guess at how large its output is.
    let textSize: Int

    init(_ text: String) throws(MustacheParseError) {
        var parser = MustacheParser(text)
        nodes = try parser.parse()
        references = parser.references
        textSize = text.utf8.count
    }
}
