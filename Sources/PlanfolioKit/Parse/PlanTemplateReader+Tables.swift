import PlanfolioMarkdown

/// The template's three tables: Phases and Milestones, Responsibilities, Approval.
///
/// Rows that hold nothing but placeholders (the untouched template's rows)
/// are not read: their placeholders are already warned about, and a row of
/// `[Date]`s is not a phase. A placeholder cell is never also a date or
/// status error.
extension PlanTemplateReader {
    static let phaseColumns = ["Phase", "Key Activities", "Deliverable", "Deadline", "Owner"]
    static let responsibilityColumns = ["Role", "Name/Team", "Responsibility"]
    static let approvalColumns = ["Role", "Name", "Signature", "Date"]

    mutating func readPhases() -> [Phase] {
        let name = "Phases and Milestones"
        guard let section = section(name), let table = table(in: section, named: name) else { return [] }
        requireColumns(Self.phaseColumns, in: table, section: name)
        let phaseColumn = table.column("Phase"), activities = table.column("Key Activities")
        let deliverable = table.column("Deliverable"), deadline = table.column("Deadline")
        let owner = table.column("Owner"), start = table.column("Start"), status = table.column("Status")
        var phases: [Phase] = []
        for row in table.rows where !row.isUnfilled {
            let phaseName = row.cell(phaseColumn).text
            let label = phaseName.isEmpty ? "the phase on this line" : "phase '\(phaseName)'"
            let deadlineCell = row.cell(deadline)
            let startCell = row.cell(start)
            let deadlineDay = day(deadlineCell.text, isPlaceholder: deadlineCell.isPlaceholder, what: "the Deadline of \(label)", line: row.line)
            if deadline != nil, deadlineCell.text.isEmpty {
                diagnostics.append(.warning(.invalidDate, "\(label) has no Deadline, so it cannot be placed on the timeline", file: file, line: row.line))
            }
            let startDay = day(startCell.text, isPlaceholder: startCell.isPlaceholder, what: "the Start of \(label)", line: row.line)
            if let startDay, let deadlineDay, deadlineDay < startDay {
                diagnostics.append(.error(.invalidDate, "\(label) starts on \(startDay), after its Deadline \(deadlineDay)", file: file, line: row.line))
            }
            phases.append(Phase(name: phaseName, activities: row.cell(activities).text, deliverable: row.cell(deliverable).text,
                                start: startDay, deadline: deadlineDay, owner: row.cell(owner).text,
                                status: phaseStatus(row.cell(status), label: label, line: row.line), line: row.line))
        }
        return phases
    }

    /// `planned`, `in progress`, `done` or `blocked`, in any case; empty or a placeholder is `planned`.
    mutating func phaseStatus(_ cell: MarkdownTable.Cell, label: String, line: Int) -> Phase.Status {
        if cell.text.isEmpty || cell.isPlaceholder { return .planned }
        let words = cell.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let status = Phase.Status(rawValue: words) { return status }
        let known = Phase.Status.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        diagnostics.append(.error(.unknownPhaseStatus, "status '\(cell.text)' of \(label) is not one of \(known)", file: file, line: line))
        return .planned
    }

    mutating func readResponsibilities() -> [Responsibility] {
        let name = "Responsibilities"
        guard let section = section(name), let table = table(in: section, named: name) else { return [] }
        requireColumns(Self.responsibilityColumns, in: table, section: name)
        let role = table.column("Role"), who = table.column("Name/Team"), duty = table.column("Responsibility")
        return table.rows.filter { !$0.isUnfilled }.map { row in
            Responsibility(role: row.cell(role).text, nameOrTeam: row.cell(who).text, responsibility: row.cell(duty).text, line: row.line)
        }
    }

    /// Whether the Approval section has a table, and its rows. An empty Date
    /// is an unsigned row; a Date that is not `YYYY-MM-DD` is an error.
    mutating func readApprovals() -> (Bool, [ApprovalRow]) {
        let name = "Approval"
        guard let section = section(name), let table = table(in: section, named: name) else { return (false, []) }
        requireColumns(Self.approvalColumns, in: table, section: name)
        let role = table.column("Role"), signer = table.column("Name"), signature = table.column("Signature"), date = table.column("Date")
        var rows: [ApprovalRow] = []
        for row in table.rows where !row.isUnfilled {
            let roleText = row.cell(role).text
            let dateCell = row.cell(date)
            let label = roleText.isEmpty ? "the approval on this line" : "the approval of '\(roleText)'"
            let day = day(dateCell.text, isPlaceholder: dateCell.isPlaceholder, what: "the Date of \(label)", line: row.line)
            rows.append(ApprovalRow(role: roleText, name: row.cell(signer).text, signature: row.cell(signature).text,
                                    date: day, dateText: dateCell.text, line: row.line))
        }
        return (true, rows)
    }
}
