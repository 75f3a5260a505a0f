/// `approvals.html`: the approval register, plans down and required roles
/// across; each cell the signer and date, "missing", or "stale since DATE".
enum ApprovalsPage {
    static func context(portfolio: Portfolio, status: PortfolioStatus, config: SiteConfig, root: String) -> [String: Any] {
        let plans = portfolio.documents(of: .plan).compactMap { plan in status.plans[plan.id].map { (plan, $0) } }
        // Columns: every role some plan requires, in the order the config or template gives.
        var columns: [String] = []
        var keys: Set<String> = []
        for role in ApprovalComputer.requiredRoles(rows: [], config: config) where keys.insert(RoleName.key(role)).inserted {
            columns.append(role)
        }
        for (_, planStatus) in plans {
            for role in planStatus.approval.roles where role.required && keys.insert(RoleName.key(role.role)).inserted {
                columns.append(role.role)
            }
        }
        let rows: [[String: Any]] = plans.map { plan, planStatus in
            var byKey: [String: RoleStatus] = [:]
            for role in planStatus.approval.roles where byKey[RoleName.key(role.role)] == nil { byKey[RoleName.key(role.role)] = role }
            let cells: [[String: Any]] = columns.map { column in
                guard let role = byKey[RoleName.key(column)], role.required else {
                    return ["text": "not required", "state": "not-required", "tone": "none", "hasDate": false, "hasNote": false]
                }
                if !role.signed { return ["text": "missing", "state": "missing", "tone": "red", "hasDate": false, "hasNote": false] }
                let signer = "\(role.name), \(role.date?.description ?? "")"
                // Name and date apart too, so a theme can keep the date on one line.
                var cell: [String: Any] = ["text": signer, "signer": role.name, "date": role.date?.description ?? "", "hasDate": role.date != nil,
                                           "state": "signed", "tone": "none"]
                if role.stale, let since = role.staleSince {
                    cell["note"] = "stale since \(since.day)"
                    cell["hasNote"] = true
                    cell["state"] = "stale"
                    cell["tone"] = "red"
                    cell["hasStaleCause"] = true
                    cell["staleCause"] = DocumentStatusContext.staleCause(since, document: plan, root: root)
                } else if role.stale {
                    cell["note"] = "stale since \(plan.updated?.description ?? "")"
                    cell["hasNote"] = true
                    cell["state"] = "stale"
                    cell["tone"] = "red"
                }
                return cell
            }
            return [
                "id": plan.id,
                "title": plan.title,
                "href": root + plan.url + "#pf-approval-status",
                "state": planStatus.approval.state.rawValue,
                "stale": planStatus.approval.stale,
                "lifecycle": StatusBadges.slug(planStatus.lifecycle),
                "summary": StatusBadges.approval(planStatus.approval),
                "cells": cells,
            ]
        }
        return [
            "columns": columns.map { ["role": $0] },
            "rows": rows,
            "hasRows": !rows.isEmpty,
        ]
    }
}
