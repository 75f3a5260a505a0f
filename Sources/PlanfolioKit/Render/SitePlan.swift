/// The key of each file of the site: a hash of every value the file shows,
/// so that a file whose key is the one it was last written with would come
/// out byte for byte the same, and is neither rendered nor written again.
///
/// What each kind of file shows, and so what its key covers besides the
/// settings (planfolio, config, theme, today):
///
/// - a document's page: the document's own bytes, what its links to files
///   resolved to, the ids its prose mentions (`MentionFilter`), and the
///   *view* of itself and of every document it shows a card, row or link
///   for: what it references, what refers to it, what supersedes it;
/// - a system's page: the view of its documents and of theirs;
/// - the site-wide pages and data files (dashboard, lists, timeline,
///   approvals, systems, `portfolio.json`, feed, sitemap): every view; the
///   search index also every document's search text;
/// - a linked file: the file's stamp; the theme's assets and the fixed
///   pages: the settings alone.
///
/// A document's view (`viewKey`) is everything a page other than its own
/// reads of it: its face (`DocumentFace`: front matter, tables, sections,
/// lines), its status, who refers to it, who supersedes it, its system.
/// Adding a new kind of file is one `add` in `SiteRenderer.plan`, with the
/// key of what it reads here.
public struct SitePlan: Sendable {
    /// The key of everything but the input folder (`Settings.key`).
    var settings: Digest
    /// Per document id.
    var documents: [String: DocumentKeys]
    /// For each document id, the hash of the views its page shows (`shown(by:portfolio:)`):
    /// its own and those of the documents it shows a card, row or link for.
    var neighbourhoods: [String: Digest]
    /// Hash of every view in portfolio order.
    var allViews: Digest
    /// Hash of every search text in portfolio order.
    var searchTexts: Digest
    /// Each linked file's stamp by its site path.
    var linkedFiles: [String: String]
    /// Hash of the `since` point of `changes.html` and of which documents changed since (`HistoryView.changesKey`).
    var changes: Digest = .none

    /// What a document's own page reads of the document besides its view.
    struct DocumentKeys: Sendable {
        var contentHash: Digest
        /// `LinkedFiles.Resolution` of its links.
        var links: Digest
        var mentionsVersion: Digest
        /// Its revisions (`HistoryView.documentKeys`): the page lists them.
        var history: Digest = .none
    }

    func fixed(_ path: String) -> Digest {
        var hasher = StableHasher()
        hasher.combine("fixed")
        hasher.combine(settings)
        hasher.combine(path)
        return hasher.digest()
    }

    func siteWide(_ path: String, pages: [String] = []) -> Digest {
        var hasher = StableHasher()
        hasher.combine("site-wide")
        hasher.combine(settings)
        hasher.combine(path)
        hasher.combine(allViews)
        hasher.combine(pages.count)
        for page in pages { hasher.combine(page) }
        return hasher.digest()
    }

    func searchIndex() -> Digest {
        var hasher = StableHasher()
        hasher.combine(siteWide(SearchIndex.fileName))
        hasher.combine(searchTexts)
        return hasher.digest()
    }

    /// `path`: the file's path in the site.
    func linkedFile(_ path: String) -> Digest {
        var hasher = StableHasher()
        hasher.combine("linked file")
        hasher.combine(path)
        hasher.combine(linkedFiles[path] ?? "")
        return hasher.digest()
    }

    func document(_ id: String) -> Digest {
        var hasher = StableHasher()
        hasher.combine("document")
        hasher.combine(settings)
        let own = documents[id]
        hasher.combine(own?.contentHash ?? .none)
        hasher.combine(own?.links ?? .none)
        hasher.combine(own?.mentionsVersion ?? .none)
        hasher.combine(neighbourhoods[id] ?? .none)
        hasher.combine(own?.history ?? .none)
        return hasher.digest()
    }

    /// A revision's page: the revision, and the document's id, title and page.
    func revision(_ revision: Revision, of document: Document) -> Digest {
        var hasher = StableHasher()
        hasher.combine("revision")
        hasher.combine(settings)
        hasher.combine(document.id)
        hasher.combine(document.title)
        hasher.combine(document.url)
        Build.combine(revision, into: &hasher)
        return hasher.digest()
    }

    /// `changes.html` and `changes.xml`: every view, and what changed since the `since` point.
    func changesPage(_ path: String) -> Digest {
        var hasher = StableHasher()
        hasher.combine(siteWide(path))
        hasher.combine(changes)
        return hasher.digest()
    }

    func system(_ system: SystemGroup) -> Digest {
        var hasher = StableHasher()
        hasher.combine("system")
        hasher.combine(settings)
        hasher.combine(system.name)
        hasher.combine(system.slug)
        hasher.combine(system.documentIDs.count)
        for id in system.documentIDs {
            hasher.combine(id)
            hasher.combine(neighbourhoods[id] ?? .none)
        }
        return hasher.digest()
    }

    /// What `neighbourhoods` holds for a document: `shown` is its shown ids, `views` every view key.
    static func neighbourhood(_ shown: [String], views: [String: Digest]) -> Digest {
        var hasher = StableHasher()
        hasher.combine(shown.count)
        for id in shown {
            hasher.combine(id)
            hasher.combine(views[id] ?? .none)
        }
        return hasher.digest()
    }

    /// The ids whose views a document's page shows: its own, what it
    /// references, what refers to it and what supersedes it. Sorted.
    static func shown(by document: Document, portfolio: Portfolio) -> [String] {
        var ids = [document.id]
        for reference in [document.references.assessment, document.references.investigation, document.references.supersedes] {
            if let id = reference?.value { ids.append(id) }
        }
        ids += portfolio.referencedBy[document.id] ?? []
        if let successor = portfolio.supersededBy[document.id] { ids.append(successor) }
        guard ids.count > 1 else { return ids }
        ids.sort()
        var unique = [ids[0]]
        for id in ids.dropFirst() where id != unique[unique.count - 1] { unique.append(id) }
        return unique
    }

    /// Everything a page other than the document's own reads of it.
    /// `faceHash` is the hash of its `DocumentFace`; `status` its status's bytes (`StatusBytes`).
    static func viewKey(of document: Document, faceHash: Digest, status: [UInt8], portfolio: Portfolio) -> Digest {
        var hasher = StableHasher()
        hasher.combine("view")
        hasher.combine(faceHash)
        hasher.combine(status)
        let referrers = portfolio.referencedBy[document.id] ?? []
        hasher.combine(referrers.count)
        for id in referrers { hasher.combine(id) }
        hasher.combine(portfolio.supersededBy[document.id] ?? "")
        let system = portfolio.system(of: document)
        hasher.combine(system?.name ?? "")
        hasher.combine(system?.slug ?? "")
        return hasher.digest()
    }
}
