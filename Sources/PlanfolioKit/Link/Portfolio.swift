/// Every document of the portfolio, with the links between them resolved.
///
/// The output of the Link stage: documents sorted by kind then id, looked
/// up by id, with who refers to whom.
public struct Portfolio: Sendable {
    /// Sorted by kind (assessments, investigations, plans), then id.
    public var documents: [Document]
    /// Where each id is in `documents`.
    private(set) var positions: [String: Int]
    /// For each id, the ids of the documents that refer to it, sorted.
    public var referencedBy: [String: [String]]
    /// Systems sorted by name (case-insensitive, then exact), each with its documents.
    public var systems: [SystemGroup] {
        didSet { systemPositions = Self.positions(of: systems) }
    }
    private var systemPositions: [String: Int]
    /// For each superseded id, the id of the one document that supersedes it.
    public var supersededBy: [String: String] = [:]

    public init(documents: [Document], referencedBy: [String: [String]] = [:], systems: [SystemGroup] = []) {
        self.documents = documents
        self.referencedBy = referencedBy
        self.systems = systems
        self.systemPositions = Self.positions(of: systems)
        var positions: [String: Int] = [:]
        for (index, document) in documents.enumerated() { positions[document.id] = index }
        self.positions = positions
    }

    public subscript(id: String) -> Document? {
        positions[id].map { documents[$0] }
    }

    /// Where the document with this id is in `documents`.
    public func index(of id: String) -> Int? {
        positions[id]
    }

    /// The system group a document belongs to, if it names a system.
    public func system(of document: Document) -> SystemGroup? {
        guard let name = SystemGrouper.systemName(of: document) else { return nil }
        return systemPositions[name].map { systems[$0] }
    }

    private static func positions(of systems: [SystemGroup]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, system) in systems.enumerated() { positions[system.name] = index }
        return positions
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
