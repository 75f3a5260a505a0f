/// Where a page sits in the site: what its frame (`PageFrame`) is made from.
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
}
