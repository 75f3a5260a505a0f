extension HTMLRenderer {
    /// One word of prose written as a link: `<a href="url" title="title">word</a>`,
    /// the title left out when empty. Only a `URLSafety`-approved URL gets
    /// the `<a>`.
    public struct TextLink: Sendable, Equatable {
        /// Offsets of the word in the text's UTF-8.
        public var range: Range<Int>
        public var url: String
        public var title: String

        public init(range: Range<Int>, url: String, title: String) {
            self.range = range
            self.url = url
            self.title = title
        }
    }
}
