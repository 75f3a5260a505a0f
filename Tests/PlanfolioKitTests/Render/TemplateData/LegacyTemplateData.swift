import Foundation
import PlanfolioMarkdown
@testable import PlanfolioKit

// The template data as `[String: Any]` dictionaries, as the Render stage
// built it before the typed page models: the reference the models are
// compared with (`PageModelEquivalenceTests`), so a theme written against
// these keys keeps working. Copied from the Render stage as it was, with
// each type renamed `Legacy...`; not used by planfolio itself.

/// What every page's template receives, whatever the page.
///
/// Template data is built as `[String: Any]`, which planfolio's Mustache
/// engine reads with casts to concrete types only (`MustacheValue`). Each key is listed in
/// `docs/theme.md`; values are Strings, Bools, Ints, arrays and nested
/// `[String: Any]` dictionaries only.
struct LegacyPageContext {
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
        add("nav", Self.navigation.map { entry -> [String: Any] in
            ["label": entry.label, "href": root + entry.href, "current": entry.key == section]
        })
        return context
    }
}

/// The words and tones of status badges (UI.md: words first, colour second).
///
/// Each badge is `["label": words, "tone": green|blue|grey|amber|red]` for
/// the `status-badges` partial; tones map to `.tone-*` classes.
enum LegacyStatusBadges {
    static func lifecycle(_ status: PlanStatus) -> [String: Any] {
        switch status.lifecycle {
        case .draft: return badge("Draft", "grey")
        case .approved: return badge("Approved", "green")
        case .inProgress: return badge("In progress", "blue")
        case .completed: return badge("Completed", "green")
        case .overdue: return badge("Overdue", "red")
        case .superseded:
            var entry = badge(status.supersededBy.map { "Superseded by \($0)" } ?? "Superseded", "grey")
            entry["superseded"] = true
            return entry
        }
    }

    static func approval(_ approval: ApprovalStatus) -> [String: Any] {
        switch approval.state {
        case .approved: return badge("Approved: \(approval.signed) of \(approval.required) signed", "green")
        case .partial: return badge("\(approval.signed) of \(approval.required) signed", "blue")
        case .awaiting: return badge("Awaiting approval: 0 of \(approval.required) signed", "grey")
        }
    }

    /// Every badge of a plan's header, in reading order.
    static func plan(_ status: PlanStatus) -> [[String: Any]] {
        var badges = [lifecycle(status), approval(status.approval)]
        if status.approval.stale { badges.append(badge("Stale: re-approval needed", "red")) }
        if status.open, let soonest = status.phases.filter(\.dueSoon).compactMap(\.daysLeft).min() {
            badges.append(badge(soonest == 0 ? "Due today" : "Due in \(ChartStyle.days(soonest))", "amber"))
        }
        return badges
    }

    static func review(_ status: ReviewStatus) -> [[String: Any]] {
        var badges = [status.open ? badge("Open", "blue") : badge("Closed", "green")]
        if !status.breaches.isEmpty {
            badges.append(badge(status.breaches.count == 1 ? "1 breach" : "\(status.breaches.count) breaches", "red"))
        }
        if let successor = status.supersededBy { badges.append(badge("Superseded by \(successor)", "grey")) }
        return badges
    }

    static func badge(_ label: String, _ tone: String) -> [String: Any] {
        ["label": label, "tone": tone]
    }

    /// `in progress` -> `in-progress`: the form used in `data-*` attributes and URL fragments.
    static func slug(_ lifecycle: Lifecycle) -> String {
        lifecycle.rawValue.replacingOccurrences(of: " ", with: "-")
    }

    static func lifecycleWord(_ lifecycle: Lifecycle) -> String {
        switch lifecycle {
        case .draft: "Draft"
        case .approved: "Approved"
        case .inProgress: "In progress"
        case .completed: "Completed"
        case .overdue: "Overdue"
        case .superseded: "Superseded"
        }
    }

    static func lifecycleTone(_ lifecycle: Lifecycle) -> String {
        switch lifecycle {
        case .draft, .superseded: "grey"
        case .approved, .completed: "green"
        case .inProgress: "blue"
        case .overdue: "red"
        }
    }
}

