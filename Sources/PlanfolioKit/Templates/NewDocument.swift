import Foundation

/// Writes the text of a new document for `planfolio new`: a remediation plan
/// from the full template, or a short skeleton of an investigation or an
/// assessment with the sections the sample portfolio uses.
///
/// Pure: the command line checks the disk and the portfolio, this only
/// validates the request and produces text.
public enum NewDocument {
    /// `plans/ID.md`, `investigations/ID.md` or `assessments/ID.md` under the input folder.
    public static func relativePath(for request: NewDocumentRequest) -> String {
        "\(request.kind.folder)/\(request.id).md"
    }

    /// What is wrong with the request, one sentence each; empty when it can be written.
    public static func problems(with request: NewDocumentRequest) -> [String] {
        var problems: [String] = []
        if let problem = DocumentParser.idProblem(request.id) {
            problems.append("id '\(request.id)' \(problem)")
        }
        for (option, value) in [("--assessment", request.assessment), ("--investigation", request.investigation)] {
            if let value, !DocumentParser.isValidID(value) {
                problems.append("\(option) '\(value)' is not a valid id")
            }
        }
        for (option, value) in [("--title", request.title), ("--system", request.system), ("--owner", request.owner)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                problems.append("\(option) must be one line of text")
            }
        }
        if request.kind == .assessment && request.assessment != nil {
            problems.append("--assessment is for plans and investigations, not assessments")
        }
        if request.kind != .plan && request.investigation != nil {
            problems.append("--investigation is for plans only")
        }
        return problems
    }

    /// The ids the portfolio already uses (documents that parse far enough to have one).
    public static func existingIDs(in loaded: LoadedInput) -> Set<String> {
        Set(ConcurrentMap.map(loaded.files) { DocumentParser.parse($0).0?.id }.compactMap { $0 })
    }

    public static func text(for request: NewDocumentRequest) -> String {
        switch request.kind {
        case .plan: planText(request)
        case .investigation: investigationText(request)
        case .assessment: assessmentText(request)
        }
    }

    // MARK: - Plan

    static func planText(_ request: NewDocumentRequest) -> String {
        var text = PlanTemplate.text
        let fills: [(String, String?)] = [
            ("- **System Name**: [Name of AI system]", request.system.map(markdownEscaped)),
            ("- **Assessment ID**: [Unique identifier: FAF-yyyy-mm-number]", request.assessment),
            ("- **Remediation Plan ID**: [Unique ID for this plan]", request.id),
            ("- **Related Investigation ID**: [Link to the Drift Investigation Report ID]", request.investigation),
            ("- **Date**: [Date plan created]", request.date.description),
            ("- **Plan Owner**: [Name and role]", request.owner.map(markdownEscaped)),
        ]
        for (line, value) in fills {
            guard let value, let colon = line.range(of: "**: ") else { continue }
            text = text.replacingOccurrences(of: line, with: line[..<colon.upperBound] + value)
        }
        return frontMatter(request) + "\n" + text
    }

    // MARK: - Investigation and assessment skeletons

    static func investigationText(_ request: NewDocumentRequest) -> String {
        frontMatter(request) + """

        # \(request.title.map(markdownEscaped) ?? "[Title of the investigation]")

        This investigation follows \(request.assessment ?? "[the assessment that raised the drift]").

        ## What drifted

        [Which inputs, outputs or metrics changed, by how much, and since when.]

        ## Timeline of the drift

        - **\(request.date)**: This investigation opened.

        ## Root causes

        1. [Root cause, with the evidence that shows it]

        ## Evidence

        [Queries, extracts and charts; put files under investigations/evidence/ and link them.]

        ## Recommendation

        - [ ] [Action, owner, date]

        """
    }

    static func assessmentText(_ request: NewDocumentRequest) -> String {
        frontMatter(request) + """

        # \(request.title.map(markdownEscaped) ?? "[Title of the assessment]")

        ## Scope

        [The system, the decision assessed, and the groups assessed.]

        ## Method

        - **Data window**: [Dates and batches used]
        - **Population**: [Who is in scope, and how many]
        - **Thresholds**: [Where the thresholds come from]
        - **Baseline**: [What the values are compared with]

        ## Findings

        | Metric | Group | Value | Threshold | Baseline | Result |
        |---|---|---|---|---|---|

        ## Recommendation

        - [Next step, owner, date]

        """
    }

    // MARK: - Front matter

    static func frontMatter(_ request: NewDocumentRequest) -> String {
        var lines = ["---", "kind: \(request.kind.rawValue)", "id: \(request.id)"]
        func add(_ key: String, _ value: String?, quoted: Bool, hint: String) {
            if let value {
                lines.append("\(key): " + (quoted ? yamlQuoted(value) : value))
            } else {
                lines.append("# \(key): \(hint)")
            }
        }
        if request.kind == .plan {
            add("title", request.title, quoted: true, hint: "\"Short title\" (default: the first heading)")
        } else if let title = request.title {
            lines.append("title: " + yamlQuoted(title))
        }
        add("system", request.system, quoted: true, hint: "\"Name of the AI system, as in the model inventory\"")
        lines.append("date: \(request.date)")
        add("owner", request.owner, quoted: true, hint: "\"Name (Role)\"")
        if request.kind != .assessment {
            add("assessment", request.assessment, quoted: false, hint: "FAF-YYYY-MM-NNN")
        }
        if request.kind == .plan {
            add("investigation", request.investigation, quoted: false, hint: "id of the drift investigation report")
        }
        if request.kind == .assessment {
            lines += [
                "# metrics:",
                "#   - name: disparate impact ratio",
                "#     group: \"the group measured\"",
                "#     value: 0.0",
                "#     threshold: 0.8",
                "#     baseline: 0.0",
            ]
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func yamlQuoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Backslash-escapes the Markdown characters that would change how a value reads back.
    static func markdownEscaped(_ value: String) -> String {
        var out = ""
        for character in value {
            if "\\*_`[]<>&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
