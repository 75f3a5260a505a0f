/// Every name a page model has: the template variables planfolio gives a
/// theme (docs/theme.md lists them by model).
///
/// A tag's name is looked up here once, when the template is parsed
/// (`TemplateName`), so that a model finds a member with a `switch` over
/// these cases rather than by comparing strings at every lookup. A name
/// that is not here is no model's member; only `JSONValue` data can have it.
/// A new member of a model needs its name here too (`TemplateKeyTests`
/// finds a member the `switch` of its model does not reach).
enum TemplateKey: String, CaseIterable, Sendable {
    case activities, anchor, approval, approvalBadge, approvalCounts, approvalPanel, approvalsHere, assessments
    case badges, baseline, body, bodySegments, breach, breaches, cells, chainCards, chains, children, columns, count
    case countLabel, counts, countText, current, date, days, deadline, deliverable, description, documentID
    case documents, dueSoon, dueSoonDays, duration, estimatedDuration, extra, flag, generator, group, hasAny
    case hasBadges, hasBreaches, hasChainCards, hasChains, hasChildren, hasComputedStart, hasDate, hasDeadline
    case hasDescription, hasDueSoon, hasDuration, hasEstimatedDuration, hasExtra, hasFeed, hasFlag, hasHref
    case hasInterventions, hasMilestones, hasNextDeadline, hasNote, hasOpen, hasOthers, hasOverdue, hasPhases
    case hasReferencedBy, hasResponsibilities, hasRows, hasSections, hasStart, hasState, hasStatus, hasSVG
    case hasSystems, hasTags, hasTargetDate, hasUnassigned, hasValidationPeriod, hasWorstState, hasWorstStates
    case heading, href, html, id, indexFile, interventions, investigations, isEmpty, isOpen, isPlans, isReviews
    case isSuperseded, items, key, kind, kindLabel, label, lifecycle, lifecycleBadge, lifecycleCounts, mark
    case metadata, metric, metricChart, milestones, name, nameOrTeam, nav, nextDeadline, nextDeadlineNote
    case nextDeadlineTone, note, number, open, openLabel, openPlans, others, overdue, owner, pageTitle, phase
    case phases, plan, planID, plans, planTimeline, planTitle, referencedByGroups, required, responsibilities
    case responsibilitiesHere, responsibility, reviewCounts, role, root, rows, searchHref, sections, signature
    case signer, siteTitle, slug, source, stale, start, startComputed, startNote, state, stateTone, status
    case statusLabel, statusTone, struck, summary, superseded, supersededBy, supersededByHref, supersededByID, svg
    case system, systemHref, systems, tags, targetDate, text, threshold, timelineHere, title, today, tone, total
    case unassigned, unassignedLabel, updated, validationPeriod, value, worstState, worstStateTone
}
