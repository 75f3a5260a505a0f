/// Spec 4.2: each phase's span and whether it is overdue or due soon.
///
/// A phase runs from its `Start`, else the previous phase's deadline (the
/// previous phase's start when it has no deadline), else the plan's date.
/// A phase not `done` is overdue when its deadline is before today, and due
/// soon when the deadline is today or up to `dueSoonDays` days ahead (both
/// ends included). A closed plan's phases are never overdue or due soon.
enum TimelineComputer {
    static func phases(of plan: Document, today: Day, dueSoonDays: Int, closed: Bool) -> [PhaseStatus] {
        let phases = plan.plan?.phases ?? []
        var out: [PhaseStatus] = []
        out.reserveCapacity(phases.count)
        var previous: PhaseStatus?
        for phase in phases {
            let start = phase.start ?? previous.map { $0.phase.deadline ?? $0.start } ?? plan.date
            var overdue = false
            var dueSoon = false
            var daysLeft: Int?
            if let deadline = phase.deadline {
                let left = today.days(until: deadline)
                daysLeft = left
                if !closed && phase.status != .done {
                    overdue = left < 0
                    dueSoon = left >= 0 && left <= dueSoonDays
                }
            }
            let status = PhaseStatus(phase: phase, start: start, overdue: overdue, dueSoon: dueSoon, daysLeft: daysLeft)
            out.append(status)
            previous = status
        }
        return out
    }

    /// The same phases with the overdue and due-soon flags cleared (the plan turned out closed).
    static func closing(_ phases: [PhaseStatus]) -> [PhaseStatus] {
        phases.map { phase in
            var closed = phase
            closed.overdue = false
            closed.dueSoon = false
            return closed
        }
    }
}
