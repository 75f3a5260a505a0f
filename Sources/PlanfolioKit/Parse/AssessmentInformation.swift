import PlanfolioMarkdown

/// The plan template's "Assessment Information" list, which stands in for
/// front matter: a plan written on the template with none still builds.
public struct AssessmentInformation: Sendable {
    public var systemName: Located<String>?
    public var assessmentID: Located<String>?
    public var planID: Located<String>?
    public var investigationID: Located<String>?
    public var date: Located<String>?
    public var planOwner: Located<String>?
    /// The **Remediation Plan ID** line when it still holds the template's
    /// placeholder: the untouched template then takes its id from the file name.
    public var planIDPlaceholder: Located<String>?

    /// Reads the list under the "Assessment Information" heading. Values that
    /// are still template placeholders (`[Date]`) count as absent.
    public static func read(from body: MarkdownNode) -> AssessmentInformation {
        var info = AssessmentInformation()
        guard let section = MarkdownQueries.section(named: "Assessment Information", in: body) else { return info }
        for item in MarkdownQueries.labelledItems(in: section.blocks) {
            let value = item.value
            if Placeholder.isPlaceholder(value), MarkdownQueries.normalizedHeading(item.key) == "remediation plan id" {
                info.planIDPlaceholder = info.planIDPlaceholder ?? Located(value, line: item.line)
            }
            if value.isEmpty || Placeholder.isPlaceholder(value) { continue }
            let located = Located(value, line: item.line)
            switch MarkdownQueries.normalizedHeading(item.key) {
            case "system name": info.systemName = info.systemName ?? located
            case "assessment id": info.assessmentID = info.assessmentID ?? located
            case "remediation plan id": info.planID = info.planID ?? located
            case "related investigation id": info.investigationID = info.investigationID ?? located
            case "date": info.date = info.date ?? located
            case "plan owner": info.planOwner = info.planOwner ?? located
            default: break
            }
        }
        return info
    }
}

/// Template placeholders: square-bracketed text such as `[Name of AI system]`.
enum Placeholder {
    /// True when the whole value is one bracketed placeholder.
    static func isPlaceholder(_ value: String) -> Bool {
        value.hasPrefix("[") && value.hasSuffix("]") && !value.dropFirst().dropLast().contains("]")
    }
}

/// Fixed text of the remediation plan template that the parser recognises.
enum PlanTemplateText {
    /// The template's level-1 heading.
    static let heading = "Fairness Drift Remediation Plan"
}
