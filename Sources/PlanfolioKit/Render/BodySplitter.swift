import PlanfolioMarkdown

/// Cuts a rendered body after chosen headings so that computed panels (the
/// timeline under "Implementation Plan", the approval panel under
/// "Approval") appear where a reader of the plan looks for them.
///
/// Returns the segments for the `document` template:
/// `[{html, timelineHere, approvalsHere}]`. A heading that is not found puts
/// its panel after the last segment.
enum BodySplitter {
    static func segments(html: String, headings: [RenderedHeading], timeline: Bool, approvals: Bool) -> [[String: Any]] {
        var cuts: [(offset: Int, key: String)] = []
        var atEnd: [String] = []
        func place(_ key: String, heading text: String) {
            if let offset = offsetAfter(heading: text, html: html, headings: headings) {
                cuts.append((offset, key))
            } else {
                atEnd.append(key)
            }
        }
        if timeline { place("timelineHere", heading: "implementation plan") }
        if approvals { place("approvalsHere", heading: "approval") }
        cuts.sort { $0.offset < $1.offset }

        let bytes = Array(html.utf8)
        var segments: [[String: Any]] = []
        var start = 0
        for cut in cuts {
            segments.append(["html": String(decoding: bytes[start..<cut.offset], as: UTF8.self), cut.key: true])
            start = cut.offset
        }
        var last: [String: Any] = ["html": String(decoding: bytes[start...], as: UTF8.self)]
        for key in atEnd { last[key] = true }
        segments.append(last)
        return segments
    }

    /// UTF-8 offset just after the closing tag (and its line end) of the first heading with this text.
    static func offsetAfter(heading text: String, html: String, headings: [RenderedHeading]) -> Int? {
        guard let heading = headings.first(where: { $0.text.trimmingSpaces.lowercased() == text }) else { return nil }
        let bytes = Array(html.utf8)
        let open = Array("<h\(heading.level) id=\"\(heading.anchor.htmlEscaped)\">".utf8)
        let close = Array("</h\(heading.level)>".utf8)
        guard let openAt = find(open, in: bytes, from: 0),
              let closeAt = find(close, in: bytes, from: openAt + open.count) else { return nil }
        var end = closeAt + close.count
        if end < bytes.count && bytes[end] == UInt8(ascii: "\n") { end += 1 }
        return end
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
