/// `search.html`: the search page, which loads the index with a script.
struct SearchPage: TemplateValue {
    /// `search-index.js`.
    var indexFile = SearchIndex.fileName

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        name.key == .indexFile ? indexFile : nil
    }
}
