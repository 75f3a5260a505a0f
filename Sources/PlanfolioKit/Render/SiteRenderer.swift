import Foundation
import PlanfolioMarkdown

/// The Render stage: every page of the site, as files in memory.
///
/// Pages are independent, so they are rendered on all cores; the result is
/// sorted by path, so it never depends on scheduling.
public enum SiteRenderer {
    public static let generator = "planfolio 0.1.0"

    public static func render(portfolio: Portfolio, config: SiteConfig, today: Day, theme: CompiledTheme,
                              status: PortfolioStatus? = nil) -> [OutputFile] {
        let status = status ?? PortfolioStatus(today: today)
        var siteInfo = PageContext.SiteInfo(title: config.title, today: today, generator: generator)
        siteInfo.hasFeed = config.baseURL != nil
        let site = siteInfo
        @Sendable func page(_ path: String, title: String, section: String, template: String, _ build: (String) -> [String: Any]) -> OutputFile {
            let context = PageContext(site: site, path: path, title: title, section: section)
            let html = theme.render(template, context.dictionary(merging: build(context.root)))
            return OutputFile(path: path, text: html)
        }

        // Every page is one job, run on all cores in one map: the site-wide
        // pages (dashboard, lists, timeline: one Mustache render each, over
        // every document) come first so they overlap the document pages
        // instead of running alone before them (docs/performance.md).
        var jobs: [@Sendable () -> OutputFile] = []
        jobs.append {
            page("index.html", title: "Dashboard", section: "index", template: "index") { root in
                DashboardPage.context(portfolio: portfolio, root: root)
                    .merging(DashboardStatus.context(portfolio: portfolio, status: status, config: config, root: root)) { $1 }
            }
        }
        jobs.append {
            page("timeline.html", title: "Timeline", section: "timeline", template: "timeline") { root in
                TimelinePage.context(portfolio: portfolio, status: status, root: root)
            }
        }
        jobs.append {
            page("approvals.html", title: "Approvals", section: "approvals", template: "approvals") { root in
                ApprovalsPage.context(portfolio: portfolio, status: status, config: config, root: root)
            }
        }
        for kind in DocumentKind.allCases {
            jobs.append {
                page("\(kind.folder).html", title: kind.pluralDisplayName, section: kind.folder, template: "list") { root in
                    ListPage.context(kind: kind, portfolio: portfolio, root: root, status: status)
                }
            }
        }
        jobs.append {
            page(SystemsPage.path, title: "Systems", section: "systems", template: "systems") { root in
                SystemsPage.context(portfolio: portfolio, root: root, status: status)
            }
        }
        for system in portfolio.systems {
            jobs.append {
                page(SystemPage.path(system), title: system.name, section: "systems", template: "system") { root in
                    SystemPage.context(system: system, portfolio: portfolio, root: root, status: status)
                }
            }
        }

        let idLinker = IDLinker(portfolio: portfolio)
        for document in portfolio.documents {
            jobs.append {
                let outlined = BodyOutline.forPage(idLinker.link(document.bodyWithoutTitleHeading, selfID: document.id, root: PageContext.root(of: document.url)))
                let panels = PlanPanel.panels(for: document, status: status)
                let rendered = HTMLRenderer().render(PlanBodyLayout.place(panels, in: outlined, plan: document.plan))
                let (segments, html) = BodySplitter.split(html: rendered.html, panels: panels)
                var body = rendered
                body.html = html
                return page(document.url, title: "\(document.id): \(document.title)", section: document.kind.folder, template: "document") { root in
                    let context = DocumentPage.context(document, body: body, portfolio: portfolio, root: root)
                    return context.merging(DocumentStatusContext.context(document, status: status, segments: segments)) { $1 }
                        .merging(ChainCards.context(document, portfolio: portfolio, status: status, root: root)) { $1 }
                }
            }
        }
        jobs.append {
            page("search.html", title: "Search", section: "search", template: "search") { _ in
                ["indexFile": SearchIndex.fileName]
            }
        }
        var notFoundPage = PageContext(site: site, path: "404.html", title: "Page not found", section: "")
        notFoundPage.fixedRoot = config.baseURL
        let notFound = notFoundPage
        jobs.append { OutputFile(path: "404.html", text: theme.render("notfound", notFound.dictionary(merging: [:]))) }
        var files = ConcurrentMap.map(jobs) { $0() }
        files += SiteData.files(portfolio: portfolio, config: config, status: status ?? PortfolioStatus(today: today),
                                pages: files.map(\.path).filter { $0.hasSuffix(".html") })
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, contents: bytes))
        }
        return files.sorted { $0.path < $1.path }
    }
}
