import Mustache
import PlanfolioMarkdown

/// swift-mustache's HTML escaping, done with planfolio's byte-wise `htmlEscaped`.
///
/// swift-mustache escapes `{{value}}` one grapheme at a time through a
/// `[Character: String]` dictionary, which hashes every character: about 7%
/// of a build's instructions (docs/performance.md). It cannot be replaced as
/// the default content type, but a template may choose one with the pragma
/// `{{% CONTENT_TYPE: ... }}`, so `CompiledTheme` puts `pragma` on a line of
/// its own before every template (a standalone tag: the line renders as
/// nothing) and takes one from the line numbers it reports. The escapes are
/// the same five (`&lt; &gt; &amp; &quot; &#39;`); the one difference is
/// that a `<`, `>`, `&` or quote followed by a combining mark is escaped too,
/// where swift-mustache, seeing one grapheme, left it as it was.
struct FastHTMLContentType: MustacheContentType {
    static let name = "PLANFOLIO_HTML"

    /// Prepended to every template; registers the content type on first use.
    static var pragma: String {
        _ = registration
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }

    /// Registration writes swift-mustache's global table: done once, before any template is parsed.
    private static let registration: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        text.htmlEscaped
    }
}
