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
        diagnostics += caseCollisions(firstByID.values.sorted { $0.source < $1.source })
        for document in sorted where firstByID[document.id]?.source == document.source {
            unique.append(document)
        }
        let resolved = ReferenceResolver.resolve(unique, byID: firstByID)
        diagnostics += resolved.diagnostics
        var portfolio = Portfolio(documents: unique, referencedBy: resolved.referencedBy, systems: SystemGrouper.group(unique))
        portfolio.supersededBy = resolved.supersededBy
        return (portfolio, diagnostics)
    }

    /// Ids that differ only in case (`RP-1`, `rp-1`): their pages are one
    /// file on macOS and Windows, where auditors open the site from a share,
    /// so each after the first (in path order) is an error, as for a duplicate.
    /// `documents`: one per id, sorted by path.
    static func caseCollisions(_ documents: [Document]) -> [Diagnostic] {
        var firstByFolded: [String: Document] = [:]
        var diagnostics: [Diagnostic] = []
        for document in documents {
            // Ids are ASCII (`DocumentParser.isValidID`), so ASCII folding is the file systems' own.
            let folded = String(decoding: document.id.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            if let first = firstByFolded[folded] {
                diagnostics.append(.error(.duplicateID,
                    "id '\(document.id)' differs only in case from '\(first.id)' of \(first.displayPath) (line \(first.idLine)): their pages would be one file on macOS and Windows; choose ids that differ in more than case",
                    file: document.displayPath, line: document.idLine))
            } else {
                firstByFolded[folded] = document
            }
        }
        return diagnostics
    }
}
