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
        var files: [OutputFile] = []
        render(portfolio: portfolio, config: config, today: today, theme: theme, status: status) { files += $0 }
        return files.sorted { $0.path < $1.path }
    }

    /// Renders the site and calls `emit` (on the calling thread) with each batch of files as it is done.
    /// `progress` gets (files done, files in all) after each batch. `searchTexts`: each document's
    /// text in the search index by id, when the caller has them already (`SearchIndex.text(of:)`).
    public static func render(portfolio: Portfolio, config: SiteConfig, today: Day, theme: CompiledTheme,
                              status: PortfolioStatus? = nil, searchTexts: [String: String]? = nil,
                              progress: ((Int, Int) -> Void)? = nil, emit: ([OutputFile]) -> Void) {
        let status = status ?? PortfolioStatus(today: today)
        let site = siteInfo(config: config, today: today)
        @Sendable func page(_ path: String, title: String, section: String, template: String, _ build: (String) -> [String: Any]) -> OutputFile {
            Self.page(path, title: title, section: section, template: template, site: site, theme: theme, build)
        }

        // Site-wide pages (dashboard, lists, timeline: one long job each, over
        // every document) run on threads of their own (`siteWideLanes`),
        // beside the batches of the other pages on all cores: in a batch, one
        // long job would keep the other cores waiting (docs/performance.md).
        var siteWide: [Job] = []
        func add(_ path: String, _ make: @escaping @Sendable () -> OutputFile) { siteWide.append(Job(path: path) { [make()] }) }
        add("index.html") {
            page("index.html", title: "Dashboard", section: "index", template: "index") { root in
                DashboardPage.context(portfolio: portfolio, root: root)
                    .merging(DashboardStatus.context(portfolio: portfolio, status: status, config: config, root: root)) { $1 }
            }
        }
        add("timeline.html") {
            page("timeline.html", title: "Timeline", section: "timeline", template: "timeline") { root in
                TimelinePage.context(portfolio: portfolio, status: status, root: root)
            }
        }
        add("approvals.html") {
            page("approvals.html", title: "Approvals", section: "approvals", template: "approvals") { root in
                ApprovalsPage.context(portfolio: portfolio, status: status, config: config, root: root)
            }
        }
        for kind in DocumentKind.allCases {
            add("\(kind.folder).html") {
                page("\(kind.folder).html", title: kind.pluralDisplayName, section: kind.folder, template: "list") { root in
                    ListPage.context(kind: kind, portfolio: portfolio, root: root, status: status)
                }
            }
        }
        add(SystemsPage.path) {
            page(SystemsPage.path, title: "Systems", section: "systems", template: "systems") { root in
                SystemsPage.context(portfolio: portfolio, root: root, status: status)
            }
        }
        var jobs: [Job] = []
        func addPage(_ path: String, _ make: @escaping @Sendable () -> OutputFile) { jobs.append(Job(path: path) { [make()] }) }
        for system in portfolio.systems {
            addPage(SystemPage.path(system)) {
                page(SystemPage.path(system), title: system.name, section: "systems", template: "system") { root in
                    SystemPage.context(system: system, portfolio: portfolio, root: root, status: status)
                }
            }
        }

        let idLinker = IDLinker(portfolio: portfolio)
        for document in portfolio.documents {
            addPage(document.url) {
                documentPage(document, portfolio: portfolio, status: status, theme: theme, site: site, idLinker: idLinker)
            }
        }
        addPage("search.html") {
            page("search.html", title: "Search", section: "search", template: "search") { _ in
                ["indexFile": SearchIndex.fileName]
            }
        }
        var notFoundPage = PageContext(site: site, path: "404.html", title: "Page not found", section: "")
        notFoundPage.fixedRoot = config.baseURL
        let notFound = notFoundPage
        addPage("404.html") { OutputFile(path: "404.html", contents: theme.renderBytes("notfound", notFound.dictionary(merging: [:]))) }
        // The data files (portfolio.json, the search index, feeds) are site-wide too.
        let pages = (siteWide + jobs).map(\.path).filter { $0.hasSuffix(".html") }
        let assets = theme.assets
        siteWide.insert(Job(path: "") {
            SiteData.files(portfolio: portfolio, config: config, status: status, pages: pages, searchTexts: searchTexts)
                + assets.sorted(by: { $0.key < $1.key }).map { OutputFile(path: "assets/" + $0.key, contents: $0.value) }
        }, at: 0)

        let siteWideFiles = BackgroundWork(siteWide.map(\.make), lanes: siteWideLanes)
        let total = jobs.count + siteWide.count
        var done = 0
        while done < jobs.count {
            let batch = Array(jobs[done..<min(jobs.count, done + batchSize)])
            emit(ConcurrentMap.map(batch) { $0.make() }.flatMap { $0 })
            done += batch.count
            progress?(done, total)
        }
        for files in siteWideFiles.wait() { emit(files) }
        progress?(total, total)
    }

    /// What every page says about the site.
    static func siteInfo(config: SiteConfig, today: Day) -> PageContext.SiteInfo {
        var site = PageContext.SiteInfo(title: config.title, today: today, generator: generator)
        site.hasFeed = config.baseURL != nil
        return site
    }

    /// A page through its template: the site's context merged with the page's own, which `build` makes from the page's root.
    static func page(_ path: String, title: String, section: String, template: String, site: PageContext.SiteInfo, theme: CompiledTheme,
                     _ build: (String) -> [String: Any]) -> OutputFile {
        let context = PageContext(site: site, path: path, title: title, section: section)
        return OutputFile(path: path, contents: theme.renderBytes(template, context.dictionary(merging: build(context.root))))
    }

    /// A document's own page: `render` writes one per document, and a
    /// rebuild after an edit that other pages cannot see writes only the
    /// edited ones (`IncrementalBuild`).
    static func documentPage(_ document: Document, portfolio: Portfolio, status: PortfolioStatus, theme: CompiledTheme,
                             site: PageContext.SiteInfo, idLinker: IDLinker) -> OutputFile {
        let blocks = BodyOutline.blocks(of: document.body)
        let panels = PlanPanel.panels(for: document, status: status)
        let (segments, body) = BodySplitter.render(blocks, layout: PlanBodyLayout.place(panels, in: blocks, plan: document.plan), panels: panels,
                                                   linker: idLinker.page(selfID: document.id, root: PageContext.root(of: document.url)))
        return page(document.url, title: "\(document.id): \(document.title)", section: document.kind.folder, template: "document",
                    site: site, theme: theme) { root in
            let context = DocumentPage.context(document, body: body, portfolio: portfolio, root: root)
            return context.merging(DocumentStatusContext.context(document, status: status, segments: segments)) { $1 }
                .merging(ChainCards.context(document, portfolio: portfolio, status: status, root: root)) { $1 }
        }
    }

    /// One job to run on some core: a page (`path`), or the data files.
    private struct Job: Sendable {
        var path: String
        var make: @Sendable () -> [OutputFile]
    }
}
