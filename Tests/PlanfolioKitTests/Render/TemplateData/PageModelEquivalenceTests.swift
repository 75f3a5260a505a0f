import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// Every page model answers every name exactly as the `[String: Any]`
/// context it replaces did (`LegacyTemplateData.swift`): the same names
/// present and absent at every level, the same text, the same truthiness,
/// the same elements. So a theme written against the documented keys,
/// including keys the built-in theme does not use, renders as it did.
@Suite struct PageModelEquivalenceTests {
    static let today = Day("2026-11-25")!

    /// Each way `value` differs from `legacy` as the engine sees them, with its path.
    static func differences(_ value: any TemplateValue, _ legacy: Any, at path: String = "") -> [String] {
        func text(_ value: any TemplateValue, escaped: Bool) -> String {
            var bytes: [UInt8] = []
            value.appendText(to: &bytes, escaped: escaped)
            return String(decoding: bytes, as: UTF8.self)
        }
        func elements(_ value: any TemplateValue) -> [any TemplateValue] {
            var elements: [any TemplateValue] = []
            value.forEachElement { elements.append($0) }
            return elements
        }
        func scalar(_ section: TemplateSection, _ raw: String) -> [String] {
            var found: [String] = []
            if value.section != section { found.append("\(path): section \(value.section), was \(section)") }
            if text(value, escaped: false) != raw { found.append("\(path): text \(text(value, escaped: false).debugDescription), was \(raw.debugDescription)") }
            if text(value, escaped: true) != raw.htmlEscaped { found.append("\(path): escaped text differs") }
            return found
        }
        func list(_ items: [Any]) -> [String] {
            guard value.section == .list(isEmpty: items.isEmpty) else { return ["\(path): section \(value.section), was a list of \(items.count)"] }
            let mine = elements(value)
            guard mine.count == items.count else { return ["\(path): \(mine.count) elements, were \(items.count)"] }
            return zip(mine, items).enumerated().flatMap { differences($1.0, $1.1, at: "\(path)[\($0)]") }
        }
        switch legacy {
        case let string as String: return scalar(.context, string)
        case let bool as Bool: return scalar(.flag(bool), bool ? "true" : "false")
        case let items as [[String: Any]]: return list(items)
        case let dictionary as [String: Any]:
            var found = scalar(.context, "")
            for key in dictionary.keys.sorted() where TemplateKey(rawValue: key) == nil {
                found.append("\(path).\(key): not a TemplateKey, so no model can have it")
            }
            for key in TemplateKey.allCases {
                let mine = value.member(TemplateName(key.rawValue))
                switch (mine, dictionary[key.rawValue]) {
                case (nil, nil): continue
                case (let mine?, let theirs?): found += differences(mine, theirs, at: "\(path).\(key.rawValue)")
                case (nil, _?): found.append("\(path).\(key.rawValue): missing")
                case (_?, nil): found.append("\(path).\(key.rawValue): present, was not")
                }
            }
            return found
        case let int as Int: return scalar(.context, String(int))
        case let strings as [String]: return list(strings)
        case let items as [Any]: return list(items)
        case let markup as SVGMarkup:
            var found = scalar(.context, markup.text)
            var bytes: [UInt8] = []
            value.appendText(to: &bytes, escaped: false)
            if bytes != markup.bytes { found.append("\(path): markup bytes differ") }
            return found
        default: return ["\(path): the legacy value \(type(of: legacy)) is not one the contexts held"]
        }
    }

