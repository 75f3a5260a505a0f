extension HTMLRenderer {
    /// Writes Markdown nodes as HTML into one byte buffer: the renderer's
    /// work, open to a caller that writes a document's blocks one by one and
    /// takes the HTML between them (`takeHTML`), as a plan page does to put
    /// its panels between blocks.
    ///
    /// Bytes rather than `String` appends (each `+=` was a call through the
    /// string's storage checks), text escaped in runs straight into the
    /// buffer, and the prose linked while it is written (`TextLinker`).
    public struct Writer {
        /// The headings written so far, in order.
        public private(set) var headings: [RenderedHeading] = []
        private let anchorPrefix: String
        private let linker: (any TextLinker)?
        private var slugger = HeadingSlugger()
        private var out: [UInt8] = []
        private var tightStack: [Bool] = []
        private var inLink = 0
        /// Above 0 inside a heading or a link, whose text is never linked
        /// (a heading's anchor and the section navigation stay as written).
        private var unlinked = 0

        public init(anchorPrefix: String = "", linker: (any TextLinker)? = nil) {
            self.anchorPrefix = anchorPrefix
            self.linker = linker
            out.reserveCapacity(16_384)
        }

        /// Writes `node`: a whole document, or one block of it.
        public mutating func write(_ node: MarkdownNode) {
            block(node)
        }

        /// The HTML written since the last call (all of it at the first).
        public mutating func takeHTML() -> String {
            defer { out.removeAll(keepingCapacity: true) }
            return String(decoding: out, as: UTF8.self)
        }

        // MARK: Blocks

        private mutating func block(_ node: MarkdownNode) {
            switch node.kind {
            case .document:
                children(node, inline: false)
            case .paragraph:
                if tightStack.last == true {
                    children(node, inline: false)
                } else {
                    write("<p>")
                    children(node, inline: false)
                    write("</p>\n")
                }
            case .heading(let level):
                let text = node.plainText
                let anchor = anchorPrefix + slugger.slug(text)
                headings.append(RenderedHeading(level: level, text: text, anchor: anchor, line: node.line))
                write("<h")
                write(String(level))
                write(" id=\"")
                writeEscaped(anchor)
                write("\">")
                unlinked += 1
                children(node, inline: false)
                unlinked -= 1
                write("</h")
                write(String(level))
                write(">\n")
            case .blockQuote:
                write("<blockquote>\n")
                tightStack.append(false)
                children(node, inline: false)
                tightStack.removeLast()
                write("</blockquote>\n")
            case .list(let ordered, let start, let tight):
                if !ordered {
                    write("<ul>\n")
                } else if start == 1 {
                    write("<ol>\n")
                } else {
                    write("<ol start=\"")
                    write(String(start))
                    write("\">\n")
                }
                tightStack.append(tight)
                children(node, inline: false)
                tightStack.removeLast()
                write(ordered ? "</ol>\n" : "</ul>\n")
            case .item(let task):
                if let checked = task {
                    write("<li class=\"task\"><span class=\"task-box\" role=\"img\" aria-label=\"")
                    write(checked ? "done\">\u{2611}</span> " : "not done\">\u{2610}</span> ")
                } else {
                    write("<li>")
                }
                children(node, inline: false)
                write("</li>\n")
            case .codeBlock(let info):
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                if language.isEmpty {
                    write("<pre><code>")
                } else {
                    write("<pre><code class=\"language-")
                    writeEscaped(language)
                    write("\">")
                }
                writeEscaped(node.literal)
                write("</code></pre>\n")
            case .htmlBlock, .htmlInline:
                break  // raw HTML never reaches the site
            case .thematicBreak:
                write("<hr>\n")
            case .table(let alignments):
                write("<div class=\"table-wrap\"><table>\n")
                var wroteBody = false
                node.forEachChild { row in
                    if case .tableRow(true) = row.kind {
                        write("<thead>\n")
                        tableRow(row, alignments: alignments, header: true)
                        write("</thead>\n")
                    } else {
                        if !wroteBody {
                            write("<tbody>\n")
                            wroteBody = true
                        }
                        tableRow(row, alignments: alignments, header: false)
                    }
                }
                if wroteBody { write("</tbody>\n") }
                write("</table></div>\n")
            case .tableRow, .tableCell:
                children(node, inline: false)
            default:
                inline(node)
            }
        }

        private mutating func tableRow(_ row: MarkdownNode, alignments: [MarkdownNode.TableAlignment], header: Bool) {
            write("<tr>")
            var column = 0
            row.forEachChild { cell in
                let alignment = column < alignments.count ? alignments[column] : .none
                write(header ? "<th" : "<td")
                switch alignment {
                case .none: break
                case .left: write(" class=\"align-left\"")
                case .center: write(" class=\"align-center\"")
                case .right: write(" class=\"align-right\"")
                }
                write(">")
                children(cell, inline: true)
                write(header ? "</th>" : "</td>")
                column += 1
            }
            write("</tr>\n")
        }

        // MARK: Inlines

        private mutating func inline(_ node: MarkdownNode) {
            switch node.kind {
            case .text:
                prose(node.literal)
            case .softBreak:
                write("\n")
            case .lineBreak:
                write("<br>\n")
            case .code:
                write("<code>")
                writeEscaped(node.literal)
                write("</code>")
            case .emphasis:
                wrap("<em>", "</em>", node)
            case .strong:
                wrap("<strong>", "</strong>", node)
            case .strikethrough:
                wrap("<del>", "</del>", node)
            case .link(let url, let title):
                let opened = openLink(url: url, title: title)
                unlinked += 1
                children(node, inline: true)
                unlinked -= 1
                if opened { closeLink() }
            case .image(let url, let title):
                let alt = node.plainText
                if URLSafety.isRemote(url) {
                    // Never loaded: shown as a link to the image instead.
                    let label = alt.isEmpty ? url : alt
                    if inLink == 0 {
                        write("<a class=\"remote-image\" href=\"")
                        writeHref(url)
                        write("\" rel=\"noopener noreferrer\">Image: ")
                        writeEscaped(label)
                        write("</a>")
                    } else {
                        write("Image: ")
                        writeEscaped(label)
                    }
                } else if URLSafety.isRelativePath(url) {
                    write("<img src=\"")
                    writeHref(url)
                    write("\" alt=\"")
                    writeEscaped(alt)
                    write("\"")
                    if !title.isEmpty {
                        write(" title=\"")
                        writeEscaped(title)
                        write("\"")
                    }
                    write(">")
                } else {
                    writeEscaped(alt)
                }
            case .htmlInline, .htmlBlock:
                break
            default:
                children(node, inline: false)
            }
        }

        private mutating func wrap(_ open: StaticString, _ close: StaticString, _ node: MarkdownNode) {
            write(open)
            children(node, inline: true)
            write(close)
        }

        /// Writes `<a ...>` for a safe URL outside any other link and returns
        /// true; else writes nothing (the link's text is shown as plain text).
        private mutating func openLink(url: String, title: String) -> Bool {
            guard URLSafety.isSafe(url), inLink == 0 else { return false }
            write("<a href=\"")
            writeHref(url)
            write("\"")
            if !title.isEmpty {
                write(" title=\"")
                writeEscaped(title)
                write("\"")
            }
            if URLSafety.isRemote(url) { write(" rel=\"noopener noreferrer\"") }
            write(">")
            inLink += 1
            return true
        }

        private mutating func closeLink() {
            inLink -= 1
            write("</a>")
        }

        /// The children of `node`, each as a block or an inline. Adjacent
        /// text nodes (cmark splits a run of text at `_`, `[`, ...) are one
        /// run of prose for the linker, so an id like `snake_case_id` is
        /// found whole.
        private mutating func children(_ node: MarkdownNode, inline: Bool) {
            if let only = node.soleTextChild {
                prose(only.literal)
                return
            }
            let children = node.children
            var index = 0
            while index < children.count {
                let child = children[index]
                guard case .text = child.kind else {
                    if inline { self.inline(child) } else { block(child) }
                    index += 1
                    continue
                }
                var end = index + 1
                while end < children.count, case .text = children[end].kind { end += 1 }
                if end == index + 1 || !linking {
                    for text in children[index..<end] { prose(text.literal) }
                } else {
                    prose(children[index..<end].map(\.literal).joined())
                }
                index = end
            }
        }

        private var linking: Bool { linker != nil && unlinked == 0 }

        /// Text of the body, escaped, with the linker's words as links.
        private mutating func prose(_ text: String) {
            let links = linking ? linker?.links(in: text) ?? [] : []
            guard !links.isEmpty else {
                writeEscaped(text)
                return
            }
            var text = text
            text.withUTF8 { bytes in
                var start = 0
                // `TextLinker` is public: a range out of order or past the
                // text is skipped rather than read out of bounds.
                for link in links where link.range.lowerBound >= start && link.range.upperBound <= bytes.count {
                    appendHTMLEscaped(UnsafeBufferPointer(rebasing: bytes[start..<link.range.lowerBound]), to: &out)
                    let opened = openLink(url: link.url, title: link.title)
                    appendHTMLEscaped(UnsafeBufferPointer(rebasing: bytes[link.range]), to: &out)
                    if opened { closeLink() }
                    start = link.range.upperBound
                }
                appendHTMLEscaped(UnsafeBufferPointer(rebasing: bytes[start...]), to: &out)
            }
        }

        // MARK: Bytes

        private mutating func write(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }

        private mutating func write(_ text: String) {
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
        }

        /// A URL in an `href` or `src`: as the site links to it, percent-encoded.
        private mutating func writeHref(_ url: String) {
            URLSafety.forSite(url).appendHrefEscapedUTF8(to: &out)
        }

        private mutating func writeEscaped(_ text: String) {
            var text = text
            text.withUTF8 { appendHTMLEscaped($0, to: &out) }
        }
    }
}
