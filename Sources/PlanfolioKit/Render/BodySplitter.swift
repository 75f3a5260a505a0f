import PlanfolioMarkdown

/// Writes a document's body as HTML, cut where `PlanBodyLayout` placed a
/// plan's panels, so that computed panels (the timeline and phase table, the
/// responsibilities table, the approval panel) appear where a reader of the
/// plan looks for them, in place of the plan's raw tables.
///
/// Returns the segments for the `document` template's `bodySegments`, and
/// the whole body (its HTML, all segments in order, and its headings). A
/// panel that has no place in the layout goes after the last segment.
enum BodySplitter {
    /// A piece of the body and the panels that follow it.
    struct Segment: TemplateValue, Equatable {
        /// Safe HTML (raw: `{{{html}}}`).
        var html: String
        /// Each is a member named by its raw value (`timelineHere`, ...), true; the others are no member.
        var panels: [PlanPanel] = []

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .html: html
            case .timelineHere: panels.contains(.timeline) ? true : nil
            case .responsibilitiesHere: panels.contains(.responsibilities) ? true : nil
            case .approvalsHere: panels.contains(.approvals) ? true : nil
            default: nil
            }
        }
    }

    static func render(_ blocks: ArraySlice<MarkdownNode>, layout: [PlanBodyLayout.Item], panels: [PlanPanel],
                       linker: (any HTMLRenderer.TextLinker)?) -> (segments: [Segment], body: RenderedMarkdown) {
        var writer = HTMLRenderer.Writer(linker: linker)
        var segments: [Segment] = []
        var html = ""
        for item in layout {
            switch item {
            case .block(let index):
                writer.write(BodyOutline.forPage(blocks[index]))
            case .panel(let panel):
                let text = writer.takeHTML()
                segments.append(Segment(html: text, panels: [panel]))
                html += text
            }
        }
        let rest = writer.takeHTML()
        segments.append(Segment(html: rest, panels: panels.filter { !layout.contains(.panel($0)) }))
        if html.isEmpty {
            html = rest
        } else {
            html += rest
        }
        return (segments, RenderedMarkdown(html: html, headings: writer.headings))
    }
}
