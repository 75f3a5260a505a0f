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
///
/// A value type with copy-on-write storage: every later stage passes
/// documents around by value (portfolio look-ups, closures, sorted and
/// filtered arrays), and copying seventeen fields (about thirty reference
/// counts) each time was about 5% of a build (docs/performance.md). A copy
/// is now one reference count; a change to a shared copy copies the fields
/// first, so value semantics are unchanged.
public struct Document: Sendable {
    /// The fields. Only mutated through `Document`'s setters, which copy it
    /// first unless this document is its only owner, so sharing it between
    /// threads is safe.
    private final class Storage: @unchecked Sendable {
        var id: String
        var kind: DocumentKind
        var title: String
        var system: String?
        var date: Day?
        var updated: Day?
        var owner: String?
        var status: Located<String>?
        var tags: [String]
        var references: References
        var metrics: [Metric]
        var extra: [(key: String, value: ExtraValue)]
        var source: String
        var displayPath: String
        var idLine: Int
        var body: MarkdownNode
        var plan: PlanSections?

        init(id: String, kind: DocumentKind, title: String, source: String, displayPath: String, body: MarkdownNode) {
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

        init(copying other: Storage) {
            self.id = other.id
            self.kind = other.kind
            self.title = other.title
            self.system = other.system
            self.date = other.date
            self.updated = other.updated
            self.owner = other.owner
            self.status = other.status
            self.tags = other.tags
            self.references = other.references
            self.metrics = other.metrics
            self.extra = other.extra
            self.source = other.source
            self.displayPath = other.displayPath
            self.idLine = other.idLine
            self.body = other.body
            self.plan = other.plan
        }
    }

    private var storage: Storage

    /// The storage, copied first when another document shares it.
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
            return storage
        }
    }

    public var id: String {
        get { storage.id }
        _modify { yield &uniqueStorage.id }
        set { uniqueStorage.id = newValue }
    }
    public var kind: DocumentKind {
        get { storage.kind }
        _modify { yield &uniqueStorage.kind }
        set { uniqueStorage.kind = newValue }
    }
    public var title: String {
        get { storage.title }
        _modify { yield &uniqueStorage.title }
        set { uniqueStorage.title = newValue }
    }
    public var system: String? {
        get { storage.system }
        _modify { yield &uniqueStorage.system }
        set { uniqueStorage.system = newValue }
    }
    public var date: Day? {
        get { storage.date }
        _modify { yield &uniqueStorage.date }
        set { uniqueStorage.date = newValue }
    }
    public var updated: Day? {
        get { storage.updated }
        _modify { yield &uniqueStorage.updated }
        set { uniqueStorage.updated = newValue }
    }
    public var owner: String? {
        get { storage.owner }
        _modify { yield &uniqueStorage.owner }
        set { uniqueStorage.owner = newValue }
    }
    /// The explicit `status`, unchecked: Compute decides whether it is valid for the kind.
    public var status: Located<String>? {
        get { storage.status }
        _modify { yield &uniqueStorage.status }
        set { uniqueStorage.status = newValue }
    }
    public var tags: [String] {
        get { storage.tags }
        _modify { yield &uniqueStorage.tags }
        set { uniqueStorage.tags = newValue }
    }
    public var references: References {
        get { storage.references }
        _modify { yield &uniqueStorage.references }
        set { uniqueStorage.references = newValue }
    }
    public var metrics: [Metric] {
        get { storage.metrics }
        _modify { yield &uniqueStorage.metrics }
        set { uniqueStorage.metrics = newValue }
    }
    /// Front matter keys planfolio does not know, in file order.
    public var extra: [(key: String, value: ExtraValue)] {
        get { storage.extra }
        _modify { yield &uniqueStorage.extra }
        set { uniqueStorage.extra = newValue }
    }
    /// Path under the input folder, with `/` separators, e.g. `plans/RP-2026-007.md`.
    public var source: String {
        get { storage.source }
        _modify { yield &uniqueStorage.source }
        set { uniqueStorage.source = newValue }
    }
    /// The path diagnostics name: the input folder as given, joined with `source`.
    public var displayPath: String {
        get { storage.displayPath }
        _modify { yield &uniqueStorage.displayPath }
        set { uniqueStorage.displayPath = newValue }
    }
    /// Line of the `id` (front matter, or the Assessment Information list).
    public var idLine: Int {
        get { storage.idLine }
        _modify { yield &uniqueStorage.idLine }
        set { uniqueStorage.idLine = newValue }
    }
    public var body: MarkdownNode {
        get { storage.body }
        _modify { yield &uniqueStorage.body }
        set { uniqueStorage.body = newValue }
    }
    /// What the plan template's sections say; nil for assessments and investigations.
    public var plan: PlanSections? {
        get { storage.plan }
        _modify { yield &uniqueStorage.plan }
        set { uniqueStorage.plan = newValue }
    }

    public init(id: String, kind: DocumentKind, title: String, source: String, displayPath: String, body: MarkdownNode) {
        storage = Storage(id: id, kind: kind, title: title, source: source, displayPath: displayPath, body: body)
    }

    /// Path of the document's page under the site root, e.g. `plans/RP-2026-007.html`.
    public var url: String { "\(kind.folder)/\(id).html" }
}
