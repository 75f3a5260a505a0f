/// What a remediation plan's template sections say, as values.
///
/// Filled by the Parse stage from the plan's tables and subsections; Compute
/// turns it into timelines and approval status.
public struct PlanSections: Sendable, Hashable {
    public var phases: [Phase] = []
    public var responsibilities: [Responsibility] = []
    public var interventions: [Intervention] = []
    public var validationPeriod: String?
    public var approvals: [ApprovalRow] = []
    /// Whether an Approval table was found at all.
    public var hasApprovalTable = false
    public init() {}
}

/// One row of "Phases and Milestones".
public struct Phase: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case planned, inProgress = "in progress", done, blocked
    }
    public var name: String
    public var activities: String
    public var deliverable: String
    public var start: Day?
    public var deadline: Day?
    public var owner: String
    public var status: Status
    public var line: Int
    public init(name: String, activities: String = "", deliverable: String = "", start: Day? = nil, deadline: Day?, owner: String = "", status: Status = .planned, line: Int) {
        self.name = name
        self.activities = activities
        self.deliverable = deliverable
        self.start = start
        self.deadline = deadline
        self.owner = owner
        self.status = status
        self.line = line
    }
}

/// One row of "Responsibilities".
public struct Responsibility: Sendable, Hashable {
    public var role: String
    public var nameOrTeam: String
    public var responsibility: String
    public var line: Int
    public init(role: String, nameOrTeam: String, responsibility: String, line: Int) {
        self.role = role
        self.nameOrTeam = nameOrTeam
        self.responsibility = responsibility
        self.line = line
    }
}

/// One `### Intervention N: NAME` subsection.
public struct Intervention: Sendable, Hashable {
    public var number: Int
    public var name: String
    public var targetDate: Day?
    public var estimatedDuration: String?
    public var line: Int
    /// The `**Description**` text, when given.
    public var description: String?
    public init(number: Int, name: String, targetDate: Day?, estimatedDuration: String?, line: Int, description: String? = nil) {
        self.number = number
        self.name = name
        self.targetDate = targetDate
        self.estimatedDuration = estimatedDuration
        self.line = line
        self.description = description
    }
}

/// One row of the "Approval" table, as written.
public struct ApprovalRow: Sendable, Hashable {
    public var role: String
    public var name: String
    public var signature: String
    public var date: Day?
    /// The date cell's text, kept when it is not a valid date.
    public var dateText: String
    public var line: Int
    public init(role: String, name: String, signature: String, date: Day?, dateText: String, line: Int) {
        self.role = role
        self.name = name
        self.signature = signature
        self.date = date
        self.dateText = dateText
        self.line = line
    }
}
