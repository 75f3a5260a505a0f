/// The Link stage: checks ids across the portfolio and connects documents.
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
        return (Portfolio(documents: unique), diagnostics)
    }
}