/// The plan list's status columns: lifecycle, approval and next deadline,
/// plus the `data-lifecycle`, `data-approval` and `data-stale` values that
/// filter scripts read. Added to each row of `LegacyListPage` for plans.
enum LegacyPlanListColumns {
    static func columns(for plan: Document, status: PortfolioStatus) -> [String: Any] {
        guard let planStatus = status.plans[plan.id] else { return [:] }
        var columns: [String: Any] = [
            "hasStatus": true,
            "lifecycle": LegacyStatusBadges.slug(planStatus.lifecycle),
            // "Superseded by ID" for a superseded plan (UI.md's badge words).
            "lifecycleBadge": LegacyStatusBadges.lifecycle(planStatus),
            "approval": planStatus.approval.state.rawValue,
            "approvalBadge": shortApproval(planStatus.approval),
            "stale": planStatus.approval.stale,
            "nextDeadline": "",
            "nextDeadlineNote": "",
        ]
        let pending = planStatus.phases.compactMap { phase in
            phase.phase.status == .done ? nil : phase.phase.deadline.map { (deadline: $0, phase: phase) }
        }
        if planStatus.open, let next = pending.min(by: { ($0.deadline, $0.phase.phase.line) < ($1.deadline, $1.phase.phase.line) }) {
            columns["nextDeadline"] = next.deadline.description
            columns["hasNextDeadline"] = true
            columns["nextDeadlineNote"] = ChartStyle.flag(next.phase) ?? next.phase.phase.name
            columns["nextDeadlineTone"] = next.phase.overdue ? "red" : (next.phase.dueSoon ? "amber" : "none")
        }
        return columns
    }

    /// Short enough for a list column: "Approved", "2 of 4 signed", "Awaiting".
    static func shortApproval(_ approval: ApprovalStatus) -> [String: Any] {
        switch approval.state {
        case .approved: LegacyStatusBadges.badge("Approved", "green")
        case .partial: LegacyStatusBadges.badge("\(approval.signed) of \(approval.required) signed", "blue")
        case .awaiting: LegacyStatusBadges.badge("Awaiting", "grey")
        }
    }
}

/// The list page of one kind: a table readable without script.
///
/// With a status from Compute, each row also carries `data-lifecycle`,
/// `data-approval` and `data-open`, which `assets/site.js` turns into
/// filter chips (and `#lifecycle=overdue` links from the dashboard).
enum LegacyListPage {
    static func context(kind: DocumentKind, portfolio: Portfolio, root: String, status: PortfolioStatus? = nil) -> [String: Any] {
        let rows: [[String: Any]] = portfolio.documents(of: kind).map { document in
            [
                "id": document.id,
                "href": root + document.url,
                "title": document.title,
                "system": document.system ?? "",
                "owner": document.owner ?? "",
                "date": document.date?.description ?? "",
                "updated": document.updated?.description ?? "",
                // Shown struck through (UI.md: superseded, struck-through id).
                "isSuperseded": portfolio.supersededBy[document.id] != nil,
            ].merging(status.map { LegacyPlanListColumns.columns(for: document, status: $0) } ?? [:]) { $1 }
                .merging(LegacyListPage.openColumns(for: document, status: status)) { $1 }
        }
        return [
            "kind": kind.rawValue,
            "heading": kind.pluralDisplayName,
            "rows": rows,
            "count": rows.count,
            // "6 plans", "1 assessment": the lede under the heading.
            "countText": "\(rows.count) \(rows.count == 1 ? kind.rawValue : kind.folder)",
            "isEmpty": rows.isEmpty,
            "isPlans": kind == .plan && status != nil,
            "isReviews": kind != .plan && status != nil,
        ]
    }

    /// `open` (`open` or `closed`, for `data-open` and filter chips) and
    /// `openLabel` for a document Compute judged; empty otherwise.
    static func openColumns(for document: Document, status: PortfolioStatus?) -> [String: Any] {
        let open = status?.plans[document.id]?.open ?? status?.reviews[document.id]?.open
        guard let open else { return [:] }
        return ["open": open ? "open" : "closed", "openLabel": open ? "Open" : "Closed", "hasOpen": true]
    }
}

/// The portfolio dashboard: counts, then documents by system.
enum LegacyDashboardPage {
    static func context(portfolio: Portfolio, root: String) -> [String: Any] {
        let counts: [[String: Any]] = DocumentKind.allCases.map { kind in
            ["label": kind.pluralDisplayName, "count": portfolio.documents(of: kind).count, "href": root + kind.folder + ".html"]
        }
        var bySystem: [String: [Document]] = [:]
        for document in portfolio.documents {
            bySystem[document.system ?? "(no system)", default: []].append(document)
        }
        let systems: [[String: Any]] = bySystem.keys.sorted().map { name in
            [
                "name": name,
                "href": bySystem[name]?.first.flatMap { portfolio.system(of: $0) }.map { root + LegacySystemPage.path($0) } ?? "",
                "hasHref": bySystem[name]?.first.flatMap { portfolio.system(of: $0) } != nil,
                "documents": bySystem[name]!.map { document -> [String: Any] in
                    ["id": document.id, "title": document.title, "kindLabel": document.kind.displayName, "href": root + document.url]
                },
            ]
        }
        return ["counts": counts, "systems": systems, "hasSystems": !systems.isEmpty]
    }
}

/// The dashboard's status sections: counts by lifecycle and approval state
/// (each linking to the filtered list), the overdue and due-soon tables,
/// and the metric breaches. Merged into `LegacyDashboardPage`'s context.
enum LegacyDashboardStatus {
    static let lifecycleOrder: [Lifecycle] = [.overdue, .draft, .approved, .inProgress, .completed, .superseded]

