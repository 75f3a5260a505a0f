/// `approvals.html`: the approval register, plans down and required roles
/// across; each cell the signer and date, "missing", or "stale since DATE".
struct ApprovalsPage: TemplateValue {
    /// Every role some plan requires, in the order the config or template gives, then as found.
    var columns: [Column]
    var rows: [Row]
    var hasRows: Bool

    struct Column: TemplateValue {
        var role: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            name.key == .role ? role : nil
        }
    }

    /// One plan.
    struct Row: TemplateValue {
        var id: String
        var title: String
        /// The plan's approval panel.
        var href: String
        /// `approved`, `partial`, `awaiting`.
        var state: String
        var stale: Bool
        /// `draft`, `in-progress`, ...
        var lifecycle: String
        var summary: Badge
        /// One per column.
        var cells: [Cell]

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .id: id
            case .title: title
            case .href: href
            case .state: state
            case .stale: stale
            case .lifecycle: lifecycle
            case .summary: summary
            case .cells: cells
            default: nil
            }
        }
    }

    struct Cell: TemplateValue {
        /// "Name, DATE", "missing" or "not required".
        var text: String
        /// `signed`, `stale`, `missing`, `not-required`.
        var state: String
        var tone: String
        var hasDate: Bool
        /// True with a `note`, false for a cell nobody signed; no member on a signed cell that is not stale.
        var hasNote: Bool?
        /// Name and date apart too, so a theme can keep the date on one line; no members on a cell nobody signed.
        var signer: String?
        var date: String?
        /// "stale since DATE"; no member unless stale.
        var note: String?
        /// With git history, what made a stale signature stale; else nil.
        var staleCause: StaleCause?

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .text: text
            case .state: state
            case .tone: tone
            case .hasDate: hasDate
            case .hasNote: hasNote
            case .signer: signer
            case .date: date
            case .note: note
            case .hasStaleCause: staleCause != nil
            case .staleCause: staleCause
            default: nil
            }
        }
    }

    init(portfolio: Portfolio, status: PortfolioStatus, config: SiteConfig, root: String) {
        let plans = portfolio.documents(of: .plan).compactMap { plan in status.plans[plan.id].map { (plan, $0) } }
        // Each role name's key once: the plans of a portfolio name the same few roles.
        var keyOf: [String: String] = [:]
        func key(_ role: String) -> String {
            if let known = keyOf[role] { return known }
            let key = RoleName.key(role)
            keyOf[role] = key
            return key
        }
        // Columns: every role some plan requires, in the order the config or template gives.
        var columns: [String] = []
        var keys: Set<String> = []
        for role in ApprovalComputer.requiredRoles(rows: [], config: config) where keys.insert(key(role)).inserted {
            columns.append(role)
        }
        for (_, planStatus) in plans {
            for role in planStatus.approval.roles where role.required && keys.insert(key(role.role)).inserted {
                columns.append(role.role)
            }
        }
        let columnKeys = columns.map(key)
        rows = plans.map { plan, planStatus in
            var byKey: [String: RoleStatus] = [:]
            for role in planStatus.approval.roles {
                let roleKey = key(role.role)
                if byKey[roleKey] == nil { byKey[roleKey] = role }
            }
            let cells = columnKeys.map { columnKey in
                guard let role = byKey[columnKey], role.required else {
                    return Cell(text: "not required", state: "not-required", tone: "none", hasDate: false, hasNote: false)
                }
                if !role.signed { return Cell(text: "missing", state: "missing", tone: "red", hasDate: false, hasNote: false) }
                let date = role.date?.description ?? ""
                var cell = Cell(text: "\(role.name), \(date)", state: "signed", tone: "none", hasDate: role.date != nil,
                                signer: role.name, date: date)
                if role.stale {
                    // With git history, stale since the governed change; else since the plan's `updated` date.
                    let cause = role.staleSince.map { StaleCause($0, document: plan, root: root) }
                    cell.note = "stale since \(cause?.day ?? plan.updated?.description ?? "")"
                    cell.hasNote = true
                    cell.state = "stale"
                    cell.tone = "red"
                    cell.staleCause = cause
                }
                return cell
            }
            return Row(id: plan.id, title: plan.title, href: root + plan.url + "#pf-approval-status",
                       state: planStatus.approval.state.rawValue, stale: planStatus.approval.stale,
                       lifecycle: StatusBadges.slug(planStatus.lifecycle), summary: StatusBadges.approval(planStatus.approval),
                       cells: cells)
        }
        self.columns = columns.map { Column(role: $0) }
        hasRows = !rows.isEmpty
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .columns: columns
        case .rows: rows
        case .hasRows: hasRows
        default: nil
        }
    }
}
