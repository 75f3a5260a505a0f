/// Chart markup that depends on nothing but the chart's id prefix, such as
/// the pattern definitions and a legend: written once, with a placeholder
/// for the prefix, and then copied into each chart with its own prefix.
///
/// Every plan and every review page draws the same `<defs>` and legend (a
/// few dozen elements, a sixth of a chart's cost); copying the bytes is
/// what writing them again would produce, since nothing else in them varies.
struct PrefixedMarkup: Sendable {
    /// Stands for the prefix while recording; no chart markup written from code contains it.
    private static let placeholder: UInt8 = 0x01

    /// The recorded bytes between the places where the prefix goes.
    let pieces: [[UInt8]]

    /// Records what `write` puts into an empty writer for the prefix it is given.
    init(_ write: (inout SVGWriter, String) -> Void) {
        var svg = SVGWriter()
        write(&svg, String(decoding: [Self.placeholder], as: UTF8.self))
        pieces = svg.finishFragment().split(separator: Self.placeholder, omittingEmptySubsequences: false).map(Array.init)
    }
}