    static func context(portfolio: Portfolio, status: PortfolioStatus, config: SiteConfig, root: String) -> [String: Any] {
        let plans = portfolio.documents(of: .plan).compactMap { plan in status.plans[plan.id].map { (plan, $0) } }

        let lifecycleCounts: [[String: Any]] = lifecycleOrder.map { lifecycle in
            let slug = LegacyStatusBadges.slug(lifecycle)
            return ["label": LegacyStatusBadges.lifecycleWord(lifecycle), "count": plans.count(where: { $0.1.lifecycle == lifecycle }),
                    "href": root + "plans.html#lifecycle=" + slug, "tone": LegacyStatusBadges.lifecycleTone(lifecycle), "key": slug]
        }
        let approvalCounts: [[String: Any]] = [
            ["label": "Awaiting approval", "count": plans.count(where: { $0.1.approval.state == .awaiting }),
             "href": root + "plans.html#approval=awaiting", "tone": "grey", "key": "awaiting"],
            ["label": "Partially approved", "count": plans.count(where: { $0.1.approval.state == .partial }),
             "href": root + "plans.html#approval=partial", "tone": "blue", "key": "partial"],
            ["label": "Approved", "count": plans.count(where: { $0.1.approval.state == .approved }),
             "href": root + "plans.html#approval=approved", "tone": "green", "key": "approved"],
            ["label": "Stale signatures", "count": plans.count(where: { $0.1.approval.stale }),
             "href": root + "approvals.html#stale=stale", "tone": "red", "key": "stale"],
        ]

        var overdue: [(Day, String, [String: Any])] = []
        var dueSoon: [(Day, String, [String: Any])] = []
        for (plan, planStatus) in plans where planStatus.open {
            for phase in planStatus.phases where phase.overdue || phase.dueSoon {
                guard let deadline = phase.phase.deadline, let left = phase.daysLeft else { continue }
                let row: [String: Any] = [
                    "phase": phase.phase.name,
                    "planID": plan.id,
                    "planTitle": plan.title,
                    "href": root + plan.url + "#pf-timeline",
                    "owner": phase.phase.owner.isEmpty ? (plan.owner ?? "") : phase.phase.owner,
                    "deadline": deadline.description,
                    // The same words as the plan page's flags (UI.md's badges): "Overdue by 12 days", "Due in 9 days".
                    "days": ChartStyle.flag(phase) ?? (phase.overdue ? "\(ChartStyle.days(-left)) late" : "\(ChartStyle.days(left)) left"),
                ]
                if phase.overdue { overdue.append((deadline, plan.id, row)) } else { dueSoon.append((deadline, plan.id, row)) }
            }
        }
        let byDeadline: ((Day, String, [String: Any]), (Day, String, [String: Any])) -> Bool = { ($0.0, $0.1) < ($1.0, $1.1) }

        var breaches: [[String: Any]] = []
        var openByKind: [DocumentKind: Int] = [:]
        for document in portfolio.documents where document.kind != .plan {
            guard let review = status.reviews[document.id] else { continue }
            guard review.open else { continue }
            openByKind[document.kind, default: 0] += 1
            for index in review.breaches {
                let metric = document.metrics[index]
                breaches.append([
                    "documentID": document.id,
                    "kindLabel": document.kind.displayName,
                    "href": root + document.url + "#pf-metric-\(index + 1)",
                    "metric": metric.name,
                    "group": metric.group,
                    "value": MetricChart.number(metric.value),
                    "threshold": "\(metric.limit == .min ? "at least" : "at most") \(MetricChart.number(metric.threshold))",
                                    ])
            }
        }
        let reviewCounts: [[String: Any]] = [
            ["label": "Open assessments", "count": openByKind[.assessment] ?? 0, "href": root + "assessments.html#open=true", "tone": "blue", "key": "open-assessments"],
            ["label": "Open investigations", "count": openByKind[.investigation] ?? 0, "href": root + "investigations.html#open=true", "tone": "blue", "key": "open-investigations"],
            ["label": "Breaches in open documents", "count": breaches.count, "href": "#pf-breaches", "tone": "red", "key": "breaches"],
        ]
        let overdueRows = overdue.sorted(by: byDeadline).map(\.2)
        let dueSoonRows = dueSoon.sorted(by: byDeadline).map(\.2)
        return [
            "lifecycleCounts": lifecycleCounts,
            "approvalCounts": approvalCounts,
            "reviewCounts": reviewCounts,
            "overdue": overdueRows,
            "hasOverdue": !overdueRows.isEmpty,
            "dueSoon": dueSoonRows,
            "hasDueSoon": !dueSoonRows.isEmpty,
            "dueSoonDays": config.dueSoonDays,
            "breaches": breaches,
            "hasBreaches": !breaches.isEmpty,
            "hasStatus": true,
        ]
    }
}

