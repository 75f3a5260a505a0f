/// Every document of the portfolio, with the links between them resolved.
///
/// The output of the Link stage: documents sorted by kind then id, looked
/// up by id, with who refers to whom.
public struct Portfolio: Sendable {
    /// Sorted by kind (assessments, investigations, plans), then id.
    public var documents: [Document]
    private var positions: [String: Int]
    /// For each id, the ids of the documents that refer to it, sorted.
    public var referencedBy: [String: [String]]
    /// Systems sorted by name, each with its documents.
    public var systems: [SystemGroup]

    public init(documents: [Document], referencedBy: [String: [String]] = [:], systems: [SystemGroup] = []) {
        self.documents = documents
        self.referencedBy = referencedBy
        self.systems = systems
        var positions: [String: Int] = [:]
        for (index, document) in documents.enumerated() { positions[document.id] = index }
        self.positions = positions
    }

    public subscript(id: String) -> Document? {
        positions[id].map { documents[$0] }
    }

    public func documents(of kind: DocumentKind) -> [Document] {
        documents.filter { $0.kind == kind }
    }
}

/// One AI system and the documents about it.
public struct SystemGroup: Sendable, Hashable {
    public var name: String
    /// Stable, readable, unique file name part: `systems/SLUG.html`.
    public var slug: String
    /// Ids sorted by kind, then id.
    public var documentIDs: [String]

    public init(name: String, slug: String, documentIDs: [String]) {
        self.name = name
        self.slug = slug
        self.documentIDs = documentIDs
    }
}
