/// A heading as it appears on the page, for section navigation.
public struct RenderedHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var anchor: String
    public var line: Int
}

/// The HTML of one document body and the headings in it.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    public var headings: [RenderedHeading]

    public init(html: String, headings: [RenderedHeading]) {
        self.html = html
        self.headings = headings
    }
}

/// Renders `MarkdownNode` trees to HTML that is safe to publish.
///
/// Safe by construction: all text is escaped, raw HTML is never written,
/// only `URLSafety`-approved links become `<a>`, remote images are shown as
/// links to their URL (the site loads nothing from the network), and no
/// `style` attribute is written, so a strict Content-Security-Policy holds.
///
/// The work is done by `Writer`, which a caller can also drive block by
/// block to cut the HTML between blocks (a plan page's panels).
public struct HTMLRenderer {
    /// Prefix for heading anchors, so that headings in a document never collide
    /// with the page's own ids (e.g. `main`).
    public var anchorPrefix: String
    /// Turns words of prose into links while it is written (a page's
    /// document ids); nil for none.
    public var linker: (any TextLinker)?

    public init(anchorPrefix: String = "", linker: (any TextLinker)? = nil) {
        self.anchorPrefix = anchorPrefix
        self.linker = linker
    }

    public func render(_ document: MarkdownNode) -> RenderedMarkdown {
        var writer = Writer(anchorPrefix: anchorPrefix, linker: linker)
        writer.write(document)
        return RenderedMarkdown(html: writer.takeHTML(), headings: writer.headings)
    }
}
