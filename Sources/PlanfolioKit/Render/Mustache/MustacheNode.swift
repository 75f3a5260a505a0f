/// One piece of a compiled Mustache template.
///
/// Templates are parsed once per build (`MustacheParser`) into a tree of
/// these; rendering walks the tree and never looks at template text again.
/// Text is kept as UTF-8 bytes because the renderer writes bytes.
indirect enum MustacheNode: Sendable {
    /// Literal template text.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(MustacheName, escaped: Bool)
    /// `{{#name}}...{{/name}}`.
    case section(MustacheName, [MustacheNode])
    /// `{{^name}}...{{/name}}`.
    case invertedSection(MustacheName, [MustacheNode])
    /// `{{>name}}`; `indentation` is the whitespace before a standalone tag, added to each of the partial's lines.
    case partial(String, indentation: [UInt8])
    /// `{{<name}}...{{/name}}`: renders template `name` with the blocks defined inside replacing its own.
    case parent(String, overrides: [String: [MustacheNode]], indentation: [UInt8])
    /// `{{$name}}default{{/name}}`: a place an inheriting template may fill.
    /// An override put here gets `indentation` on each of its lines, or, when
    /// `continuesLine` (the block's tags share an indented line), on each line after its first.
    case block(String, defaultContent: [MustacheNode], indentation: [UInt8], continuesLine: Bool)
}
