/// The Link stage: checks ids across the portfolio and connects documents.
///
/// Duplicate ids first (the first file in path order keeps the id), then the
/// references between documents (`ReferenceResolver`), then the systems
/// (`SystemGrouper`). Ids written in prose become links at render time,
/// through `IDLinker`, because a link's URL depends on the page it is on.
public enum Linker {
    public static func link(_ parsed: [Document]) -> (Portfolio, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Positions are sorted and kept in the tables, not documents: every
        // copy of a document into or out of a table or a sort is reference
        // counting, and a portfolio has tens of thousands.
        let bySource = parsed.indices.sorted { parsed[$0].source < parsed[$1].source }
        var firstByID: [String: Int] = [:]
        firstByID.reserveCapacity(parsed.count)
        for index in bySource {
            let document = parsed[index]
            if let first = firstByID[document.id] {
                diagnostics.append(.error(.duplicateID,
                    "id '\(document.id)' is already used by \(parsed[first].displayPath) (line \(parsed[first].idLine))",
                    file: document.displayPath, line: document.idLine))
            } else {
                firstByID[document.id] = index
            }
        }
        diagnostics += caseCollisions(bySource.compactMap { firstByID[parsed[$0].id] == $0 ? parsed[$0] : nil })
        // Deterministic order whatever order parsing finished in.
        let unique = firstByID.values
            .sorted { (parsed[$0].kind, parsed[$0].id, parsed[$0].source) < (parsed[$1].kind, parsed[$1].id, parsed[$1].source) }
            .map { parsed[$0] }
        var portfolio = Portfolio(documents: unique, systems: SystemGrouper.group(unique))
        let resolved = ReferenceResolver.resolve(unique, positions: portfolio.positions)
        diagnostics += resolved.diagnostics
        portfolio.referencedBy = resolved.referencedBy
        portfolio.supersededBy = resolved.supersededBy
        return (portfolio, diagnostics)
    }

    /// What `link` reads of `parsed`, as one hash: documents of the same
    /// shape link alike (the same order, references, systems and
    /// diagnostics) whatever else of them changed, a title or a table row.
    static func shape(of parsed: [Document]) -> Digest {
        var hasher = StableHasher()
        hasher.combine(parsed.count)
        for document in parsed {
            hasher.combine(document.source)
            hasher.combine(document.displayPath)
            hasher.combine(document.id)
            hasher.combine(document.kind.rawValue)
            hasher.combine(document.idLine)
            hasher.combine(document.system == nil ? 0 : 1)
            hasher.combine(document.system ?? "")
            for reference in [document.references.assessment, document.references.investigation, document.references.supersedes] {
                hasher.combine(reference == nil ? 0 : 1)
                hasher.combine(reference?.value ?? "")
                hasher.combine(reference?.line ?? -1)
            }
        }
        return hasher.digest()
    }

    /// `portfolio`, linked from documents of the same shape as `parsed`
    /// (`shape`), with the documents of `parsed` in place of its own.
    static func relink(_ portfolio: Portfolio, with parsed: [Document]) -> Portfolio {
        var portfolio = portfolio
        for document in parsed {
            guard let index = portfolio.index(of: document.id), portfolio.documents[index].source == document.source else { continue }
            portfolio.documents[index] = document
        }
        return portfolio
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
