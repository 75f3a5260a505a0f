/// The one place that says, in one line, what each diagnostic code means.
///
/// SARIF's rule descriptions, `docs/diagnostics.md` and `--help` texts read
/// these; a test checks that every code is explained in the docs.
extension DiagnosticCode {
    /// One sentence, no trailing period, suitable as a SARIF `shortDescription`.
    public var summary: String {
        switch self {
        case .unreadableFile: "A file cannot be read, is not valid UTF-8 text, or is not a regular file"
        case .fileTooLarge: "A file is larger than the 8 MiB limit"
        case .symlinkOutsideInput: "A symbolic link leads outside the input folder and is not followed"
        case .unknownKind: "The kind of a document cannot be told or is not plan, investigation or assessment"
        case .frontMatterSyntax: "The YAML front matter is not valid YAML, or uses anchors or aliases"
        case .unterminatedFrontMatter: "The front matter opens with '---' but never closes"
        case .invalidValue: "A value has the wrong type or form or holds a control character, or a link uses a scheme that is not allowed"
        case .missingID: "A document has no id"
        case .invalidID: "An id does not match [A-Za-z0-9][A-Za-z0-9._-]*, or is a name Windows keeps for a device"
        case .duplicateID: "Two documents have the same id, or ids that differ only in case"
        case .invalidDate: "A date is not a real calendar date written YYYY-MM-DD"
        case .unknownReference: "A reference names an id that no document has"
        case .wrongReferenceKind: "A reference names a document of the wrong kind"
        case .supersedesCycle: "Documents supersede each other in a cycle"
        case .idConvention: "An assessment id does not follow the FAF-YYYY-MM-NNN convention"
        case .conflictingValue: "Front matter and the Assessment Information list give two different values"
        case .templatePlaceholder: "A bracketed placeholder from the template was left in the document"
        case .missingSection: "A section of the remediation plan template is missing"
        case .missingColumn: "A template table lacks a required column"
        case .unknownPhaseStatus: "A phase status is not planned, in progress, done or blocked"
        case .duplicateIntervention: "Two interventions in a plan have the same number"
        case .unknownStatus: "An explicit status is not one the document's kind allows"
        case .signatureInFuture: "An approval signature is dated after the build date"
        case .missingApprovalRow: "A required approval role has no row in the Approval table"
        case .remoteImage: "An image is on another site; it is shown as a link, never loaded"
        case .rawHTML: "Raw HTML in a document is not published"
        case .missingLinkedFile: "A relative link points to a file that is not in the input folder"
        case .configError: "planfolio.yml has an unknown key, a value of the wrong type, or an anchor or alias"
        case .themeError: "A theme template is missing or does not compile"
        case .invalidMetric: "A metric entry is incomplete or has a value that is not a number"
        case .duplicateKey: "A front matter key is given twice"
        case .multipleSuccessors: "Two documents supersede the same document"
        case .referenceMismatch: "A reference names a document about another system, or an investigation raised by another assessment"
        case .unsafeLinkedFile: "A linked file is of a type a browser could run, or an SVG that cannot be published as a clean copy"
        case .unusedThemeFile: "A theme folder holds a template that no page uses, or one outside templates/ that is not read"
        case .tableTooLarge: "A table has too many columns, or a document's tables too many cells, to be built safely; it is shown as text"
        case .nestingTooDeep: "Lists, quotes, emphasis or links are nested too deep to be built safely; the deeper part is left out"
        case .titleTooLong: "A document's title is longer than 300 characters"
        case .referenceTooLarge: "A reference definition could be copied into its links past what the document may hold; it is shown as text"
        case .historyUnavailable: "The input folder has no usable git history, so signatures are judged by the plans' updated dates"
        case .notCommitted: "A plan is not committed to git yet, so its signatures are judged by its updated date"
        }
    }

    /// The severity a code is reported with unless `--strict` raises it.
    public var defaultSeverity: Diagnostic.Severity {
        switch self {
        case .symlinkOutsideInput, .idConvention, .templatePlaceholder, .missingSection,
             .missingApprovalRow, .remoteImage, .rawHTML, .invalidMetric, .referenceMismatch, .unusedThemeFile,
             .historyUnavailable, .notCommitted:
            .warning
        default:
            .error
        }
    }

    /// `PF012 unknown-reference`: the title CI annotations show.
    public var title: String { "\(rawValue) \(name)" }

    /// The anchor of this code's section in `docs/diagnostics.md`, e.g. `pf012-unknown-reference`.
    public var docsAnchor: String { "\(rawValue.lowercased())-\(name)" }
}