/// The links section of a document page: who supersedes it, and who refers to it.
///
/// Keys merged into the document page's context (listed in `docs/linking.md`):
/// `isSuperseded`, `supersededBy` {id, title, href}, `hasReferencedBy`,
/// `referencedByGroups` [{kind, label, items: [{id, title, href, kindLabel}]}],
/// `systemHref`.
enum LegacyDocumentLinks {
    static func context(_ document: Document, portfolio: Portfolio, root: String) -> [String: Any] {
        var context: [String: Any] = [:]
        if let successorID = portfolio.supersededBy[document.id], let successor = portfolio[successorID] {
            context["isSuperseded"] = true
            context["supersededBy"] = item(successor, root: root)
        } else {
            context["isSuperseded"] = false
        }
        let referrers = (portfolio.referencedBy[document.id] ?? []).compactMap { portfolio[$0] }
        let groups: [[String: Any]] = DocumentKind.allCases.compactMap { kind in
            let items = referrers.filter { $0.kind == kind }.sorted { $0.id < $1.id }
            guard !items.isEmpty else { return nil }
            return ["kind": kind.rawValue, "label": kind.pluralDisplayName, "items": items.map { item($0, root: root) }]
        }
        context["referencedByGroups"] = groups
        context["hasReferencedBy"] = !groups.isEmpty
        if let system = portfolio.system(of: document) {
            context["systemHref"] = root + LegacySystemPage.path(system)
        }
        return context
    }

    static func item(_ document: Document, root: String) -> [String: Any] {
        ["id": document.id, "title": document.title, "href": root + document.url, "kindLabel": document.kind.displayName]
    }
}

/// The "Assessment" and "Investigation" cards near the top of a document
/// page (UI.md): the documents up the chain this one names, each with its
/// id, title and where it stands (open or closed, breaches, superseded),
/// linking to it.
///
/// Keys merged into the `document` context: `hasChainCards`, `chainCards`
/// [{role, kindLabel, id, title, href, badges: [{label, tone}], isSuperseded}].
/// A reference to an id the portfolio does not have gets no card (the
/// metadata row still names it, and Link reports it).
enum LegacyChainCards {
    static func context(_ document: Document, portfolio: Portfolio, status: PortfolioStatus, root: String) -> [String: Any] {
        var cards: [[String: Any]] = []
        for (role, reference) in [("Assessment", document.references.assessment), ("Investigation", document.references.investigation)] {
            guard let id = reference?.value, id != document.id, let target = portfolio[id] else { continue }
            var badges: [[String: Any]] = []
            var superseded = false
            if let review = status.reviews[id] {
                badges = LegacyStatusBadges.review(review)
                superseded = review.supersededBy != nil
            } else if let plan = status.plans[id] {
                badges = LegacyStatusBadges.plan(plan)
                superseded = plan.lifecycle == .superseded
            }
            cards.append([
                "role": role,
                "kindLabel": target.kind.displayName,
                "id": target.id,
                "title": target.title,
                "href": root + target.url,
                "badges": badges,
                "isSuperseded": superseded,
            ])
        }
        return ["chainCards": cards, "hasChainCards": !cards.isEmpty]
    }
}

/// The `plan` key of a plan page: what the template's sections say, as
/// template data (the `plan-responsibilities` partial reads its
/// responsibilities; the phase table and approval panel come from Compute).
///
/// Render stage. Only what the plan states is here (phases as written,
/// interventions, responsibilities, validation period); what is computed
/// from today (timeline, overdue, approval state) comes from Compute.
enum LegacyPlanSectionsContext {
    /// `["plan": ...]` for a plan, empty for other documents, to merge into a page context.
    static func entries(for document: Document) -> [String: Any] {
        guard let plan = document.plan else { return [:] }
        return ["plan": context(plan)]
    }

    static func context(_ plan: PlanSections) -> [String: Any] {
        let phases = plan.phases.enumerated().map { index, phase -> [String: Any] in
            let badge = badge(phase.status)
            return [
                "name": phase.name,
                "activities": phase.activities,
                "deliverable": phase.deliverable,
                "start": phase.start?.description ?? "",
                "hasStart": phase.start != nil,
                // Said when Start is empty: where the phase begins by default (SPEC 4.2).
                "startNote": index == 0 ? "from the plan's date" : "after the previous phase",
                "deadline": phase.deadline?.description ?? "",
                "hasDeadline": phase.deadline != nil,
                "owner": phase.owner,
                "status": phase.status.rawValue,
                "statusLabel": badge.label,
                "statusTone": badge.tone,
            ]
        }
        let interventions = plan.interventions.map { intervention -> [String: Any] in
            [
                "number": intervention.number,
                "name": intervention.name,
                "targetDate": intervention.targetDate?.description ?? "",
                "hasTargetDate": intervention.targetDate != nil,
                "estimatedDuration": intervention.estimatedDuration ?? "",
                "hasEstimatedDuration": intervention.estimatedDuration != nil,
                "description": intervention.description ?? "",
                "hasDescription": intervention.description != nil,
            ]
        }
        let responsibilities = plan.responsibilities.map { row -> [String: Any] in
            ["role": row.role, "nameOrTeam": row.nameOrTeam, "responsibility": row.responsibility]
        }
        return [
            "phases": phases,
            "hasPhases": !phases.isEmpty,
            "interventions": interventions,
            "hasInterventions": !interventions.isEmpty,
            "responsibilities": responsibilities,
            "hasResponsibilities": !responsibilities.isEmpty,
            "validationPeriod": plan.validationPeriod ?? "",
            "hasValidationPeriod": plan.validationPeriod != nil,
            "hasAny": !phases.isEmpty || !interventions.isEmpty || !responsibilities.isEmpty || plan.validationPeriod != nil,
        ]
    }

