import PlanfolioMarkdown

/// Writes a document's body as HTML, cut where `PlanBodyLayout` placed a
/// plan's panels, so that computed panels (the timeline and phase table, the
/// responsibilities table, the approval panel) appear where a reader of the
/// plan looks for them, in place of the plan's raw tables.
///
/// Returns the segments for the `document` template:
/// `[{html, timelineHere, responsibilitiesHere, approvalsHere}]`, and the
/// whole body (its HTML, all segments in order, and its headings). A panel
/// that has no place in the layout goes after the last segment.
enum BodySplitter {
    static func render(_ blocks: ArraySlice<MarkdownNode>, layout: [PlanBodyLayout.Item], panels: [PlanPanel],
                       linker: (any HTMLRenderer.TextLinker)?) -> (segments: [[String: Any]], body: RenderedMarkdown) {
        var writer = HTMLRenderer.Writer(linker: linker)
        var segments: [[String: Any]] = []
        var html = ""
        for item in layout {
            switch item {
            case .block(let index):
                writer.write(BodyOutline.forPage(blocks[index]))
            case .panel(let panel):
                let text = writer.takeHTML()
                segments.append(["html": text, panel.rawValue: true])
                html += text
            }
        }
        let rest = writer.takeHTML()
        var last: [String: Any] = ["html": rest]
        for panel in panels where !layout.contains(.panel(panel)) { last[panel.rawValue] = true }
        segments.append(last)
        if html.isEmpty {
            html = rest
        } else {
            html += rest
        }
        return (segments, RenderedMarkdown(html: html, headings: writer.headings))
    }
}
