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
        renderBytes(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes, as the site's files hold them: no String in between.
    func renderBytes(_ name: String, _ context: [String: Any]) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(library: self, context: context, capacity: max(32_768, template.textSize * 4))
        renderer.render(template.nodes)
        return renderer.output
    }
}
