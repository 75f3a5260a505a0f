/// A document's status as bytes, for its view key (`SitePlan.viewKey`):
/// what Compute derived, in `RecordWriter`'s form, the same bytes for the
/// same status in every process.
///
/// Every stored field is written; `StatusBytesTests` fails when a status
/// type gains a field this does not write.
enum StatusBytes {
    static func of(_ id: String, in status: PortfolioStatus) -> [UInt8] {
        var writer = RecordWriter(capacity: 256)
        if let plan = status.plans[id] {
            writer.byte(1)
            write(plan, into: &writer)
        } else if let review = status.reviews[id] {
            writer.byte(2)
            writer.bool(review.open)
            writer.array(review.breaches) { $0.int($1) }
            writer.optional(review.supersededBy) { $0.string($1) }
        } else {
            writer.byte(0)
        }
        return writer.bytes
    }

    /// What stands for a status by the key of its inputs
    /// (`StatusComputer.inputKeys`), tagged apart from every status's bytes.
    static func inputs(_ key: Digest) -> [UInt8] {
        var writer = RecordWriter(capacity: 24)
        writer.byte(3)
        writer.digest(key)
        return writer.bytes
    }

    private static func write(_ plan: PlanStatus, into writer: inout RecordWriter) {
        writer.string(plan.lifecycle.rawValue)
        writer.string(plan.approval.state.rawValue)
        writer.int(plan.approval.signed)
        writer.int(plan.approval.required)
        writer.bool(plan.approval.stale)
        writer.array(plan.approval.roles) { writer, role in
            writer.string(role.role)
            writer.string(role.name)
            writer.string(role.signature)
            writer.optional(role.date) { $0.string($1.description) }
            writer.bool(role.required)
            writer.bool(role.signed)
            writer.bool(role.stale)
            writer.optional(role.staleSince) { writer, change in
                writer.string(change.day.description)
                writer.optional(change.commit) { writer, commit in
                    writer.string(commit.id)
                    writer.string(commit.author)
                    writer.string(commit.date)
                    writer.string(commit.subject)
                }
                writer.array(change.sections) { $0.string($1) }
                writer.string(change.pageKey)
            }
            writer.optional(role.line) { $0.int($1) }
        }
        writer.array(plan.phases) { writer, phase in
            writer.string(phase.phase.name)
            writer.string(phase.phase.activities)
            writer.string(phase.phase.deliverable)
            writer.optional(phase.phase.start) { $0.string($1.description) }
            writer.optional(phase.phase.deadline) { $0.string($1.description) }
            writer.string(phase.phase.owner)
            writer.string(phase.phase.status.rawValue)
            writer.int(phase.phase.line)
            writer.optional(phase.start) { $0.string($1.description) }
            writer.bool(phase.overdue)
            writer.bool(phase.dueSoon)
            writer.optional(phase.daysLeft) { $0.int($1) }
        }
        writer.bool(plan.open)
        writer.optional(plan.supersededBy) { $0.string($1) }
    }
}
