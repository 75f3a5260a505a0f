/// What every page's template receives, whatever the page.
///
/// Template data is built as `[String: Any]`, which planfolio's Mustache
/// engine reads with casts to concrete types only (`MustacheValue`). Each key is listed in
/// `docs/theme.md`; values are Strings, Bools, Ints, arrays and nested
/// `[String: Any]` dictionaries only.
struct PageContext {
    var site: SiteInfo
    /// The page's path under the site, e.g. `plans/RP-2026-007.html`.
    var path: String
    var title: String
    /// Which top navigation entry is current: `index`, `plans`, ...
    var section: String

    struct SiteInfo {
        var title: String
        var today: Day
        var generator: String
        /// A base URL is set, so `feed.xml` exists.
        var hasFeed = false
        /// The site has `changes.html` (a build with git history).
        var hasChanges = false
    }

    /// Replaces `root` for a page served from any path (`404.html`): the base URL.
    var fixedRoot: String?

    /// `../` repeated for each folder the page is in, so every link is relative.
    var root: String { fixedRoot ?? Self.root(of: path) }

    static func root(of path: String) -> String {
        String(repeating: "../", count: path.count(where: { $0 == "/" }))
    }

    static let navigation: [(key: String, label: String, href: String)] = [
        ("index", "Dashboard", "index.html"),
        ("plans", "Plans", "plans.html"),
        ("investigations", "Investigations", "investigations.html"),
        ("assessments", "Assessments", "assessments.html"),
        ("systems", "Systems", "systems.html"),
        ("timeline", "Timeline", "timeline.html"),
        ("approvals", "Approvals", "approvals.html"),
    ]

    func dictionary(merging page: [String: Any]) -> [String: Any] {
        // The page's own keys win; they are the many, so the few site keys
        // are added to them (where the page has not set them) rather than the
        // page merged key by key into a growing dictionary.
        var context = page
        context.reserveCapacity(page.count + 8)
        let root = self.root
        func add(_ key: String, _ value: @autoclosure () -> Any) {
            if context[key] == nil { context[key] = value() }
        }
        add("siteTitle", site.title)
        add("pageTitle", title)
        add("root", root)
        add("today", site.today.description)
        add("generator", site.generator)
        add("searchHref", root + "search.html")
        add("hasFeed", site.hasFeed)
        let navigation = site.hasChanges ? Self.navigation + [("changes", "Changes", ChangesPage.path)] : Self.navigation
        add("nav", navigation.map { entry -> [String: Any] in
            ["label": entry.label, "href": root + entry.href, "current": entry.key == section]
        })
        return context
    }
}
