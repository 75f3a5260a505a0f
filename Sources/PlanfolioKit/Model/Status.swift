/// Where a plan stands in its life, derived by Compute unless `status` gives it.
public enum Lifecycle: String, Sendable, Hashable, CaseIterable {
    case draft, approved, inProgress = "in progress", completed, overdue, superseded
}

/// Whether every required role has signed.
public enum ApprovalState: String, Sendable, Hashable, CaseIterable {
    case approved, partial, awaiting
}

/// One required or listed approval role of a plan, as Compute judged it.
public struct RoleStatus: Sendable, Hashable {
    public var role: String
    public var name: String
    public var signature: String
    public var date: Day?
    public var required: Bool
    public var signed: Bool
    /// A governed section changed after the signature (with git history), or
    /// it is dated before the plan's `updated` (without): the plan needs re-approval.
    public var stale: Bool
    /// With git history, the first governed change after the signature: what made it stale.
    public var staleSince: GovernedChange?
    /// Line of the row in the Approval table; nil when the row is missing.
    public var line: Int?

    public init(role: String, name: String, signature: String, date: Day?, required: Bool, signed: Bool, stale: Bool, line: Int?,
                staleSince: GovernedChange? = nil) {
        self.role = role
        self.name = name
        self.signature = signature
        self.date = date
        self.required = required
        self.signed = signed
        self.stale = stale
        self.staleSince = staleSince
        self.line = line
    }
}

/// A plan's approval: `state`, k of n signed, stale signatures.
public struct ApprovalStatus: Sendable, Hashable {
    public var state: ApprovalState
    public var signed: Int
    public var required: Int
    /// Some signature predates the plan's latest revision.
    public var stale: Bool
    public var roles: [RoleStatus]

    public init(state: ApprovalState, signed: Int, required: Int, stale: Bool, roles: [RoleStatus]) {
        self.state = state
        self.signed = signed
        self.required = required
        self.stale = stale
        self.roles = roles
    }
}

/// One phase of a plan with its computed span and flags.
public struct PhaseStatus: Sendable, Hashable {
    public var phase: Phase
    /// `Start`, else the previous phase's deadline, else the plan's date.
    public var start: Day?
    public var overdue: Bool
    public var dueSoon: Bool
    /// Days from today to the deadline (negative when past).
    public var daysLeft: Int?

    public init(phase: Phase, start: Day?, overdue: Bool, dueSoon: Bool, daysLeft: Int?) {
        self.phase = phase
        self.start = start
        self.overdue = overdue
        self.dueSoon = dueSoon
        self.daysLeft = daysLeft
    }
}

/// Everything Compute derives for one plan.
public struct PlanStatus: Sendable, Hashable {
    public var lifecycle: Lifecycle
    public var approval: ApprovalStatus
    public var phases: [PhaseStatus]
    /// Not completed and not superseded.
    public var open: Bool
    /// The id of the plan that supersedes this one, if any.
    public var supersededBy: String?

    public init(lifecycle: Lifecycle, approval: ApprovalStatus, phases: [PhaseStatus], open: Bool, supersededBy: String?) {
        self.lifecycle = lifecycle
        self.approval = approval
        self.phases = phases
        self.open = open
        self.supersededBy = supersededBy
    }
}

/// Everything Compute derives for an assessment or investigation.
public struct ReviewStatus: Sendable, Hashable {
    /// Open until every plan referring to it (and not superseded) is completed.
    public var open: Bool
    /// Indices into the document's `metrics` that are breaches.
    public var breaches: [Int]
    public var supersededBy: String?

    public init(open: Bool, breaches: [Int], supersededBy: String?) {
        self.open = open
        self.breaches = breaches
        self.supersededBy = supersededBy
    }
}

/// The Compute stage's output: status of every document as of `today`.
public struct PortfolioStatus: Sendable {
    public var today: Day
    public var plans: [String: PlanStatus]
    public var reviews: [String: ReviewStatus]

    public init(today: Day, plans: [String: PlanStatus] = [:], reviews: [String: ReviewStatus] = [:]) {
        self.today = today
        self.plans = plans
        self.reviews = reviews
    }
}
