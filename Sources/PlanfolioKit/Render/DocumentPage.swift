import PlanfolioMarkdown

/// `plans/ID.html`, `investigations/ID.html`, `assessments/ID.html`: one
/// document, its metadata, then its body.
///
/// The members of `computed`, `chain`, `links` and `history` are the
/// page's own, in that order (a plan's `isSuperseded` is its lifecycle's,
/// from `computed`).
struct DocumentPage: TemplateValue {
    var id: String
    /// `plan`, `investigation`, `assessment`.
    var kind: String
    var kindLabel: String
    var title: String
    /// ID, system, owner, dates, the documents it names, status: each row only when it has a value.
    var metadata: [MetadataRow]
    var tags: [String]
    var hasTags: Bool
    /// Front matter keys planfolio does not know, with their values as text.
    var extra: [ExtraEntry]
    var hasExtra: Bool
    /// The section nav: the body's level-2 headings, less the template's own table of contents.
    var sections: [SectionLink]
    var hasSections: Bool
    /// The body as safe HTML, without the tables the panels replace (raw: `{{{body}}}`).
    var body: String
    /// The path under the input folder.
    var source: String
    /// What a plan's template sections say; no member on other documents.
    var plan: PlanSectionsContext?
    var computed: DocumentStatusContext
    var chain: ChainCards
    var links: DocumentLinks
    /// The revision list, with git history (set by `SiteRenderer`); else empty.
    var history = RevisionList.none

    struct MetadataRow: TemplateValue {
        var label: String
        var value: String
        /// A superseded document's id, shown struck through (UI.md).
        var struck: Bool
        /// The system's or the named document's page; no member when there is none.
        var href: String?

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .label: label
            case .value: value
            case .struck: struck
            case .href: href
            default: nil
            }
        }
    }

    struct ExtraEntry: TemplateValue {
        var key: String
        /// Lists joined with ", ", mappings as "key: value; ...".
        var value: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .key: key
            case .value: value
            default: nil
            }
        }
    }

    struct SectionLink: TemplateValue {
        var text: String
        var anchor: String

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .text: text
            case .anchor: anchor
            default: nil
            }
        }
    }

    /// `body` and `segments` are the rendered body (`BodySplitter`); `status` is Compute's.
    init(_ document: Document, body: RenderedMarkdown, segments: [BodySplitter.Segment], portfolio: Portfolio,
         status: PortfolioStatus, root: String) {
        var metadata: [MetadataRow] = []
        func row(_ label: String, _ value: String?, href: String? = nil, struck: Bool = false) {
            guard let value, !value.isEmpty else { return }
            metadata.append(MetadataRow(label: label, value: value, struck: struck, href: href))
        }
        row("ID", document.id)
        row("System", document.system, href: portfolio.system(of: document).map { root + SystemPage.path($0) })
        row("Owner", document.owner)
        row("Created", document.date?.description)
        row("Updated", document.updated?.description)
        for (label, reference) in [("Assessment", document.references.assessment),
                                   ("Investigation", document.references.investigation),
                                   ("Supersedes", document.references.supersedes)] {
            guard let id = reference?.value else { continue }
            // A superseded document's id is shown struck through (UI.md).
            row(label, id, href: portfolio[id].map { root + $0.url }, struck: portfolio.supersededBy[id] != nil)
        }
        if let status = document.status?.value { row("Status", status) }
        self.metadata = metadata
        id = document.id
        kind = document.kind.rawValue
        kindLabel = document.kind.displayName
        title = document.title
        tags = document.tags
        hasTags = !document.tags.isEmpty
        extra = document.extra.map { ExtraEntry(key: $0.key, value: ExtraValueText.text($0.value)) }
        hasExtra = !document.extra.isEmpty
        sections = body.headings.filter { $0.level == 2 && $0.anchor != "table-of-contents" }
            .map { SectionLink(text: $0.text, anchor: $0.anchor) }
        hasSections = !sections.isEmpty
        self.body = body.html
        source = document.source
        plan = document.plan.map(PlanSectionsContext.init)
        computed = DocumentStatusContext(document, status: status, segments: segments, root: root)
        chain = ChainCards(document, portfolio: portfolio, status: status, root: root)
        links = DocumentLinks(document, portfolio: portfolio, root: root)
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .id: id
        case .kind: kind
        case .kindLabel: kindLabel
        case .title: title
        case .metadata: metadata
        case .tags: tags
        case .hasTags: hasTags
        case .extra: extra
        case .hasExtra: hasExtra
        case .sections: sections
        case .hasSections: hasSections
        case .body: body
        case .source: source
        case .plan: plan
        default: computed.member(name) ?? chain.member(name) ?? links.member(name) ?? history.member(name)
        }
    }
}

/// Front matter values planfolio does not know, as text for a template.
enum ExtraValueText {
    static func text(_ value: ExtraValue) -> String {
        switch value {
        case .string(let s): s
        case .list(let items): items.map(text).joined(separator: ", ")
        case .map(let entries): entries.map { "\($0.key): \(text($0.value))" }.joined(separator: "; ")
        }
    }
}
