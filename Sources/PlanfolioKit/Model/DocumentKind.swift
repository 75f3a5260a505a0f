/// The three kinds of governance document a portfolio holds.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case assessment, investigation, plan

    /// The folder a document of this kind sits in, in the input and on the site.
    public var folder: String {
        switch self {
        case .assessment: "assessments"
        case .investigation: "investigations"
        case .plan: "plans"
        }
    }

    /// The kind named by an input top folder (`plans/`, `Plans/`, ...), if any.
    public init?(folder: String) {
        guard let kind = DocumentKind.allCases.first(where: { $0.folder == folder.lowercased() }) else { return nil }
        self = kind
    }

    public var displayName: String {
        switch self {
        case .assessment: "Fairness assessment"
        case .investigation: "Drift investigation"
        case .plan: "Remediation plan"
        }
    }

    public var pluralDisplayName: String {
        switch self {
        case .assessment: "Assessments"
        case .investigation: "Investigations"
        case .plan: "Plans"
        }
    }

    /// Assessments first, then investigations, then plans: the order of the chain.
    public static func < (a: DocumentKind, b: DocumentKind) -> Bool {
        let order: [DocumentKind] = [.assessment, .investigation, .plan]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}
