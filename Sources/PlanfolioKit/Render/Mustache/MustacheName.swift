/// A tag's name, split at its dots once when the template is parsed.
///
/// `{{.}}` is the implicit iterator (the top of the context stack); `a.b.c`
/// finds `a` anywhere on the stack and then `b` and `c` inside it only; a
/// name starting with a dot (`.a`, as swift-mustache allowed) looks only at
/// the top of the stack.
struct MustacheName: Sendable, Equatable {
    /// The name as written in the tag, e.g. `plan.title`.
    let text: String
    /// The dot-separated parts; empty for `{{.}}`.
    let parts: [TemplateName]
    /// Leading dot: look in the top of the stack only.
    let anchored: Bool

    init(_ text: String) {
        self.text = text
        self.parts = text == "." ? [] : text.split(separator: ".").map { TemplateName(String($0)) }
        self.anchored = text.first == "." && text != "."
    }

    var isImplicitIterator: Bool { parts.isEmpty }
}

/// One part of a tag's name (`plan` or `title` in `{{plan.title}}`), with
/// its key among the names planfolio's page models have, found once when
/// the template is parsed so that a model looks a member up with a `switch`
/// over `TemplateKey` instead of comparing strings.
struct TemplateName: Sendable, Equatable {
    let text: String
    /// Nil for a name no page model has (only `JSONValue` data can answer it).
    let key: TemplateKey?

    init(_ text: String) {
        self.text = text
        self.key = TemplateKey(rawValue: text)
    }
}
