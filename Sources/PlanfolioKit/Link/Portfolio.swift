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

    public init(documents: [Document], referencedBy: [String: [String]] = [:]) {
        self.documents = documents
        self.referencedBy = referencedBy
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
