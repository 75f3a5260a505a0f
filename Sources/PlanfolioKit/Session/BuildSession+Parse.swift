import PlanfolioMarkdown

extension BuildSession.ParsedDocument {
    /// Parses `file` (the Parse stage) and takes from the tree, once, what
    /// later stages and later builds need without it: the face, the search
    /// text, the words that may be ids, the links that may name files.
    /// A file that does not parse into a document gives only its problems.
    static func parse(_ file: SourceFile) -> (parsed: Self?, problems: [Diagnostic]) {
        let (document, found) = DocumentParser.parse(file)
        guard let document else { return (nil, found) }
        let face = DocumentFace.encode(document)
        var hasher = StableHasher()
        hasher.combine(face)
        let parsed = Self(document: document, completeness: .tree, own: found, face: face, faceHash: hasher.digest(),
                          searchText: SearchIndex.text(of: document), mentions: MentionFilter(source: file.text, salt: file.path),
                          links: LinkedFiles.candidates(in: document.body), mentionsVersion: .none, resolved: nil)
        return (parsed, [])
    }
}