    /// A phase status in words with its tone (UI.md): done green, in progress
    /// blue, planned grey, blocked red.
    static func badge(_ status: Phase.Status) -> (label: String, tone: String) {
        switch status {
        case .planned: ("Planned", "grey")
        case .inProgress: ("In progress", "blue")
        case .done: ("Done", "green")
        case .blocked: ("Blocked", "red")
        }
    }
}

/// The computed parts of a document page: badges, the plan's timeline (with
/// its phase table) and approval panel, the metric chart, and the body cut
/// where they go (`segments` from `BodySplitter`).
///
/// Merged into `LegacyDocumentPage`'s context by `SiteRenderer`; keys are listed in
/// `docs/status.md`.
enum LegacyDocumentStatusContext {
    static func context(_ document: Document, status: PortfolioStatus, segments: [[String: Any]]) -> [String: Any] {
        var context: [String: Any] = [:]
        if document.kind == .plan, let plan = status.plans[document.id] {
            context["badges"] = LegacyStatusBadges.plan(plan)
            context["hasBadges"] = true
            context["isSuperseded"] = plan.lifecycle == .superseded
            if let chart = planTimeline(document, plan, today: status.today) {
                context["planTimeline"] = chart
            }
            context["approvalPanel"] = approvalPanel(document, plan)
        } else if let review = status.reviews[document.id] {
            context["badges"] = LegacyStatusBadges.review(review)
            context["hasBadges"] = true
            if let chart = metricChart(document, review) { context["metricChart"] = chart }
        }
        context["bodySegments"] = segments
        return context
    }

    static func planTimeline(_ document: Document, _ status: PlanStatus, today: Day) -> [String: Any]? {
        let interventions = document.plan?.interventions ?? []
        guard !status.phases.isEmpty || !interventions.isEmpty else { return nil }
        let rows: [[String: Any]] = status.phases.enumerated().map { index, phase in
            let flag = ChartStyle.flag(phase)
            let badge = LegacyPlanSectionsContext.badge(phase.phase.status)
            // A start the plan does not give is computed (SPEC 4.2): said so in words.
            let computed = phase.phase.start == nil && phase.start != nil
            return [
                "name": phase.phase.name,
                "activities": phase.phase.activities,
                "deliverable": phase.phase.deliverable,
                "start": phase.start?.description ?? "",
                "hasStart": phase.start != nil,
                "startComputed": computed,
                "startNote": index == 0 ? "computed: the plan's date" : "computed: after the previous phase",
                "deadline": phase.phase.deadline?.description ?? "",
                "hasDeadline": phase.phase.deadline != nil,
                "status": ChartStyle.statusWord(phase.phase.status),
                "statusLabel": badge.label,
                "statusTone": badge.tone,
                "owner": phase.phase.owner,
                "flag": flag ?? "",
                "hasFlag": flag != nil,
                "tone": phase.overdue ? "red" : "amber",
            ]
        }
        let milestones: [[String: Any]] = interventions.map { intervention in
            ["number": intervention.number, "name": intervention.name, "targetDate": intervention.targetDate?.description ?? "",
             "hasTargetDate": intervention.targetDate != nil,
             "duration": intervention.estimatedDuration ?? "", "hasDuration": intervention.estimatedDuration != nil]
        }
        var chart: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "milestones": milestones, "hasMilestones": !milestones.isEmpty,
                                    "hasComputedStart": rows.contains { $0["startComputed"] as? Bool == true }]
        if let svg = PlanTimelineChart.svg(plan: document, status: status, today: today) {
            chart["svg"] = svg
            chart["hasSVG"] = true
        }
        return chart
    }

    static func approvalPanel(_ document: Document, _ status: PlanStatus) -> [String: Any] {
        let rows: [[String: Any]] = status.approval.roles.map { role in
            let mark: (String, String)
            if role.signed && role.stale {
                // Worded as in the approvals register (UI.md: "stale since DATE").
                mark = ("Stale since \(document.updated?.description ?? "")", "red")
            } else if role.signed {
                mark = ("Signed", "green")
            } else if role.line == nil {
                mark = ("Missing: no row in the table", "red")
            } else {
                mark = (role.required ? "Missing" : "Not signed", role.required ? "red" : "grey")
            }
            return [
                "role": role.role,
                "name": role.name,
                "signature": role.signature,
                "date": role.date?.description ?? "",
                "required": role.required ? "Required" : "Optional",
                "mark": mark.0,
                "tone": mark.1,
                "state": role.signed ? (role.stale ? "stale" : "signed") : "missing",
                // Without git history no signature has a cause beyond its date.
                "hasStaleCause": false,
            ]
        }
        return ["rows": rows, "summary": LegacyStatusBadges.approval(status.approval), "stale": status.approval.stale]
    }

    static func metricChart(_ document: Document, _ review: ReviewStatus) -> [String: Any]? {
        guard !document.metrics.isEmpty else { return nil }
        let breaches = Set(review.breaches)
        let rows: [[String: Any]] = document.metrics.enumerated().map { index, metric in
            [
                "anchor": "pf-metric-\(index + 1)",
                "name": metric.name,
                "group": metric.group,
                "value": MetricChart.number(metric.value),
                "threshold": "\(metric.limit == .min ? "at least" : "at most") \(MetricChart.number(metric.threshold))",
                "baseline": metric.baseline.map(MetricChart.number) ?? "",
                "breach": breaches.contains(index),
            ]
        }
        var chart: [String: Any] = ["rows": rows]
        if let svg = MetricChart.svg(document: document, breaches: review.breaches) {
            chart["svg"] = svg
            chart["hasSVG"] = true
        }
        return chart
    }
}

