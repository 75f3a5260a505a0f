/// What every page's template gets, whatever the page: the site's and the
/// page's titles, the relative root, the navigation (docs/theme.md).
struct PageFrame: TemplateValue {
    /// `title` from `planfolio.yml`.
    var siteTitle: String
    var pageTitle: String
    /// `../` per folder the page is in; on `404.html` with a base URL, the base URL.
    var root: String
    /// The build date, `YYYY-MM-DD`.
    var today: String
    /// `planfolio VERSION`.
    var generator: String
    /// `root` + `search.html`: the header search form's `action`.
    var searchHref: String
    /// A base URL is set, so `feed.xml` exists.
    var hasFeed: Bool
    /// The top navigation, one link per site section.
    var nav: [NavLink]

    struct NavLink: TemplateValue {
        var label: String
        var href: String
        /// This page is in that section.
        var current: Bool

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .label: label
            case .href: href
            case .current: current
            default: nil
            }
        }
    }

    init(_ context: PageContext) {
        let root = context.root
        siteTitle = context.site.title
        pageTitle = context.title
        self.root = root
        today = context.site.today.description
        generator = context.site.generator
        searchHref = root + "search.html"
        hasFeed = context.site.hasFeed
        let navigation = context.site.hasChanges ? PageContext.navigation + [("changes", "Changes", ChangesPage.path)] : PageContext.navigation
        nav = navigation.map { NavLink(label: $0.label, href: root + $0.href, current: $0.key == context.section) }
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .siteTitle: siteTitle
        case .pageTitle: pageTitle
        case .root: root
        case .today: today
        case .generator: generator
        case .searchHref: searchHref
        case .hasFeed: hasFeed
        case .nav: nav
        default: nil
        }
    }
}
