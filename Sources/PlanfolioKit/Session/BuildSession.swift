import Foundation
import PlanfolioMarkdown

/// What the stages made of each input the last time, so that the next
/// build re-runs only what a change reaches.
///
/// `Build.run` is one pipeline (settings, load, parse, link, compute,
/// render, write) whose every stage looks here first: a document whose file
/// has the same stamp is not read, one with the same bytes is not parsed,
/// the same faces are not linked again, the same links, config and day give
/// the same statuses, and a page whose key (`SitePlan`: a hash of every
/// value the page shows) is the one it was written with is not rendered or
/// written. A cold build is the same run on an empty session; a build with
/// nothing changed finds every key the same and writes nothing.
///
/// `serve` keeps one session for its whole life; `build` and `check` start
/// from the one the last build left beside the output (`SessionStore`), in
/// which the documents' trees are absent until a page needs one
/// (`Document.body` is then parsed again from the file).
///
/// One build at a time: `Build.run` holds `lock` for the whole run.
public final class BuildSession: @unchecked Sendable {
    let lock = NSLock()

    /// The key of everything but the input folder (`Settings.key`), as the last build saw it.
    var settingsKey: Digest?
    /// The compiled theme, by the hash of its files.
    var theme: (key: Digest, theme: CompiledTheme?, diagnostics: [Diagnostic])?

    /// Every document file of the last listing, by path under the input folder.
    var documents: [String: DocumentEntry] = [:]
    /// Their paths, sorted (the order the session is written in).
    var documentOrder: [String] = []
    /// The input's other files by path: their stamp, and what became of an SVG (`SVGSanitizer`).
    var assets: [String: AssetEntry] = [:]
    /// The clean copies of the SVGs read by this process, by path (never kept on disk: a
    /// restored session reads an SVG again when its copy is to be published).
    var svgCopies: [String: [UInt8]] = [:]
    /// Hash of the last listing's paths and stamps: the same means no input file changed.
    var listingKey: Digest?
    /// Diagnostics of the listing itself (symbolic links leading out).
    var listingDiagnostics: [Diagnostic] = []
    /// The last listing of the input folder, in this process only: what
    /// `BuildOptions.inputChanges` says changed is relative to it.
    var listing: InputListing?
    /// What a document's links are resolved against (`Build.linkFiles`):
    /// each document's page by source path and the files, for one key.
    var linkContext: (key: Digest, sources: [String: String], assets: Set<String>)?

    var link: LinkResult?
    var status: StatusResult?
    /// The git history, its key and what the history step made of it (`HistorySession`).
    var history: HistorySession?

    /// The site in the output folder as the last build wrote it: each
    /// file's key by path, and the folder's stamp right after (a folder
    /// changed since by anyone else is not trusted, and rendered anew).
    var site: WrittenSite?
    /// The last report, given again when nothing changed (a restored one without its `pages`),
    /// and whether warnings were errors in it.
    var report: BuildReport?
    var strict = false

    /// A session restored from disk decodes all but its head only when a
    /// build needs more than the head (`SessionStore.restore`).
    var pending: (@Sendable (BuildSession) -> Void)?
    /// What the pages that show every document will read, worked out on a
    /// thread of their own while Link and Compute run (`Build.workAhead`):
    /// every whole face, taken by the next `Build.completing` of every
    /// document, then every status, kept in `statusesAhead` for Render.
    var ahead: BackgroundWork<Ahead>?
    /// Every document's status, for the status key `key`, worked out ahead.
    var statusesAhead: (key: Digest, status: PortfolioStatus)?

    struct Ahead: Sendable {
        var faces: [FaceAhead]
        var statuses: (key: Digest, status: PortfolioStatus)?
    }

    /// A whole face decoded ahead, for the document at `source` while its face hash is `faceHash`.
    struct FaceAhead: Sendable {
        var source: String
        var faceHash: Digest
        var document: Document
    }

    public init() {}

    /// The hash of the face of the document at `source` (`.none` when it has none):
    /// what Link keys on and a view key reads.
    func faceHash(of source: String) -> Digest {
        documents[source]?.parsed?.faceHash ?? .none
    }

