import Foundation

/// Cuts a rendered body where `PlanBodyLayout` marked the places of a plan's
/// panels, so that computed panels (the timeline and phase table, the
/// responsibilities table, the approval panel) appear where a reader of the
/// plan looks for them, in place of the plan's raw tables.
///
/// Returns the segments for the `document` template:
/// `[{html, timelineHere, responsibilitiesHere, approvalsHere}]`, and the
/// body's HTML without the markers. A panel whose marker is not found goes
/// after the last segment.
enum BodySplitter {
    static func split(html: String, panels: [PlanPanel]) -> (segments: [[String: Any]], html: String) {
        guard !panels.isEmpty else { return ([["html": html]], html) }
        var cuts: [(range: Range<String.Index>, panel: PlanPanel)] = []
        var atEnd: [PlanPanel] = []
        for panel in panels {
            if let range = firstRange(of: panel.renderedMarker, in: html) {
                cuts.append((range, panel))
            } else {
                atEnd.append(panel)
            }
        }
        cuts.sort { $0.range.lowerBound < $1.range.lowerBound }

        var segments: [[String: Any]] = []
        var plain = ""
        var start = html.startIndex
        for cut in cuts {
            let text = String(html[start..<cut.range.lowerBound])
            segments.append(["html": text, cut.panel.rawValue: true])
            plain += text
            start = cut.range.upperBound
        }
        let rest = String(html[start...])
        plain += rest
        var last: [String: Any] = ["html": rest]
        for panel in atEnd { last[panel.rawValue] = true }
        segments.append(last)
        return (segments, plain)
    }

    /// The first occurrence of `needle` in `text`, compared byte by byte
    /// (Foundation's `range(of:)` went through `CFStringFind`, 4% of a
    /// build; walking `String.UTF8View` indices was still 2.5%, so the bytes
    /// are searched by `UTF8Search`). The marker starts with `<`, so a match
    /// starts and ends on character boundaries.
    static func firstRange(of needle: String, in text: String) -> Range<String.Index>? {
        guard let offset = UTF8Search.firstOffset(of: needle, in: text) else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
