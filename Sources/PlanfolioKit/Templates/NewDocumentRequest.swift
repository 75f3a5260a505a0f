/// What `planfolio new` was asked to write: the kind, the id, and the
/// values that fill the front matter (and, for a plan, the template's
/// Assessment Information list).
public struct NewDocumentRequest: Sendable, Hashable {
    public var kind: DocumentKind
    public var id: String
    public var date: Day
    public var title: String?
    public var system: String?
    public var owner: String?
    public var assessment: String?
    public var investigation: String?

    public init(kind: DocumentKind, id: String, date: Day, title: String? = nil, system: String? = nil,
                owner: String? = nil, assessment: String? = nil, investigation: String? = nil) {
        self.kind = kind
        self.id = id
        self.date = date
        self.title = title
        self.system = system
        self.owner = owner
        self.assessment = assessment
        self.investigation = investigation
    }
}
