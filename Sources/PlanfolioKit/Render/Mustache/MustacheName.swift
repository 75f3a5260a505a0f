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
    let parts: [String]
    /// Leading dot: look in the top of the stack only.
    let anchored: Bool

    init(_ text: String) {
        self.text = text
        self.parts = text == "." ? [] : text.split(separator: ".").map(String.init)
        self.anchored = text.first == "." && text != "."
    }

    var isImplicitIterator: Bool { parts.isEmpty }
}
