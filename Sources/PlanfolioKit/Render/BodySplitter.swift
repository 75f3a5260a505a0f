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
            if let range = html.range(of: panel.renderedMarker) {
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
}
