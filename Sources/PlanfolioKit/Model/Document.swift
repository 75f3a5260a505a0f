import PlanfolioMarkdown

/// A value read from the input together with the line it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var line: Int
    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// The ids a document refers to, by field.
public struct References: Sendable, Hashable {
    public var assessment: Located<String>?
    public var investigation: Located<String>?
    public var supersedes: Located<String>?
    public init(assessment: Located<String>? = nil, investigation: Located<String>? = nil, supersedes: Located<String>? = nil) {
        self.assessment = assessment
        self.investigation = investigation
        self.supersedes = supersedes
    }
}

/// A front matter value planfolio does not know, kept for templates.
public indirect enum ExtraValue: Sendable, Hashable {
    case string(String)
    case list([ExtraValue])
    case map([(key: String, value: ExtraValue)])

    public static func == (a: ExtraValue, b: ExtraValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.map(let x), .map(let y)): x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .list(let l): hasher.combine(l)
        case .map(let m):
            for entry in m {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }
}

/// One governance document, parsed: front matter typed, body as a Markdown tree.
///
/// The output of the Parse stage. Fields hold what the document says, with
/// lines for diagnostics; nothing here is derived from other documents or
/// from today (that is Link and Compute).
public struct Document: Sendable {
    public var id: String
    public var kind: DocumentKind
    public var title: String
    public var system: String?
    public var date: Day?
    public var updated: Day?
    public var owner: String?
    /// The explicit `status`, unchecked: Compute decides whether it is valid for the kind.
    public var status: Located<String>?
    public var tags: [String]
    public var references: References
    public var metrics: [Metric]
    /// Front matter keys planfolio does not know, in file order.
    public var extra: [(key: String, value: ExtraValue)]
    /// Path under the input folder, with `/` separators, e.g. `plans/RP-2026-007.md`.
    public var source: String
    /// The path diagnostics name: the input folder as given, joined with `source`.
    public var displayPath: String
    /// Line of the `id` (front matter, or the Assessment Information list).
    public var idLine: Int
    public var body: MarkdownNode
    /// What the plan template's sections say; nil for assessments and investigations.
    public var plan: PlanSections?

    public init(id: String, kind: DocumentKind, title: String, source: String, displayPath: String, body: MarkdownNode) {
        self.id = id
        self.kind = kind
        self.title = title
        self.system = nil
        self.date = nil
        self.updated = nil
        self.owner = nil
        self.status = nil
        self.tags = []
        self.references = References()
        self.metrics = []
        self.extra = []
        self.source = source
        self.displayPath = displayPath
        self.idLine = 1
        self.body = body
        self.plan = nil
    }

    /// Path of the document's page under the site root, e.g. `plans/RP-2026-007.html`.
    public var url: String { "\(kind.folder)/\(id).html" }

    /// The body without a leading level-1 heading: the page shows the title itself.
    public var bodyWithoutTitleHeading: MarkdownNode {
        guard case .heading(1) = body.children.first?.kind else { return body }
        var trimmed = body
        trimmed.children.removeFirst()
        return trimmed
    }
}
