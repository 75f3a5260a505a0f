import Foundation
import PlanfolioMarkdown

/// The Render stage: every file of the site.
///
/// Pages are independent, so they are rendered on all cores, a batch at a
/// time, and each batch is handed on as soon as it is done: a build writes
/// it while the next is rendered, so the whole site is never held in memory.
/// What a file holds never depends on the batch or the scheduling.
public enum SiteRenderer {
    public static let generator = "planfolio 0.1.0"
    /// Pages per batch: enough to keep every core busy, few enough to hold (about 5 MB).
    public static let batchSize = 256
    /// Threads for the site-wide pages: one alone outlasted the document pages at 20,000
    /// documents; one per page held them all in memory at once.
    static let siteWideLanes = 2

    /// The whole site in memory, sorted by path (tests and small sites).
    public static func render(portfolio: Portfolio, config: SiteConfig, today: Day, theme: CompiledTheme,
                              status: PortfolioStatus? = nil) -> [OutputFile] {
        let inputs = Inputs(portfolio: portfolio, config: config, today: today, theme: theme,
                            status: status ?? PortfolioStatus(today: today))
        var files: [OutputFile] = []
        render(plan(inputs, keys: nil), inputs: inputs) { files += $0 }
        return files.sorted { $0.path < $1.path }
    }

    /// Everything the site's files are rendered from.
    public struct Inputs: Sendable {
        public var portfolio: Portfolio
        public var config: SiteConfig
        public var today: Day
        public var theme: CompiledTheme
        public var status: PortfolioStatus
        /// Each document's text in the search index by id, when known already (else `SearchIndex.text(of:)`).
        public var searchTexts: [String: String]?
        /// Each document's resolved links by source path (`LinkedFiles`); the bodies are rewritten with them.
        public var links: [String: LinkedFiles.Resolution] = [:]
        /// The files documents link to, by path under the input folder (`LinkedFiles.paths`): copied from
        /// `input`, or for an SVG its clean copy from `svgCopies` (a file without one is not published).
        public var linkedFiles: [String] = []
        public var input = ""
        public var svgCopies: [String: [UInt8]] = [:]
        /// The bytes of linked files read from a commit (`--as-of`), by path; other files are copied from `input`.
        public var fileContents: [String: [UInt8]] = [:]
        /// What the site shows of the git history; nil without usable history.
        var history: SiteHistory?
        /// The prose linker of `portfolio`'s documents, when the caller has it
        /// (the session keeps one per link); else made from `portfolio`.
        public var idLinker: IDLinker?

        public init(portfolio: Portfolio, config: SiteConfig, today: Day, theme: CompiledTheme, status: PortfolioStatus) {
            self.portfolio = portfolio
            self.config = config
            self.today = today
            self.theme = theme
            self.status = status
        }

        var site: PageContext.SiteInfo {
            var site = SiteRenderer.siteInfo(config: config, today: today)
            site.hasChanges = history?.since != nil
            return site
        }
    }

    /// One file of the site to be: its path, the key of everything it
    /// shows (equal keys, equal bytes: `SitePlan`), and how to make it.
    public struct PlannedFile: Sendable {
        public var path: String
        var key: Digest
        /// The document whose page this is: its tree is needed to render it.
        public var documentID: String?
        /// The file a document links to that this publishes (a path under the input folder).
        public var linkedFile: String?
        /// A long job over the whole portfolio, run beside the batches of pages (`siteWideLanes`).
        var siteWide = false
        /// The statuses it shows: none, those of its documents' pages (`SitePlan.shown`), or all.
        var statuses: Statuses = .none
        /// The documents it reads more of than their light part (`DocumentFace.decodeLight`).
        var reads: Reads = .all
        /// The git blobs it shows (a revision's page): read just before it renders (`SiteHistory.texts`).
        public var blobs: [String] = []
        var make: @Sendable (Inputs, IDLinker) -> OutputFile
    }

    public enum Statuses: Sendable {
        case none
        /// Those shown on the pages of these documents.
        case shown([String])
        case all
    }