/// The page of one document: its metadata, then its body.
enum LegacyDocumentPage {
    static func context(_ document: Document, body: RenderedMarkdown, portfolio: Portfolio, root: String) -> [String: Any] {
        var metadata: [[String: Any]] = []
        func row(_ label: String, _ value: String?, href: String? = nil, struck: Bool = false) {
            guard let value, !value.isEmpty else { return }
            var entry: [String: Any] = ["label": label, "value": value, "struck": struck]
            if let href { entry["href"] = href }
            metadata.append(entry)
        }
        row("ID", document.id)
        row("System", document.system, href: portfolio.system(of: document).map { root + LegacySystemPage.path($0) })
        row("Owner", document.owner)
        row("Created", document.date?.description)
        row("Updated", document.updated?.description)
        for (label, reference) in [("Assessment", document.references.assessment),
                                   ("Investigation", document.references.investigation),
                                   ("Supersedes", document.references.supersedes)] {
            guard let id = reference?.value else { continue }
            // A superseded document's id is shown struck through (UI.md).
            row(label, id, href: portfolio[id].map { root + $0.url }, struck: portfolio.supersededBy[id] != nil)
        }
        if let status = document.status?.value { row("Status", status) }
        // The section nav: second-level headings, less the template's own table of contents.
        let sections = body.headings.filter { $0.level == 2 && $0.anchor != "table-of-contents" }
        return [
            "id": document.id,
            "kind": document.kind.rawValue,
            "kindLabel": document.kind.displayName,
            "title": document.title,
            "metadata": metadata,
            "tags": document.tags,
            "hasTags": !document.tags.isEmpty,
            "extra": document.extra.map { ["key": $0.key, "value": ExtraValueText.text($0.value)] },
            "hasExtra": !document.extra.isEmpty,
            "hasSections": !sections.isEmpty,
            "sections": sections.map { ["text": $0.text, "anchor": $0.anchor] },
            "body": body.html,
            "source": document.source,
            // Built without git history: an empty revision list.
            "hasRevisions": false,
            "revisions": [[String: Any]](),
        ].merging(LegacyPlanSectionsContext.entries(for: document)) { $1 }
        .merging(LegacyDocumentLinks.context(document, portfolio: portfolio, root: root)) { current, _ in current }
    }
}

/// What the system pages say about where documents stand, from the Compute
/// stage's `PortfolioStatus`: whether a document is open, its state badge,
/// and a system's worst open state.
///
/// Without status (no entry for a document) only the links are known: a
/// superseded document is closed, any other counts as open, and no state is
/// shown.
enum LegacySystemStates {
    /// Worst first: the order a system's open plans are judged in.
    static let severity: [Lifecycle] = [.overdue, .draft, .approved, .inProgress]

    static func isOpen(_ document: Document, status: PortfolioStatus?, portfolio: Portfolio) -> Bool {
        if let plan = status?.plans[document.id] { return plan.open }
        if let review = status?.reviews[document.id] { return review.open && review.supersededBy == nil }
        return portfolio.supersededBy[document.id] == nil
    }

    /// The badge of one document: {label, tone}, or nil when status does not know it.
    static func badge(_ document: Document, status: PortfolioStatus?) -> [String: Any]? {
        if let plan = status?.plans[document.id] {
            return LegacyStatusBadges.badge(LegacyStatusBadges.lifecycleWord(plan.lifecycle), LegacyStatusBadges.lifecycleTone(plan.lifecycle))
        }
        if let review = status?.reviews[document.id] {
            return review.open ? LegacyStatusBadges.badge("Open", "blue") : LegacyStatusBadges.badge("Closed", "green")
        }
        return nil
    }