    /// The ids whose views the page of document `id` shows (`SitePlan.shown`).
    func shown(_ id: String) -> [String] {
        if let known = link?.shown[id] { return known }
        guard let link, let document = link.portfolio[id] else { return [id] }
        let shown = SitePlan.shown(by: document, portfolio: link.portfolio)
        self.link?.shown[id] = shown
        return shown
    }

    /// Each linked document's page by its display path (`BuildReport.pages`),
    /// made once per link (a prose edit keeps the link).
    func pagesByDisplayPath() -> [String: String] {
        materialize()
        guard let link else { return [:] }
        return perLink(link).pages
    }

    /// The prose linker of the linked documents, made once per link.
    func idLinker() -> IDLinker? {
        link.map { perLink($0).idLinker }
    }

    /// What is made from the link alone, for the link it was made from.
    private var madeFromLink: (key: Digest, pages: [String: String], idLinker: IDLinker)?

    private func perLink(_ link: LinkResult) -> (pages: [String: String], idLinker: IDLinker) {
        if let made = madeFromLink, made.key == link.key { return (made.pages, made.idLinker) }
        var pages: [String: String] = [:]
        for document in link.portfolio.documents { pages[document.displayPath] = document.url }
        let made = (key: link.key, pages: pages, idLinker: IDLinker(targets: link.targets))
        madeFromLink = made
        return (made.pages, made.idLinker)
    }

    /// Decodes what `SessionStore` left to decode, once.
    func materialize() {
        guard let pending else { return }
        self.pending = nil
        pending(self)
    }

    /// Keeps only the head, the keys and report of the last run, and
    /// trusts no site (every file is rendered again).
    func forgetAllButHead() {
        documents = [:]
        documentOrder = []
        ahead = nil
        statusesAhead = nil
        assets = [:]
        svgCopies = [:]
        listingDiagnostics = []
        listing = nil
        linkContext = nil
        link = nil
        status = nil
        site = nil
    }

    /// One document file: its stamp and bytes, and what parsing made of them.
    ///
    /// A value, kept behind one reference that is copied on write: the
    /// stages look entries up in `documents` tens of thousands of times a
    /// build, and copying the parsed document's fields out at each lookup
    /// cost a sixth of a rebuild at 20,000 documents.
    struct DocumentEntry: Sendable {
        var stamp: String {
            _read { yield storage.stamp }
            _modify { changing(); yield &storage.stamp }
        }
        var contentHash: Digest {
            _read { yield storage.contentHash }
            _modify { changing(); yield &storage.contentHash }
        }
        var parsed: ParsedDocument? {
            _read { yield storage.parsed }
            _modify { changing(); yield &storage.parsed }
        }
        /// A file that could not be read (too large, not UTF-8), or did not parse into a document.
        var problems: [Diagnostic] {
            _read { yield storage.problems }
            _modify { changing(); yield &storage.problems }
        }
        /// This entry's bytes in `session.bin` as they were read, until a field
        /// changes: writing the session again after an edit of one document
        /// copies the other records instead of encoding them.
        var encoded: ArraySlice<UInt8>? {
            _read { yield storage.encoded }
            _modify { unique(); yield &storage.encoded }
        }

        private var storage: Storage

        private final class Storage: @unchecked Sendable {
            var stamp: String
            var contentHash: Digest
            var parsed: ParsedDocument?
            var problems: [Diagnostic]
            var encoded: ArraySlice<UInt8>?

            init(stamp: String, contentHash: Digest, parsed: ParsedDocument?, problems: [Diagnostic], encoded: ArraySlice<UInt8>?) {
                self.stamp = stamp
                self.contentHash = contentHash
                self.parsed = parsed
                self.problems = problems
                self.encoded = encoded
            }
        }

        init(stamp: String, contentHash: Digest, parsed: ParsedDocument?, problems: [Diagnostic], encoded: ArraySlice<UInt8>? = nil) {
            storage = Storage(stamp: stamp, contentHash: contentHash, parsed: parsed, problems: problems, encoded: encoded)
        }

        /// Makes the storage this entry's own before a write.
        private mutating func unique() {
            guard !isKnownUniquelyReferenced(&storage) else { return }
            storage = Storage(stamp: storage.stamp, contentHash: storage.contentHash, parsed: storage.parsed, problems: storage.problems,
                              encoded: storage.encoded)
        }