    public enum Reads: Sendable {
        /// Only the light part of any document.
        case light
        /// The whole of these documents, the light part of others.
        case documents([String])
        /// The whole of these documents and of those their pages show (`SitePlan.shown`).
        case shownBy([String])
        case all
    }

    /// Every file of the site, in a fixed order, with its key when `keys` are given (else no keys).
    public static func plan(_ inputs: Inputs, keys: SitePlan?) -> [PlannedFile] {
        let portfolio = inputs.portfolio, config = inputs.config
        var files: [PlannedFile] = []
        func add(_ path: String, key: @autoclosure () -> Digest, document: String? = nil, siteWide: Bool = false,
                 statuses: Statuses = .all, reads: Reads = .all, _ make: @escaping @Sendable (Inputs, IDLinker) -> OutputFile) {
            files.append(PlannedFile(path: path, key: keys == nil ? .none : key(), documentID: document, siteWide: siteWide,
                                     statuses: statuses, reads: reads, make: make))
        }
        @Sendable func page<Model: TemplateValue>(_ path: String, title: String, section: String, template: String, _ inputs: Inputs,
                                                  _ build: (String) -> Model) -> OutputFile {
            Self.page(path, title: title, section: section, template: template, site: inputs.site, theme: inputs.theme, build)
        }

        for path in inputs.linkedFiles {
            let sitePath = LinkedFiles.folder + "/" + path
            add(sitePath, key: keys?.linkedFile(sitePath) ?? .none, statuses: .none, reads: .light) { inputs, _ in
                guard ActiveContent.fileExtension(path) == "svg" else {
                    if let bytes = inputs.fileContents[path] { return OutputFile(path: sitePath, contents: bytes) }
                    return OutputFile(path: sitePath, copyFrom: PathText.join(inputs.input, path))
                }
                return OutputFile(path: sitePath, contents: inputs.svgCopies[path] ?? [])
            }
            files[files.count - 1].linkedFile = path
        }
        // Site-wide files: one long job each, over every document. The largest (50 MB at 10,000 plans) first,
        // so that it is written while the others render and its lane ends with small ones.
        add("portfolio.json", key: keys?.siteWide("portfolio.json") ?? .none, siteWide: true) { inputs, _ in
            OutputFile(path: "portfolio.json",
                       contents: PortfolioJSON.bytes(portfolio: inputs.portfolio, status: inputs.status, generator: generator))
        }
        add("index.html", key: keys?.siteWide("index.html") ?? .none, siteWide: true) { inputs, _ in
            page("index.html", title: "Dashboard", section: "index", template: "index", inputs) { root in
                DashboardPage(portfolio: inputs.portfolio, status: inputs.status, config: inputs.config, root: root)
            }
        }
        add("timeline.html", key: keys?.siteWide("timeline.html") ?? .none, siteWide: true) { inputs, _ in
            page("timeline.html", title: "Timeline", section: "timeline", template: "timeline", inputs) { root in
                TimelinePage(portfolio: inputs.portfolio, status: inputs.status, root: root)
            }
        }
        add("approvals.html", key: keys?.siteWide("approvals.html") ?? .none, siteWide: true) { inputs, _ in
            page("approvals.html", title: "Approvals", section: "approvals", template: "approvals", inputs) { root in
                ApprovalsPage(portfolio: inputs.portfolio, status: inputs.status, config: inputs.config, root: root)
            }
        }
        for kind in DocumentKind.allCases {
            add("\(kind.folder).html", key: keys?.siteWide("\(kind.folder).html") ?? .none, siteWide: true) { inputs, _ in
                page("\(kind.folder).html", title: kind.pluralDisplayName, section: kind.folder, template: "list", inputs) { root in
                    ListPage(kind: kind, portfolio: inputs.portfolio, root: root, status: inputs.status)
                }
            }
        }
        add(SystemsPage.path, key: keys?.siteWide(SystemsPage.path) ?? .none, siteWide: true) { inputs, _ in
            page(SystemsPage.path, title: "Systems", section: "systems", template: "systems", inputs) { root in
                SystemsPage(portfolio: inputs.portfolio, root: root, status: inputs.status)
            }
        }
        for system in portfolio.systems {
            add(SystemPage.path(system), key: keys?.system(system) ?? .none, statuses: .shown(system.documentIDs),
                reads: .shownBy(system.documentIDs)) { inputs, _ in
                page(SystemPage.path(system), title: system.name, section: "systems", template: "system", inputs) { root in
                    SystemPage(system: system, portfolio: inputs.portfolio, root: root, status: inputs.status)
                }
            }
        }
        for document in portfolio.documents {
            let id = document.id
            add(document.url, key: keys?.document(id) ?? .none, document: id, statuses: .shown([id]), reads: .documents([id])) { inputs, idLinker in
                // A document's page is planned only for a document of the portfolio.
                let document = inputs.portfolio[id] ?? document
                return documentPage(document, inputs: inputs, idLinker: idLinker)
            }
        }
        add("search.html", key: keys?.fixed("search.html") ?? .none, statuses: .none, reads: .light) { inputs, _ in
            page("search.html", title: "Search", section: "search", template: "search", inputs) { _ in SearchPage() }
        }
        add("404.html", key: keys?.fixed("404.html") ?? .none, statuses: .none, reads: .light) { inputs, _ in
            var notFound = PageContext(site: inputs.site, path: "404.html", title: "Page not found", section: "")
            notFound.fixedRoot = inputs.config.baseURL
            return OutputFile(path: "404.html", contents: inputs.theme.renderBytes("notfound", Page(frame: PageFrame(notFound), content: NotFoundPage())))
        }
        if inputs.history?.since != nil {
            add(ChangesPage.path, key: keys?.changesPage(ChangesPage.path) ?? .none, siteWide: true) { inputs, _ in
                page(ChangesPage.path, title: "Changes", section: "changes", template: "changes", inputs) { root in
                    ChangesPage(portfolio: inputs.portfolio, status: inputs.status, history: inputs.history, root: root)
                }
            }
        }
        // The search index is site-wide too.
        let pages = files.map(\.path).filter { $0.hasSuffix(".html") }
        add(SearchIndex.fileName, key: keys?.searchIndex() ?? .none, siteWide: true, statuses: .none, reads: .light) { inputs, _ in
            let texts = inputs.searchTexts
            return OutputFile(path: SearchIndex.fileName, contents: SearchIndex.scriptBytes(portfolio: inputs.portfolio) {
                texts?[$0.id] ?? SearchIndex.text(of: $0)
            })
        }
        if let baseURL = config.baseURL {
            add("feed.xml", key: keys?.siteWide("feed.xml") ?? .none, siteWide: true, statuses: .none) { inputs, _ in
                OutputFile(path: "feed.xml", text: FeedXML.text(portfolio: inputs.portfolio, config: inputs.config, baseURL: baseURL,
                                                               today: inputs.today, generator: generator))
            }
            add("sitemap.xml", key: keys?.siteWide("sitemap.xml", pages: pages) ?? .none, siteWide: true, statuses: .none) { inputs, _ in
                var lastModified: [String: Day] = [:]
                for document in inputs.portfolio.documents {
                    if let day = document.updated ?? document.date { lastModified[document.url] = day }
                }
                return OutputFile(path: "sitemap.xml", text: SitemapXML.text(pages: pages, baseURL: baseURL, lastModified: lastModified))
            }
        }
        if let history = inputs.history {
            if let baseURL = config.baseURL, history.since != nil {
                add(ChangesPage.feedPath, key: keys?.changesPage(ChangesPage.feedPath) ?? .none, siteWide: true) { inputs, _ in
                    guard let history = inputs.history else { return OutputFile(path: ChangesPage.feedPath, text: "") }
                    return OutputFile(path: ChangesPage.feedPath, text: ChangesFeed.text(portfolio: inputs.portfolio, status: inputs.status, history: history,
                                                                                       config: inputs.config, baseURL: baseURL, today: inputs.today,
                                                                                       generator: generator))
                }
            }
            // Each revision's page: what one commit did to one document (not in the sitemap: records, not pages to find).
            for document in portfolio.documents {
                let id = document.id
                for revision in history.revisions[document.source] ?? [] where history.hasPage(revision, source: document.source) {
                    let path = SiteHistory.path(of: revision, in: document)
                    add(path, key: keys?.revision(revision, of: document) ?? .none, statuses: .none, reads: .light) { inputs, _ in
                        let document = inputs.portfolio[id] ?? document
                        let title = "\(document.id): \(revision.commit?.shortID ?? "working tree")"
                        return page(path, title: title, section: document.kind.folder, template: "revision", inputs) { root in
                            RevisionPage(document, revision: revision, history: inputs.history ?? history, today: inputs.today, root: root)
                        }
                    }
                    files[files.count - 1].blobs = SiteHistory.blobs(of: revision)
                }
            }
        }
        for (path, bytes) in inputs.theme.assets.sorted(by: { $0.key < $1.key }) {
            add("assets/" + path, key: keys?.fixed("assets/" + path) ?? .none, statuses: .none, reads: .light) { _, _ in
                OutputFile(path: "assets/" + path, contents: bytes)
            }
        }
        return files
    }

