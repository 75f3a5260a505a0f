/// Site-wide settings from `planfolio.yml` and the command line.
public struct SiteConfig: Sendable, Hashable {
    public var title: String = "Remediation plan portfolio"
    /// Absolute URL the site is published at; enables the feed and sitemap.
    public var baseURL: String?
    /// The approval roles every plan needs, as written.
    public var requiredRoles: [String] = SiteConfig.templateRoles
    /// Whether `requiredRoles` was set by the user (then Compliance Officer is not special).
    public var requiredRolesConfigured = false
    public var dueSoonDays: Int = 14
    /// Where `changes.html` starts: a date (`YYYY-MM-DD`) or a git revision; nil for 30 days before today.
    public var changesSince: String?

    /// The template's required roles; Compliance Officer is added per plan when its row is filled.
    public static let templateRoles = ["Plan Owner", "Technical Lead", "Fairness Assessment Lead", "System Owner/Product Manager"]

    public init() {}
}