        /// The parsed document made more complete (a face decoded whole, a tree
        /// parsed again). The bytes read still say what the entry holds: the
        /// session keeps neither the document nor how complete it is.
        mutating func complete(_ document: Document, to level: Completeness) {
            guard storage.parsed != nil else { return }
            unique()
            storage.parsed?.document = document
            storage.parsed?.completeness = level
        }

        /// Before a field other than `encoded` changes: the bytes read no longer say what the entry holds.
        private mutating func changing() {
            unique()
            storage.encoded = nil
        }
    }

    struct AssetEntry: Sendable, Equatable {
        var stamp: String
        /// nil for a file that is not an SVG.
        var svg: SVGVerdict?
    }

    /// How much of a document a session holds: a restored session holds
    /// the light part of each face until a stage needs more.
    enum Completeness: Int, Comparable, Sendable {
        /// `DocumentFace.decodeLight`: enough to link, key and list it, with an empty tree.
        case light
        /// The whole face, with an empty tree.
        case face
        /// Parsed from its file: face and tree.
        case tree

        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Everything later stages need of one parsed document.
    struct ParsedDocument: Sendable {
        /// Only as complete as `completeness` says.
        var document: Document
        var completeness: Completeness
        /// What parsing it reported.
        var own: [Diagnostic]
        /// `DocumentFace` bytes: what Link, Compute and every page but the document's own read of it.
        var face: [UInt8]
        var faceHash: Digest
        /// Its text in the search index.
        var searchText: String
        /// Which ids its prose may mention (`IDLinker` links them).
        var mentions: MentionFilter
        /// Its link and image URLs that may name files (`LinkedFiles`).
        var links: [LinkedFiles.Candidate]
        /// Bumped when a document it may mention is added, removed, moved or
        /// retitled: its page shows that link.
        var mentionsVersion: Digest
        /// What `links` resolved to against the last documents and files (`Build.linkFiles`).
        var resolved: Resolved?
    }

    /// A document's links resolved (`LinkedFiles.resolve`) against one set of
    /// documents and files (`key`), with the hash of the rewrites it makes.
    struct Resolved: Sendable {
        var key: Digest
        var resolution: LinkedFiles.Resolution
        var digest: Digest
    }

    /// The Link stage's result, for one set of faces.
    struct LinkResult: Sendable {
        var key: Digest
        /// What Link read of the documents (`Linker.shape`).
        var shape: Digest
        var portfolio: Portfolio
        var diagnostics: [Diagnostic]
        /// Each document's prose-link target (`IDLinker.Target`), to see which ones moved.
        var targets: [String: IDLinker.Target]
        /// For each document id, the ids whose views its page shows (`SitePlan.shown`), as far as
        /// worked out (all of them for a link made in this process; see `BuildSession.shown`).
        var shown: [String: [String]]
    }

    /// The Compute stage's result, for one link key, config and day.
    struct StatusResult: Sendable {
        var key: Digest
        /// The config, the day and the plans' histories: what every status reads.
        var rules: Digest
        /// Each document's inputs (`StatusComputer.inputKeys` with the rest of its view's), by id.
        var inputs: [String: Digest]
        /// Every document's status; after a restore only those computed since (`complete` false).
        var status: PortfolioStatus
        var complete: Bool
        var diagnostics: [Diagnostic]
        /// Each document's view key (`SitePlan.viewKey`), by id.
        var viewKeys: [String: Digest]
        /// Each document's neighbourhood (`SitePlan.neighbourhoods`), by id.
        var neighbourhoods: [String: Digest]
    }

    struct WrittenSite: Sendable {
        /// The output folder the site was written to, as given.
        var output: String
        var keys: [String: Digest]
        /// The files' paths in the order the site was planned (the order the session is written in).
        var order: [String] = []
        var stamp: String?
        /// How many files the site has (`keys.count`, known before the keys are decoded).
        var files: Int
        /// `OutputStamp.entries` of the folder right after the write, in this
        /// process only (`BuildOptions.ownsOutput`); never kept on disk.
        var entries: [String]? = nil
    }

    /// Saving to disk begun during a build (`SessionStore.Saving`), finished by `SessionStore.save`.
    var saving: SessionStore.Saving?
    /// The link key of the faces `SessionStore` has on disk for this session, when known.
    var facesOnDisk: Digest?
    /// Changed since it was last kept (`SessionStore`).
    var unsaved = false
}
