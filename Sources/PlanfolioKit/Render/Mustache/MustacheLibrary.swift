/// A theme's templates, parsed, by name: what partials and parents refer to.
///
/// planfolio's own Mustache engine (docs/performance.md, "Our own Mustache"):
/// parsed once per build, rendered many times from any thread.
struct MustacheLibrary: Sendable {
    let templates: [String: MustacheTemplate]

    init(templates: [String: MustacheTemplate]) {
        self.templates = templates
    }

    /// The named template over `root`, or nil if there is no such template.
    /// planfolio's pages are page models; the Mustache spec's tests give
    /// any JSON value (a string, a number, a list...).
    func render(_ name: String, _ root: some TemplateValue) -> String? {
        renderBytes(name, root).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes, as the site's files hold them: no String in between.
    func renderBytes(_ name: String, _ root: some TemplateValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(library: self, root: root, capacity: max(32_768, template.textSize * 4))
        renderer.render(template.nodes)
        return renderer.output
    }
}
