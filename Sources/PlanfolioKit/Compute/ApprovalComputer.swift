/// Spec 4.3: which roles must sign a plan, who has, and whose signature is stale.
///
/// Required roles are `requiredRoles` from the config when it was set, else
/// the template's four plus Compliance Officer when that row is filled in.
/// A role is signed when its row has a name, a signature and a valid date.
/// With the plan's git history, a signature is stale when a governed
/// section changed in a commit dated after it (`PlanHistory`); without, when
/// it is dated before the plan's `updated` (the same day is neither). One
/// dated after today is an error; a required role with no row is unsigned
/// and named in a warning.
enum ApprovalComputer {
    static func approval(of plan: Document, config: SiteConfig, today: Day, history: PlanHistory = .unavailable) -> (ApprovalStatus, [Diagnostic]) {
        let sections = plan.plan ?? PlanSections()
        let rows = sections.approvals
        var diagnostics: [Diagnostic] = []

        // Each row's key once: the rows are matched against the roles several times, for every plan.
        let rowKeys = rows.map { RoleName.key($0.role) }
        let required = requiredRoles(rows: rows, keys: rowKeys, config: config)
        let requiredKeys = Set(required.map(\.key))
        var rowByKey: [String: ApprovalRow] = [:]
        for (row, key) in zip(rows, rowKeys) where rowByKey[key] == nil {
            rowByKey[key] = row
        }

        func status(of row: ApprovalRow, required: Bool, displayRole: String) -> RoleStatus {
            let signed = !row.name.isBlankOrPlaceholder && !row.signature.isBlankOrPlaceholder && row.date != nil
            var stale = false
            var since: GovernedChange?
            if signed, let date = row.date {
                switch history {
                case .committed(let changes):
                    since = changes.first { $0.day > date }
                    stale = since != nil
                case .unavailable:
                    stale = plan.updated.map { date < $0 } ?? false
                }
            }
            return RoleStatus(role: displayRole, name: row.name.isBlankOrPlaceholder ? "" : row.name.trimmingSpaces,
                              signature: row.signature.isBlankOrPlaceholder ? "" : row.signature.trimmingSpaces,
                              date: row.date, required: required, signed: signed, stale: stale, line: row.line, staleSince: since)
        }

        var roles: [RoleStatus] = []
        for (role, key) in required {
            if let row = rowByKey[key] {
                roles.append(status(of: row, required: true, displayRole: role))
            } else {
                roles.append(RoleStatus(role: role, name: "", signature: "", date: nil, required: true, signed: false, stale: false, line: nil))
                if sections.hasApprovalTable {
                    diagnostics.append(.warning(.missingApprovalRow,
                        "the Approval table has no row for the required role '\(role)'; it counts as unsigned",
                        file: plan.displayPath, line: rows.first?.line ?? plan.idLine))
                }
            }
        }
        var listed = requiredKeys
        for (row, key) in zip(rows, rowKeys) where listed.insert(key).inserted {
            roles.append(status(of: row, required: false, displayRole: row.role.trimmingSpaces))
        }
        for row in rows {
            if let date = row.date, date > today {
                diagnostics.append(.error(.signatureInFuture,
                    "the signature of '\(row.role.trimmingSpaces)' is dated \(date), after today (\(today))",
                    file: plan.displayPath, line: row.line))
            }
        }

        let requiredRoles = roles.filter(\.required)
        let signed = requiredRoles.count(where: \.signed)
        let state: ApprovalState = signed == requiredRoles.count ? .approved : signed > 0 ? .partial : .awaiting
        let stale = requiredRoles.contains(where: \.stale)
        return (ApprovalStatus(state: state, signed: signed, required: requiredRoles.count, stale: stale, roles: roles), diagnostics)
    }

    /// The roles a plan needs, as they are displayed, without duplicates.
    static func requiredRoles(rows: [ApprovalRow], config: SiteConfig) -> [String] {
        requiredRoles(rows: rows, keys: rows.map { RoleName.key($0.role) }, config: config).map(\.role)
    }

    /// `requiredRoles` with each role's key, from the rows and their keys (`RoleName.key`).
    private static func requiredRoles(rows: [ApprovalRow], keys: [String], config: SiteConfig) -> [(role: String, key: String)] {
        var roles: [String]
        if config.requiredRolesConfigured {
            roles = config.requiredRoles
        } else {
            roles = SiteConfig.templateRoles
            let filled = zip(rows, keys).contains { row, key in
                key == complianceOfficerKey
                    && !(row.name.isBlankOrPlaceholder && row.signature.isBlankOrPlaceholder && row.dateText.isBlankOrPlaceholder)
            }
            if filled { roles.append(RoleName.complianceOfficer) }
        }
        var seen: Set<String> = []
        return roles.compactMap { role in
            let trimmed = role.trimmingSpaces
            guard !trimmed.isEmpty else { return nil }
            let key = RoleName.key(trimmed)
            return seen.insert(key).inserted ? (trimmed, key) : nil
        }
    }

    private static let complianceOfficerKey = RoleName.key(RoleName.complianceOfficer)
}
