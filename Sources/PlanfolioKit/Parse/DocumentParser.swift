import PlanfolioMarkdown

/// Turns one source file into a `Document`: front matter, body, and for plans
/// the template's Assessment Information.
///
/// Rules about a single document live here; rules that need the whole
/// portfolio (unique ids, references) live in Link.
public enum DocumentParser {
    /// Characters a title may have; longer is `PF038 title-too-long`.
    public static let maximumTitleLength = 300

    /// The spec's id pattern: `[A-Za-z0-9][A-Za-z0-9._-]*`. Ids become file names, so
    /// nothing else may pass.
    public static func isValidID(_ id: String) -> Bool {
        idProblem(id) == nil
    }

    /// Why `id` cannot be an id, as the end of a sentence starting "id 'X' ...", or nil when it can.
    public static func idProblem(_ id: String) -> String? {
        guard let first = id.utf8.first, isAlphanumeric(first), id.utf8.count <= 128,
              id.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }) else {
            return "is not valid: it must start with a letter or digit and hold only letters, digits, '.', '_' and '-' (at most 128)"
        }
        if isReservedFileName(id) {
            return "is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, in any case, with or without an extension): its page could not be opened from a Windows share; choose another id"
        }
        return nil
    }

    /// Whether Windows reserves `name` for a device: `CON`, `PRN`, `AUX`,
    /// `NUL`, `COM0`-`COM9`, `LPT0`-`LPT9` in any case, alone or before a
    /// `.` (`con.html`, `Aux.v2`). Auditors open the site from shares, where
    /// a page with such a name cannot be opened.
    public static func isReservedFileName(_ name: String) -> Bool {
        let stem = name.utf8.prefix(while: { $0 != UInt8(ascii: ".") })
        let upper = stem.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
        switch upper.count {
        case 3:
            return ["CON", "PRN", "AUX", "NUL"].contains(String(decoding: upper, as: UTF8.self))
        case 4:
            let prefix = String(decoding: upper.prefix(3), as: UTF8.self)
            return (prefix == "COM" || prefix == "LPT") && upper[3] >= UInt8(ascii: "0") && upper[3] <= UInt8(ascii: "9")
        default:
            return false
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// `FAF-YYYY-MM-NNN`, the template's "FAF-yyyy-mm-number".
    public static func followsAssessmentConvention(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "FAF", parts[1].count == 4, parts[2].count == 2, !parts[3].isEmpty,
              parts[1...].allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[2]), (1...12).contains(month) else { return false }
        return true
    }

    /// The file name without folders and extension: `plans/RP-2026-007.md` gives `RP-2026-007`.
    static func fileStem(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var stem = name
        for suffix in [".md", ".markdown"] where name.lowercased().hasSuffix(suffix) {
            stem = String(name.dropLast(suffix.count))
        }
        return stem.isEmpty ? nil : stem
    }

    public static func parse(_ file: SourceFile) -> (Document?, [Diagnostic]) {
        let path = file.displayPath
        var diagnostics: [Diagnostic] = []
        let split = FrontMatterSplitter.split(file.text)
        if split.unterminated {
            return (nil, [.error(.unterminatedFrontMatter, "front matter starts with '---' on line 1 but has no closing '---' line", file: path, line: 1)])
        }
        var frontMatter = FrontMatter()
        if let yaml = split.yaml {
            let decoded = FrontMatterDecoder.decode(yaml, firstLine: split.yamlFirstLine, file: path)
            frontMatter = decoded.0
            diagnostics += decoded.1
        }
        let parsed = MarkdownParser.parseReportingProblems(split.body, firstLine: split.bodyFirstLine)
        let body = parsed.document
        diagnostics += parsed.problems.map { BodyChecks.diagnostic($0, file: path) }

        // Kind: front matter, else the top folder.
        var kind: DocumentKind?
        if let given = frontMatter.kind {
            kind = DocumentKind(rawValue: given.value.lowercased())
            if kind == nil {
                diagnostics.append(.error(.unknownKind, "kind '\(given.value)' is not one of plan, investigation, assessment", file: path, line: given.line))
            }
        } else if let folder = file.topFolder, let fromFolder = DocumentKind(folder: folder) {
            kind = fromFolder
        } else {
            diagnostics.append(.error(.unknownKind,
                "cannot tell what kind of document this is: give 'kind: plan|investigation|assessment' or put it under plans/, investigations/ or assessments/",
                file: path, line: 1))
        }

        // A plan's Assessment Information fills what front matter leaves out.
        var planIDPlaceholder: Located<String>?
        if kind == .plan {
            let info = AssessmentInformation.read(from: body)
            planIDPlaceholder = info.planIDPlaceholder
            func merge(_ key: String, _ front: inout Located<String>?, _ template: Located<String>?, _ label: String) {
                guard let template else { return }
                guard let given = front else {
                    front = template
                    return
                }
                if given.value != template.value {
                    diagnostics.append(.error(.conflictingValue,
                        "'\(key)' is '\(given.value)' in front matter (line \(given.line)) but **\(label)** is '\(template.value)' (line \(template.line))",
                        file: path, line: template.line))
                }
            }
            merge("id", &frontMatter.id, info.planID, "Remediation Plan ID")
            merge("system", &frontMatter.system, info.systemName, "System Name")
            merge("assessment", &frontMatter.assessment, info.assessmentID, "Assessment ID")
            merge("investigation", &frontMatter.investigation, info.investigationID, "Related Investigation ID")
            merge("owner", &frontMatter.owner, info.planOwner, "Plan Owner")
            if let dateText = info.date {
                if let day = Day(dateText.value) {
                    if let given = frontMatter.date {
                        if given.value != day {
                            diagnostics.append(.error(.conflictingValue,
                                "'date' is \(given.value) in front matter (line \(given.line)) but **Date** is \(day) (line \(dateText.line))",
                                file: path, line: dateText.line))
                        }
                    } else {
                        frontMatter.date = Located(day, line: dateText.line)
                    }
                } else {
                    diagnostics.append(.error(.invalidDate, "**Date** is '\(dateText.value)', not a date of the form YYYY-MM-DD", file: path, line: dateText.line))
                }
            }
        }

        // The template's sections, read before any early return so that one
        // run reports every problem of the plan.
        let planRead = kind == .plan ? PlanTemplateReader.read(body, file: path, source: split.body) : nil
        diagnostics += planRead?.1 ?? []
        if frontMatter.id == nil, let placeholder = planIDPlaceholder, let stem = fileStem(file.path), isValidID(stem) {
            diagnostics.append(.warning(.missingID,
                "**Remediation Plan ID** is still the placeholder '\(placeholder.value)': the plan takes the id '\(stem)' from its file name until it is filled in",
                file: path, line: placeholder.line))
            frontMatter.id = Located(stem, line: placeholder.line)
        }

        guard let idValue = frontMatter.id else {
            // Front matter that did not parse has already been reported; no cascade.
            if diagnostics.contains(where: { $0.code == .frontMatterSyntax || $0.code == .duplicateKey }) {
                return (nil, diagnostics)
            }
            diagnostics.append(.error(.missingID, kind == .plan
                ? "document has no id: give 'id' in front matter or **Remediation Plan ID** in Assessment Information"
                : "document has no id: give 'id' in front matter", file: path, line: 1))
            return (nil, diagnostics)
        }
        if let problem = idProblem(idValue.value) {
            diagnostics.append(.error(.invalidID, "id '\(idValue.value)' \(problem)", file: path, line: idValue.line))
            return (nil, diagnostics)
        }
        guard let kind else { return (nil, diagnostics) }
        if kind == .assessment && !followsAssessmentConvention(idValue.value) {
            diagnostics.append(.warning(.idConvention, "assessment id '\(idValue.value)' does not follow the convention FAF-YYYY-MM-NNN", file: path, line: idValue.line))
        }

        let heading = frontMatter.title == nil ? MarkdownQueries.firstTitle(in: body) : nil
        var title = frontMatter.title?.value ?? heading?.text ?? idValue.value
        // What a title is made of, for a diagnostic about it: the key and its line.
        var titleSource = frontMatter.title.map { ("'title'", $0.line) } ?? heading.map { ("the first heading", $0.line) }
        // A plan that keeps the template's own heading would be one of many
        // identically named plans: name its system too.
        if frontMatter.title == nil, kind == .plan, title == PlanTemplateText.heading, let system = frontMatter.system {
            title = "\(title): \(system.value)"
            titleSource = ("'system'", system.line)
        }
        // Other pages show a document's title (cards, backlinks, link
        // tooltips): bounded, so that one title cannot be repeated into megabytes.
        if title.utf8.count > maximumTitleLength, title.count > maximumTitleLength {
            diagnostics.append(.error(.titleTooLong,
                "title is \(title.count) characters long; at most \(maximumTitleLength): shorten \(titleSource?.0 ?? "the id") and say the rest in the text",
                file: path, line: titleSource?.1 ?? idValue.line))
        }
        var document = Document(id: idValue.value, kind: kind, title: title, source: file.path, displayPath: path, body: body)
        document.idLine = idValue.line
        document.system = frontMatter.system?.value
        document.date = frontMatter.date?.value
        document.updated = frontMatter.updated?.value
        document.owner = frontMatter.owner?.value
        document.status = frontMatter.status
        document.tags = frontMatter.tags
        document.references = References(assessment: frontMatter.assessment, investigation: frontMatter.investigation, supersedes: frontMatter.supersedes)
        document.metrics = frontMatter.metrics
        document.extra = frontMatter.extra
        document.plan = planRead?.0
        if kind == .plan && !frontMatter.metrics.isEmpty, let first = frontMatter.metrics.first {
            diagnostics.append(.warning(.invalidMetric, "metrics belong on assessments and investigations; a plan's are ignored", file: path, line: first.line))
            document.metrics = []
        }
        diagnostics += BodyChecks.check(body, file: path)
        return (document, diagnostics)
    }
}