    /// Renders `files` and calls `emit` (on the calling thread) with each batch as it is done.
    /// `progress` gets (files done, files in all) after each batch.
    public static func render(_ files: [PlannedFile], inputs: Inputs, progress: ((Int, Int) -> Void)? = nil,
                              emit: ([OutputFile]) -> Void) {
        let idLinker = inputs.idLinker ?? IDLinker(portfolio: inputs.portfolio)
        let siteWide = files.filter(\.siteWide)
        let pages = files.filter { !$0.siteWide }
        // Site-wide pages (dashboard, lists, timeline: one long job each, over
        // every document) run on threads of their own (`siteWideLanes`),
        // beside the batches of the other pages on all cores: in a batch, one
        // long job would keep the other cores waiting (docs/performance.md).
        let siteWideFiles = BackgroundWork(siteWide.map { file in { [file.make(inputs, idLinker)] } }, lanes: siteWideLanes)
        let total = files.count
        var done = 0
        while done < pages.count {
            let batch = Array(pages[done..<min(pages.count, done + batchSize)])
            emit(ConcurrentMap.map(batch) { $0.make(inputs, idLinker) })
            done += batch.count
            progress?(done, total)
        }
        // Each as it is done: the largest (`portfolio.json`) is written while the others render.
        siteWideFiles.forEachAsDone(emit)
        progress?(total, total)
    }

