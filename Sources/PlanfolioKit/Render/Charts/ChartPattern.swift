/// The fill patterns `ChartStyle.definitions` puts in each chart's `<defs>`:
/// a bar refers to one as `url(#PREFIX-NAME)` (`SVGValue.pattern`).
///
/// An enum rather than the name itself, so that `SVGValue` stays small
/// enough to be copied inline: with a `StaticString` beside the prefix it
/// grew past the size Swift copies without a runtime call, and every
/// attribute paid for one.
enum ChartPattern {
    /// Overdue and breach: red diagonal hatching.
    case hatch
    /// In progress: blue dots.
    case dots
    /// Blocked: cross-hatching.
    case cross

    var name: StaticString {
        switch self {
        case .hatch: "hatch"
        case .dots: "dots"
        case .cross: "cross"
        }
    }
}
