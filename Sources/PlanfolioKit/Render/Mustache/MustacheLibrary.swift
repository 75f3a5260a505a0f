/// A theme's templates, parsed, by name: what partials and parents refer to.
///
/// planfolio's own Mustache engine (docs/performance.md, "Our own Mustache"):
/// parsed once per build, rendered many times from any thread.
struct MustacheLibrary: Sendable {
    let templates: [String: MustacheTemplate]

    init(templates: [String: MustacheTemplate]) {
        self.templates = templates
    }

    /// The named template over `context`, or nil if there is no such template.
    func render(_ name: String, _ context: [String: Any]) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(library: self, context: context, capacity: max(32_768, template.textSize * 4))
        renderer.render(template.nodes)
        return String(decoding: renderer.output, as: UTF8.self)
    }
}
