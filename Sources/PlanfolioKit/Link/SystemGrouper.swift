import Foundation

/// Groups the documents of a portfolio by the AI system they are about.
///
/// The name is matched exactly (after trimming spaces): two spellings are two
/// systems, each with its own page; their slugs still differ. Documents with
/// no `system` belong to no group.
enum SystemGrouper {
    /// - Parameter documents: sorted by kind then id; each group keeps that order.
    static func group(_ documents: [Document]) -> [SystemGroup] {
        var ids: [String: [String]] = [:]
        for document in documents {
            guard let name = systemName(of: document) else { continue }
            ids[name, default: []].append(document.id)
        }
        let names = ids.keys.sorted(by: SystemSlugger.nameOrder)
        let slugs = SystemSlugger.slugs(for: names)
        return zip(names, slugs).map { name, slug in
            SystemGroup(name: name, slug: slug, documentIDs: ids[name] ?? [])
        }
    }

    /// The system a document is grouped under, or nil when it names none.
    static func systemName(of document: Document) -> String? {
        guard let name = document.system?.trimmedLikeFoundationWhitespacesAndNewlines, !name.isEmpty else { return nil }
        return name
    }
}