    /// One portfolio with one status, and what the site's pages show of it.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var portfolio: Portfolio
        var status: PortfolioStatus
        var config = SiteConfig()
        var testDescription: String { name }
    }

    static func cases() throws -> [Case] {
        let (sample, _) = try Repository.samplePortfolio()
        var config = SiteConfig()
        config.baseURL = "https://intranet.example/plans/"
        let corpus = try PerformanceFixtures.corpus(plans: 30)
        defer { try? FileManager.default.removeItem(at: corpus) }
        let loaded = try InputLoader.load(input: corpus.path)
        let generated = Linker.link(loaded.files.compactMap { DocumentParser.parse($0).0 }).0
        return [
            Case(name: "sample, computed status", portfolio: sample, status: StatusComputer.compute(portfolio: sample, config: config, today: today).0,
                 config: config),
            Case(name: "sample, made-up status", portfolio: sample, status: Repository.madeUpStatus(for: sample, today: today)),
            Case(name: "sample, no status", portfolio: sample, status: PortfolioStatus(today: today)),
            Case(name: "generated, computed status", portfolio: generated,
                 status: StatusComputer.compute(portfolio: generated, config: SiteConfig(), today: today).0),
        ]
    }

    static func expectSame(_ model: some TemplateValue, _ legacy: [String: Any], _ page: String) {
        let found = differences(model, legacy)
        #expect(found.isEmpty, "\(page): \(found.prefix(20).joined(separator: "\n"))")
    }

    @Test(arguments: try cases())
    func siteWidePages(_ test: Case) {
        let portfolio = test.portfolio, status = test.status, config = test.config
        for root in ["", "../"] {
            Self.expectSame(DashboardPage(portfolio: portfolio, status: status, config: config, root: root),
                            LegacyDashboardPage.context(portfolio: portfolio, root: root)
                                .merging(LegacyDashboardStatus.context(portfolio: portfolio, status: status, config: config, root: root)) { $1 },
                            "dashboard")
            Self.expectSame(TimelinePage(portfolio: portfolio, status: status, root: root),
                            LegacyTimelinePage.context(portfolio: portfolio, status: status, root: root), "timeline")
            Self.expectSame(ApprovalsPage(portfolio: portfolio, status: status, config: config, root: root),
                            LegacyApprovalsPage.context(portfolio: portfolio, status: status, config: config, root: root), "approvals")
            for kind in DocumentKind.allCases {
                Self.expectSame(ListPage(kind: kind, portfolio: portfolio, root: root, status: status),
                                LegacyListPage.context(kind: kind, portfolio: portfolio, root: root, status: status), "\(kind) list")
                Self.expectSame(ListPage(kind: kind, portfolio: portfolio, root: root),
                                LegacyListPage.context(kind: kind, portfolio: portfolio, root: root), "\(kind) list without status")
            }
            Self.expectSame(SystemsPage(portfolio: portfolio, root: root, status: status),
                            LegacySystemsPage.context(portfolio: portfolio, root: root, status: status), "systems")
            Self.expectSame(SystemsPage(portfolio: portfolio, root: root),
                            LegacySystemsPage.context(portfolio: portfolio, root: root), "systems without status")
            for system in portfolio.systems {
                Self.expectSame(SystemPage(system: system, portfolio: portfolio, root: root, status: status),
                                LegacySystemPage.context(system: system, portfolio: portfolio, root: root, status: status), system.name)
                Self.expectSame(SystemPage(system: system, portfolio: portfolio, root: root),
                                LegacySystemPage.context(system: system, portfolio: portfolio, root: root), "\(system.name) without status")
            }
        }
        #expect(!portfolio.systems.isEmpty && !portfolio.documents(of: .plan).isEmpty)
    }

    @Test(arguments: try cases())
    func documentPages(_ test: Case) {
        let portfolio = test.portfolio, status = test.status
        for document in portfolio.documents {
            let root = PageContext.root(of: document.url)
            let blocks = BodyOutline.blocks(of: document.body)
            let panels = PlanPanel.panels(for: document, status: status)
            let (segments, body) = BodySplitter.render(blocks, layout: PlanBodyLayout.place(panels, in: blocks, plan: document.plan),
                                                       panels: panels, linker: nil)
            let legacySegments: [[String: Any]] = segments.map { segment in
                var entry: [String: Any] = ["html": segment.html]
                for panel in segment.panels { entry[panel.rawValue] = true }
                return entry
            }
            let legacy = LegacyDocumentPage.context(document, body: body, portfolio: portfolio, root: root)
                .merging(LegacyDocumentStatusContext.context(document, status: status, segments: legacySegments)) { $1 }
                .merging(LegacyChainCards.context(document, portfolio: portfolio, status: status, root: root)) { $1 }
            Self.expectSame(DocumentPage(document, body: body, segments: segments, portfolio: portfolio, status: status, root: root),
                            legacy, document.id)
        }
    }

    @Test func theFrameAndTheSmallPages() throws {
        var site = PageContext.SiteInfo(title: "Plans & more", today: Self.today, generator: SiteRenderer.generator)
        for hasFeed in [false, true] {
            site.hasFeed = hasFeed
            for (path, section) in [("index.html", "index"), ("plans/RP-1.html", "plans"), ("systems/a.html", "systems"), ("404.html", "")] {
                let context = PageContext(site: site, path: path, title: "A <title>", section: section)
                let legacy = LegacyPageContext(site: .init(title: site.title, today: site.today, generator: site.generator, hasFeed: hasFeed),
                                               path: path, title: context.title, section: section)
                Self.expectSame(Page(frame: PageFrame(context), content: SearchPage()),
                                legacy.dictionary(merging: ["indexFile": SearchIndex.fileName]), "search at \(path)")
                Self.expectSame(Page(frame: PageFrame(context), content: NotFoundPage()), legacy.dictionary(merging: [:]), "404 at \(path)")
            }
        }
        var notFound = PageContext(site: site, path: "404.html", title: "Page not found", section: "")
        notFound.fixedRoot = "https://intranet.example/plans/"
        var legacy = LegacyPageContext(site: .init(title: site.title, today: site.today, generator: site.generator, hasFeed: site.hasFeed),
                                       path: "404.html", title: "Page not found", section: "")
        legacy.fixedRoot = notFound.fixedRoot
        Self.expectSame(Page(frame: PageFrame(notFound), content: NotFoundPage()), legacy.dictionary(merging: [:]), "404 with a base URL")
    }

    /// The comparison itself finds what it is for: a missing, an extra and a changed member.
    @Test func aDifferenceIsFound() {
        let badge = Badge("Open", "blue")
        #expect(Self.differences(badge, ["label": "Open", "tone": "blue"] as [String: Any]).isEmpty)
        #expect(Self.differences(badge, ["label": "Open", "tone": "blue", "superseded": true] as [String: Any])
                == [".superseded: missing"])
        #expect(Self.differences(badge, ["label": "Open"] as [String: Any]) == [".tone: present, was not"])
        #expect(Self.differences(badge, ["label": "Closed", "tone": "blue"] as [String: Any]).count == 2)
        #expect(Self.differences([badge], [] as [[String: Any]]) == [": section list(isEmpty: false), was a list of 0"])
        #expect(!Self.differences(true, "true").isEmpty)
        #expect(!Self.differences(1, 2).isEmpty)
    }
}
