import PlanfolioMarkdown

/// A finished chart: its markup as UTF-8 bytes, which `{{{svg}}}` copies into
/// the page as they are.
///
/// Handing the page a `String` made the chart's bytes be validated as UTF-8
/// once more (a tenth of a chart's cost) only for the renderer to copy them
/// back into bytes. These bytes are `SVGWriter`'s: ASCII markup and escaped text.
struct SVGMarkup: Sendable {
    let bytes: [UInt8]

    /// The markup as a `String`, for `{{svg}}` (escaped) and for tests.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension SVGMarkup: TemplateValue {
    func appendText(to output: inout [UInt8], escaped: Bool) {
        if escaped { text.appendHTMLEscapedUTF8(to: &output) } else { output.append(contentsOf: bytes) }
    }
}