    /// The worst lifecycle among the system's open plans; else "Open" when an
    /// assessment or investigation is still open; else "Closed"; nil when
    /// status knows none of the documents.
    static func worst(_ documents: [Document], status: PortfolioStatus?) -> [String: Any]? {
        let lifecycles = documents.compactMap { status?.plans[$0.id] }.filter(\.open).map(\.lifecycle)
        if let worst = severity.first(where: lifecycles.contains) {
            return LegacyStatusBadges.badge(LegacyStatusBadges.lifecycleWord(worst), LegacyStatusBadges.lifecycleTone(worst))
        }
        let reviews = documents.compactMap { status?.reviews[$0.id] }
        let known = reviews.count + documents.count(where: { status?.plans[$0.id] != nil })
        guard known > 0 else { return nil }
        if reviews.contains(where: \.open) { return LegacyStatusBadges.badge("Open", "blue") }
        return LegacyStatusBadges.badge("Closed", "green")
    }
}

/// `systems/SLUG.html`: one system's documents as chains.
///
/// A chain starts at an assessment; under it the investigations that name
/// it, under each investigation the plans that name that investigation;
/// a plan that names the assessment but no investigation of this system
/// sits directly under the assessment. Only documents of this system take
/// part. Documents that no assessment of the system leads to are listed
/// after the chains, still with their own plans under them. Siblings are
/// ordered open first (from Compute's status; without it, not superseded
/// first), then by kind, then by id.
///
/// Context keys: `name`, `slug`, `chains` and `others` (lists of nodes),
/// `hasChains`, `hasOthers`, `count`. A node: {id, title, href, kind,
/// kindLabel, isSuperseded, supersededByID, supersededByHref, state,
/// stateTone, hasState, isOpen, children, hasChildren}.
enum LegacySystemPage {
    static func path(_ system: SystemGroup) -> String {
        "systems/\(system.slug).html"
    }

    static func context(system: SystemGroup, portfolio: Portfolio, root: String,
                        status: PortfolioStatus? = nil) -> [String: Any] {
        let documents = system.documentIDs.compactMap { portfolio[$0] }
        let members = Set(documents.map(\.id))

        func parent(of document: Document) -> String? {
            func member(_ reference: Located<String>?, _ kind: DocumentKind) -> String? {
                guard let id = reference?.value, id != document.id, members.contains(id), portfolio[id]?.kind == kind else { return nil }
                return id
            }
            switch document.kind {
            case .assessment: return nil
            case .investigation: return member(document.references.assessment, .assessment)
            case .plan: return member(document.references.investigation, .investigation) ?? member(document.references.assessment, .assessment)
            }
        }

        var children: [String: [Document]] = [:]
        var roots: [Document] = []
        for document in documents {
            if let parent = parent(of: document) {
                children[parent, default: []].append(document)
            } else {
                roots.append(document)
            }
        }
        func order(_ a: Document, _ b: Document) -> Bool {
            let openA = LegacySystemStates.isOpen(a, status: status, portfolio: portfolio)
            let openB = LegacySystemStates.isOpen(b, status: status, portfolio: portfolio)
            if openA != openB { return openA }
            if a.kind != b.kind { return a.kind < b.kind }
            return a.id < b.id
        }
        // Parents are always of an earlier kind, so depth is at most three.
        func node(_ document: Document, depth: Int) -> [String: Any] {
            let below = depth < 3 ? (children[document.id] ?? []).sorted(by: order).map { node($0, depth: depth + 1) } : []
            var node = LegacyDocumentLinks.item(document, root: root)
            node["kind"] = document.kind.rawValue
            node["children"] = below
            node["hasChildren"] = !below.isEmpty
            let badge = portfolio.supersededBy[document.id] == nil ? LegacySystemStates.badge(document, status: status) : nil
            node["state"] = badge?["label"] as? String ?? ""
            node["stateTone"] = badge?["tone"] as? String ?? ""
            node["hasState"] = badge != nil
            node["isOpen"] = LegacySystemStates.isOpen(document, status: status, portfolio: portfolio)
            if let successorID = portfolio.supersededBy[document.id], let successor = portfolio[successorID] {
                node["isSuperseded"] = true
                node["supersededByID"] = successor.id
                node["supersededByHref"] = root + successor.url
            } else {
                node["isSuperseded"] = false
            }
            return node
        }
        let sortedRoots = roots.sorted(by: order)
        let chains = sortedRoots.filter { $0.kind == .assessment }.map { node($0, depth: 1) }
        let others = sortedRoots.filter { $0.kind != .assessment }.map { node($0, depth: 1) }
        return [
            "name": system.name,
            "slug": system.slug,
            "count": documents.count,
            "countLabel": documents.count == 1 ? "1 document" : "\(documents.count) documents",
            "chains": chains,
            "hasChains": !chains.isEmpty,
            "others": others,
            "hasOthers": !others.isEmpty,
        ]
    }
}

