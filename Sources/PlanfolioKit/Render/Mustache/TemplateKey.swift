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
    case activities, added, anchor, approval, approvalBadge, approvalCounts, approvalPanel, approvals
    case approvalsHere, assessments, author, badges, baseline, body, bodySegments, breach, breaches, by, byHref
    case cells, chainCards, chains, change, changed, children, columns, commit, count, countLabel, counts
    case countText, current, date, day, days, deadline, deadlines, deliverable, description, documentHref
    case documentID, documents, documentTitle, dueSoon, dueSoonDays, duration, estimatedDuration, extra, flag
    case from, generator, governed, governedNames, group, hasAdded, hasAny, hasApprovals, hasBadges, hasBreaches
    case hasChainCards, hasChains, hasChanged, hasChildren, hasCommit, hasComputedStart, hasDate, hasDeadline
    case hasDeadlines, hasDescription, hasDueSoon, hasDuration, hasEstimatedDuration, hasExtra, hasFeed, hasFlag
    case hasGoverned, hasHref, hasHunks, hasInterventions, hasLifecycles, hasMilestones, hasNextDeadline
    case hasNote, hasOpen, hasOthers, hasOverdue, hasPage, hasPhases, hasReferencedBy, hasRemoved
    case hasResponsibilities, hasRevisions, hasRows, hasSection, hasSections, hasStaleCause, hasStart, hasState
    case hasStatus, hasSuperseded, hasSVG, hasSystems, hasTags, hasTargetDate, hasUnassigned
    case hasValidationPeriod, hasWorstState, hasWorstStates, header, heading, href, html, hunks, id, indexFile
    case interventions, investigations, isEmpty, isOpen, isPlan, isPlans, isReviews, isSuperseded, isWorking
    case items, key, kind, kindLabel, label, lifecycle, lifecycleBadge, lifecycleCounts, lifecycles, lines, mark
    case metadata, metric, metricChart, milestones, moved, name, nameOrTeam, nav, newPath, nextDeadline
    case nextDeadlineNote, nextDeadlineTone, note, number, oldPath, open, openLabel, openPlans, others, overdue
    case owner, pageTitle, phase, phases, plan, planID, plans, planTimeline, planTitle, referencedByGroups
    case removed, required, responsibilities, responsibilitiesHere, responsibility, reviewCounts, revisions
    case revisionsHref, role, root, rows, searchHref, section, sections, shortID, signature, signer, since
    case siteTitle, slug, source, stale, staleCause, start, startComputed, startNote, state, stateTone, status
    case statusLabel, statusTone, struck, subject, summary, superseded, supersededBy, supersededByHref
    case supersededByID, svg, system, systemHref, systems, tags, targetDate, text, threshold, timelineHere
    case title, to, today, tone, total, unassigned, unassignedLabel, unavailable, updated, validationPeriod
    case value, wholeFile, worstState, worstStateTone
}