    /// What every page says about the site.
    static func siteInfo(config: SiteConfig, today: Day) -> PageContext.SiteInfo {
        var site = PageContext.SiteInfo(title: config.title, today: today, generator: generator)
        site.hasFeed = config.baseURL != nil
        return site
    }

    /// A page through its template: the page's model, which `build` makes from the page's root, in the frame every page has.
    static func page<Model: TemplateValue>(_ path: String, title: String, section: String, template: String, site: PageContext.SiteInfo,
                                           theme: CompiledTheme, _ build: (String) -> Model) -> OutputFile {
        let frame = PageFrame(PageContext(site: site, path: path, title: title, section: section))
        return OutputFile(path: path, contents: theme.renderBytes(template, Page(frame: frame, content: build(frame.root))))
    }

    /// A document's own page; its links to files and documents rewritten as `inputs.links` resolved them.
    static func documentPage(_ document: Document, inputs: Inputs, idLinker: IDLinker) -> OutputFile {
        let portfolio = inputs.portfolio, status = inputs.status
        let tree = inputs.links[document.source].map { LinkedFiles.rewrite(document.body, with: $0) } ?? document.body
        let blocks = BodyOutline.blocks(of: tree)
        let panels = PlanPanel.panels(for: document, status: status)
        let (segments, body) = BodySplitter.render(blocks, layout: PlanBodyLayout.place(panels, in: blocks, plan: document.plan), panels: panels,
                                                   linker: idLinker.page(selfID: document.id, root: PageContext.root(of: document.url)))
        return page(document.url, title: "\(document.id): \(document.title)", section: document.kind.folder, template: "document",
                    site: inputs.site, theme: inputs.theme) { root in
            var page = DocumentPage(document, body: body, segments: segments, portfolio: portfolio, status: status, root: root)
            page.history = RevisionList(document, history: inputs.history, today: inputs.today, root: root)
            return page
        }
    }
}
