@testable import PlanfolioMarkdown

/// `HTMLRenderer` as it was before it wrote bytes (`HTMLRenderer.Writer`):
/// `String` appends. Kept verbatim as the oracle `HTMLRendererEquivalenceTests`
/// compares the renderer with.
struct StringHTMLRenderer {
    /// Prefix for heading anchors, so that headings in a document never collide
    /// with the page's own ids (e.g. `main`).
    var anchorPrefix: String

    init(anchorPrefix: String = "") {
        self.anchorPrefix = anchorPrefix
    }

    func render(_ document: MarkdownNode) -> RenderedMarkdown {
        var state = State(slugger: HeadingSlugger(), anchorPrefix: anchorPrefix)
        state.out.reserveCapacity(document.literal.utf8.count + 4096)
        state.block(document)
        return RenderedMarkdown(html: state.out, headings: state.headings)
    }

    private struct State {
        var slugger: HeadingSlugger
        var anchorPrefix: String
        var out = ""
        var headings: [RenderedHeading] = []
        var tightStack: [Bool] = []
        var inLink = 0

        mutating func children(_ node: MarkdownNode) {
            node.forEachChild { block($0) }
        }

        mutating func block(_ node: MarkdownNode) {
            switch node.kind {
            case .document:
                children(node)
            case .paragraph:
                if tightStack.last == true {
                    children(node)
                } else {
                    out += "<p>"
                    children(node)
                    out += "</p>\n"
                }
            case .heading(let level):
                let text = node.plainText
                let anchor = anchorPrefix + slugger.slug(text)
                headings.append(RenderedHeading(level: level, text: text, anchor: anchor, line: node.line))
                out += "<h\(level) id=\"\(anchor.htmlEscaped)\">"
                children(node)
                out += "</h\(level)>\n"
            case .blockQuote:
                out += "<blockquote>\n"
                tightStack.append(false)
                children(node)
                tightStack.removeLast()
                out += "</blockquote>\n"
            case .list(let ordered, let start, let tight):
                if ordered {
                    out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
                } else {
                    out += "<ul>\n"
                }
                tightStack.append(tight)
                children(node)
                tightStack.removeLast()
                out += ordered ? "</ol>\n" : "</ul>\n"
            case .item(let task):
                if let checked = task {
                    out += "<li class=\"task\"><span class=\"task-box\" role=\"img\" aria-label=\""
                    out += checked ? "done\">\u{2611}</span> " : "not done\">\u{2610}</span> "
                } else {
                    out += "<li>"
                }
                children(node)
                out += "</li>\n"
            case .codeBlock(let info):
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                if language.isEmpty {
                    out += "<pre><code>"
                } else {
                    out += "<pre><code class=\"language-\(language.htmlEscaped)\">"
                }
                out += node.literal.htmlEscaped
                out += "</code></pre>\n"
            case .htmlBlock, .htmlInline:
                break  // raw HTML never reaches the site
            case .thematicBreak:
                out += "<hr>\n"
            case .table(let alignments):
                out += "<div class=\"table-wrap\"><table>\n"
                var wroteBody = false
                for row in node.children {
                    if case .tableRow(true) = row.kind {
                        out += "<thead>\n"
                        tableRow(row, alignments: alignments, cellTag: "th")
                        out += "</thead>\n"
                    } else {
                        if !wroteBody {
                            out += "<tbody>\n"
                            wroteBody = true
                        }
                        tableRow(row, alignments: alignments, cellTag: "td")
                    }
                }
                if wroteBody { out += "</tbody>\n" }
                out += "</table></div>\n"
            case .tableRow, .tableCell:
                children(node)
            default:
                inline(node)
            }
        }

        mutating func tableRow(_ row: MarkdownNode, alignments: [MarkdownNode.TableAlignment], cellTag: String) {
            out += "<tr>"
            for (column, cell) in row.children.enumerated() {
                let alignment = column < alignments.count ? alignments[column] : .none
                switch alignment {
                case .none: out += "<\(cellTag)>"
                case .left: out += "<\(cellTag) class=\"align-left\">"
                case .center: out += "<\(cellTag) class=\"align-center\">"
                case .right: out += "<\(cellTag) class=\"align-right\">"
                }
                cell.forEachChild { inline($0) }
                out += "</\(cellTag)>"
            }
            out += "</tr>\n"
        }

        mutating func inline(_ node: MarkdownNode) {
            switch node.kind {
            case .text:
                out += node.literal.htmlEscaped
            case .softBreak:
                out += "\n"
            case .lineBreak:
                out += "<br>\n"
            case .code:
                out += "<code>" + node.literal.htmlEscaped + "</code>"
            case .emphasis:
                wrap("em", node)
            case .strong:
                wrap("strong", node)
            case .strikethrough:
                wrap("del", node)
            case .link(let url, let title):
                if URLSafety.isSafe(url), inLink == 0 {
                    out += "<a href=\"" + url.htmlEscaped + "\""
                    if !title.isEmpty { out += " title=\"" + title.htmlEscaped + "\"" }
                    if URLSafety.isRemote(url) { out += " rel=\"noopener noreferrer\"" }
                    out += ">"
                    inLink += 1
                    node.forEachChild { inline($0) }
                    inLink -= 1
                    out += "</a>"
                } else {
                    node.forEachChild { inline($0) }
                }
            case .image(let url, let title):
                let alt = node.plainText
                if URLSafety.isRemote(url) {
                    // Never loaded: shown as a link to the image instead.
                    let label = alt.isEmpty ? url : alt
                    if inLink == 0 {
                        out += "<a class=\"remote-image\" href=\"" + url.htmlEscaped + "\" rel=\"noopener noreferrer\">"
                        out += "Image: " + label.htmlEscaped + "</a>"
                    } else {
                        out += "Image: " + label.htmlEscaped
                    }
                } else if URLSafety.isRelativePath(url) {
                    out += "<img src=\"" + url.htmlEscaped + "\" alt=\"" + alt.htmlEscaped + "\""
                    if !title.isEmpty { out += " title=\"" + title.htmlEscaped + "\"" }
                    out += ">"
                } else {
                    out += alt.htmlEscaped
                }
            case .htmlInline, .htmlBlock:
                break
            default:
                node.forEachChild { block($0) }
            }
        }

        mutating func wrap(_ tag: String, _ node: MarkdownNode) {
            out += "<\(tag)>"
            node.forEachChild { inline($0) }
            out += "</\(tag)>"
        }
    }
}
