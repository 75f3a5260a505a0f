import PlanfolioKit
import PlanfolioMarkdown

/// What the banner of one served page says: the problems of the document
/// the page shows (on the dashboard: of the whole portfolio), and the
/// failures that leave the whole site stale (a set-up failure, an error in
/// the config or the theme), which every page shows.
struct DiagnosticBanner: Equatable, Sendable {
    enum Scope: Equatable, Sendable {
        case document
        case portfolio
        case site
    }

    var scope: Scope
    var diagnostics: [Diagnostic]
    /// The set-up failure that stopped the build, if any.
    var failure: String?
    /// No build has written a site yet: there is no last good page to speak of.
    var noSite = false

    /// At most this many problems are listed; the terminal has them all.
    static let listed = 50

    var isEmpty: Bool { diagnostics.isEmpty && failure == nil }

    /// The fragment put at the top of the page's `<main>`; every text in it escaped.
    var html: String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        var title: [String] = []
        if let failure { title.append("The build failed: \(failure).") }
        if errors + warnings > 0 {
            let counts = [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }
                .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " and ")
            let place = switch scope {
            case .document: "in this document"
            case .portfolio: "in the portfolio"
            case .site: "in the site's set-up"
            }
            title.append("\(counts) \(place).")
        }
        if (failure != nil || errors > 0) && !noSite { title.append("The page is from the last good build.") }
        var html = "<section class=\"pf-serve-banner\(failure != nil || errors > 0 ? " pf-serve-banner-error" : "")\""
            + " role=\"status\" aria-label=\"Build problems (planfolio serve)\">\n"
        html += "<p class=\"pf-serve-banner-title\">" + title.joined(separator: " ").htmlEscaped + "</p>\n"
        if !diagnostics.isEmpty {
            html += "<ul>\n"
            for diagnostic in diagnostics.prefix(Self.listed) {
                html += "<li class=\"pf-serve-\(diagnostic.severity.rawValue)\"><code>" + diagnostic.description.htmlEscaped + "</code></li>\n"
            }
            if diagnostics.count > Self.listed {
                html += "<li>… and \(diagnostics.count - Self.listed) more: see the terminal.</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }
}
