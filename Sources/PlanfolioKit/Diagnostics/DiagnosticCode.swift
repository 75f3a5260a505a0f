/// The stable code of every kind of problem planfolio reports.
///
/// Codes never change meaning once published: CI systems and suppression
/// lists refer to them. `docs/diagnostics.md` explains each one with a fix.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    // Files
    case unreadableFile = "PF001"
    case fileTooLarge = "PF002"
    case symlinkOutsideInput = "PF003"
    case unknownKind = "PF004"
    // Front matter
    case frontMatterSyntax = "PF005"
    case unterminatedFrontMatter = "PF006"
    case invalidValue = "PF007"
    case missingID = "PF008"
    case invalidID = "PF009"
    case duplicateID = "PF010"
    case invalidDate = "PF011"
    // References
    case unknownReference = "PF012"
    case wrongReferenceKind = "PF013"
    case supersedesCycle = "PF014"
    case idConvention = "PF015"
    // The plan template
    case conflictingValue = "PF016"
    case templatePlaceholder = "PF017"
    case missingSection = "PF018"
    case missingColumn = "PF019"
    case unknownPhaseStatus = "PF020"
    case duplicateIntervention = "PF021"
    // Status and approval
    case unknownStatus = "PF022"
    case signatureInFuture = "PF023"
    case missingApprovalRow = "PF024"
    // Body
    case remoteImage = "PF025"
    case rawHTML = "PF026"
    case missingLinkedFile = "PF027"
    // Configuration and theme
    case configError = "PF028"
    case themeError = "PF029"
    case invalidMetric = "PF030"
    case duplicateKey = "PF031"
    // References (Link stage)
    case multipleSuccessors = "PF032"
    case referenceMismatch = "PF033"
    case unsafeLinkedFile = "PF034"
    // Theme
    case unusedThemeFile = "PF035"
    // Body (Markdown limits)
    case tableTooLarge = "PF036"
    case nestingTooDeep = "PF037"
    case titleTooLong = "PF038"
    case referenceTooLarge = "PF039"
    // Git history
    case historyUnavailable = "PF040"
    case notCommitted = "PF041"

    /// The short name shown beside the code, e.g. `unknown-reference`; as stable as the code.
    public var name: String {
        switch self {
        case .unreadableFile: "unreadable-file"
        case .fileTooLarge: "file-too-large"
        case .symlinkOutsideInput: "symlink-outside-input"
        case .unknownKind: "unknown-kind"
        case .frontMatterSyntax: "front-matter-syntax"
        case .unterminatedFrontMatter: "unterminated-front-matter"
        case .invalidValue: "invalid-value"
        case .missingID: "missing-id"
        case .invalidID: "invalid-id"
        case .duplicateID: "duplicate-id"
        case .invalidDate: "invalid-date"
        case .unknownReference: "unknown-reference"
        case .wrongReferenceKind: "wrong-reference-kind"
        case .supersedesCycle: "supersedes-cycle"
        case .idConvention: "id-convention"
        case .conflictingValue: "conflicting-value"
        case .templatePlaceholder: "template-placeholder"
        case .missingSection: "missing-section"
        case .missingColumn: "missing-column"
        case .unknownPhaseStatus: "unknown-phase-status"
        case .duplicateIntervention: "duplicate-intervention"
        case .unknownStatus: "unknown-status"
        case .signatureInFuture: "signature-in-future"
        case .missingApprovalRow: "missing-approval-row"
        case .remoteImage: "remote-image"
        case .rawHTML: "raw-html"
        case .missingLinkedFile: "missing-linked-file"
        case .configError: "config-error"
        case .themeError: "theme-error"
        case .invalidMetric: "invalid-metric"
        case .duplicateKey: "duplicate-key"
        case .multipleSuccessors: "multiple-successors"
        case .unsafeLinkedFile: "unsafe-linked-file"
        case .referenceMismatch: "reference-mismatch"
        case .unusedThemeFile: "unused-theme-file"
        case .tableTooLarge: "table-too-large"
        case .nestingTooDeep: "nesting-too-deep"
        case .titleTooLong: "title-too-long"
        case .referenceTooLarge: "reference-too-large"
        case .historyUnavailable: "history-unavailable"
        case .notCommitted: "not-committed"
        }
    }

    public var number: Int { Int(rawValue.dropFirst(2)) ?? 0 }
}
