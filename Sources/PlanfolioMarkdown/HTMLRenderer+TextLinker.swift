extension HTMLRenderer {
    /// Finds the words of prose that become links as the renderer writes
    /// them (planfolio's document ids, `IDLinker`), so that no rewritten
    /// copy of the tree is needed.
    ///
    /// The renderer asks only about prose: one run of adjacent text nodes
    /// at a time (cmark can split a run at `_`, `[`, ...), never the text of
    /// headings, links, images, code or raw HTML.
    ///
    /// A class, so that the writer's many checks and calls through its
    /// `any TextLinker?` cost one reference rather than a copy of a value.
    public protocol TextLinker: AnyObject {
        /// The links in `text`, in order and not overlapping; empty for
        /// text that has none (most of it).
        func links(in text: String) -> [TextLink]
    }
}