/// `systems.html`: every system with its documents counted by kind.
///
/// Context keys: `rows` [{name, slug, href, assessments, investigations,
/// plans, total, worstState, worstStateTone, hasWorstState}], `hasRows`,
/// `hasWorstStates`, `unassigned` (documents naming no system),
/// `hasUnassigned`. `worstState` comes from `LegacySystemStates.worst`, empty when
/// there is no status.
enum LegacySystemsPage {
    static let path = "systems.html"

    static func context(portfolio: Portfolio, root: String,
                        status: PortfolioStatus? = nil) -> [String: Any] {
        let rows: [[String: Any]] = portfolio.systems.map { system in
            var counts: [DocumentKind: Int] = [:]
            let documents = system.documentIDs.compactMap { portfolio[$0] }
            for document in documents { counts[document.kind, default: 0] += 1 }
            let worst = LegacySystemStates.worst(documents, status: status)
            return [
                "name": system.name,
                "slug": system.slug,
                "href": root + LegacySystemPage.path(system),
                "assessments": counts[.assessment] ?? 0,
                "investigations": counts[.investigation] ?? 0,
                "plans": counts[.plan] ?? 0,
                "total": system.documentIDs.count,
                "worstState": worst?["label"] as? String ?? "",
                "worstStateTone": worst?["tone"] as? String ?? "",
                "hasWorstState": worst != nil,
            ]
        }
        let assigned = portfolio.systems.reduce(0) { $0 + $1.documentIDs.count }
        let unassigned = portfolio.documents.count - assigned
        return [
            "rows": rows,
            "hasRows": !rows.isEmpty,
            "count": rows.count,
            "countLabel": rows.count == 1 ? "1 system" : "\(rows.count) systems",
            "hasWorstStates": rows.contains { ($0["hasWorstState"] as? Bool) == true },
            "unassigned": unassigned,
            "unassignedLabel": unassigned == 1 ? "1 document names no system; it is" : "\(unassigned) documents name no system; they are",
            "hasUnassigned": unassigned > 0,
        ]
    }
}

/// `timeline.html`: every open plan by month on one chart, then the same data as a table.
enum LegacyTimelinePage {
    static let noSystem = "(no system)"

    static func context(portfolio: Portfolio, status: PortfolioStatus, root: String) -> [String: Any] {
        var bySystem: [String: [PortfolioTimelineChart.Entry]] = [:]
        for plan in portfolio.documents(of: .plan) {
            guard let planStatus = status.plans[plan.id], planStatus.open else { continue }
            bySystem[plan.system ?? noSystem, default: []].append(.init(plan: plan, status: planStatus))
        }
        let names = bySystem.keys.sorted { ($0 == noSystem ? 1 : 0, $0) < ($1 == noSystem ? 1 : 0, $1) }
        let groups = names.map { (system: $0, entries: bySystem[$0] ?? []) }
        var rows: [[String: Any]] = []
        for group in groups {
            for entry in group.entries {
                for phase in entry.status.phases {
                    let flag = ChartStyle.flag(phase)
                    rows.append([
                        "system": group.system,
                        "planID": entry.plan.id,
                        "planTitle": entry.plan.title,
                        "href": root + entry.plan.url + "#pf-timeline",
                        "phase": phase.phase.name,
                        "start": phase.start?.description ?? "",
                        "deadline": phase.phase.deadline?.description ?? "",
                        "status": ChartStyle.statusWord(phase.phase.status),
                        "flag": flag ?? "",
                        "hasFlag": flag != nil,
                        "tone": phase.overdue ? "red" : "amber",
                        "overdue": phase.overdue,
                    ])
                }
            }
        }
        var context: [String: Any] = [
            "rows": rows,
            "hasRows": !rows.isEmpty,
            "openPlans": groups.reduce(0) { $0 + $1.entries.count },
        ]
        if let svg = PortfolioTimelineChart.svg(groups: groups, today: status.today) {
            context["svg"] = svg
            context["hasSVG"] = true
        }
        return context
    }
}

/// `approvals.html`: the approval register, plans down and required roles
/// across; each cell the signer and date, "missing", or "stale since DATE".
enum LegacyApprovalsPage {
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
                if role.stale {
                    cell["note"] = "stale since \(plan.updated?.description ?? "")"
                    cell["hasNote"] = true
                    cell["state"] = "stale"
                    cell["tone"] = "red"
                }
                return cell
            }
            // Without git history no signature has a cause beyond its date.
            let withCauses = cells.map { $0.merging(["hasStaleCause": false]) { $1 } }
            return [
                "id": plan.id,
                "title": plan.title,
                "href": root + plan.url + "#pf-approval-status",
                "state": planStatus.approval.state.rawValue,
                "stale": planStatus.approval.stale,
                "lifecycle": LegacyStatusBadges.slug(planStatus.lifecycle),
                "summary": LegacyStatusBadges.approval(planStatus.approval),
                "cells": withCauses,
            ]
        }
        return [
            "columns": columns.map { ["role": $0] },
            "rows": rows,
            "hasRows": !rows.isEmpty,
        ]
    }
}
