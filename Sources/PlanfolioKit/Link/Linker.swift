/// The Link stage: checks ids across the portfolio and connects documents.
///
/// Duplicate ids first (the first file in path order keeps the id), then the
/// references between documents (`ReferenceResolver`), then the systems
/// (`SystemGrouper`). Ids written in prose become links at render time,
/// through `IDLinker`, because a link's URL depends on the page it is on.
public enum Linker {
    public static func link(_ parsed: [Document]) -> (Portfolio, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Deterministic order whatever order parsing finished in.
        let sorted = parsed.sorted { ($0.kind, $0.id, $0.source) < ($1.kind, $1.id, $1.source) }
        var firstByID: [String: Document] = [:]
        var unique: [Document] = []
        for document in parsed.sorted(by: { $0.source < $1.source }) {
            if let first = firstByID[document.id] {
                diagnostics.append(.error(.duplicateID,
                    "id '\(document.id)' is already used by \(first.displayPath) (line \(first.idLine))",
                    file: document.displayPath, line: document.idLine))
            } else {
                firstByID[document.id] = document
            }
        }
        for document in sorted where firstByID[document.id]?.source == document.source {
            unique.append(document)
        }
        let resolved = ReferenceResolver.resolve(unique, byID: firstByID)
        diagnostics += resolved.diagnostics
        var portfolio = Portfolio(documents: unique, referencedBy: resolved.referencedBy, systems: SystemGrouper.group(unique))
        portfolio.supersededBy = resolved.supersededBy
        return (portfolio, diagnostics)
    }
}
