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
        renderBytes(name, root: .dictionary(context))
    }

    /// The named template over a context of any type (a string, a number, a
    /// list, `NSNull`...), as the Mustache spec allows; planfolio's pages are dictionaries.
    func render(_ name: String, root: Any) -> String? {
        renderBytes(name, root: MustacheValue(root)).map { String(decoding: $0, as: UTF8.self) }
    }

    private func renderBytes(_ name: String, root: MustacheValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(library: self, root: root, capacity: max(32_768, template.textSize * 4))
        renderer.render(template.nodes)
        return renderer.output
    }
}
