/// `systems/SLUG.html`: one system's documents as chains.
///
/// A chain starts at an assessment; under it the investigations that name
/// it, under each investigation the plans that name that investigation;
/// a plan that names the assessment but no investigation of this system
/// sits directly under the assessment. Only documents of this system take
/// part. Documents that no assessment of the system leads to are listed
/// after the chains, still with their own plans under them. Siblings are
/// ordered open first (from Compute's status; without it, not superseded
/// first), then by kind, then by id.
struct SystemPage: TemplateValue {
    static func path(_ system: SystemGroup) -> String {
        "systems/\(system.slug).html"
    }

    var name: String
    var slug: String
    var count: Int
    /// "1 document", "5 documents".
    var countLabel: String
    /// The chains, one per assessment.
    var chains: [Node]
    var hasChains: Bool
    /// Documents no assessment of the system leads to.
    var others: [Node]
    var hasOthers: Bool

    /// A document in a chain, with the documents under it (at most three levels).
    struct Node: TemplateValue {
        var item: DocumentItem
        /// `plan`, ...
        var kind: String
        var children: [Node]
        var hasChildren: Bool
        /// Its state badge's words (a plan's lifecycle, or Open/Closed); "" when superseded or unknown.
        var state: String
        var stateTone: String
        var hasState: Bool
        var isOpen: Bool
        var isSuperseded: Bool
        /// The successor's id and page; no members when not superseded.
        var supersededByID: String?
        var supersededByHref: String?

        func member(_ name: TemplateName) -> (any TemplateValue)? {
            switch name.key {
            case .kind: kind
            case .children: children
            case .hasChildren: hasChildren
            case .state: state
            case .stateTone: stateTone
            case .hasState: hasState
            case .isOpen: isOpen
            case .isSuperseded: isSuperseded
            case .supersededByID: supersededByID
            case .supersededByHref: supersededByHref
            default: item.member(name)
            }
        }
    }

    init(system: SystemGroup, portfolio: Portfolio, root: String, status: PortfolioStatus? = nil) {
        let documents = system.documentIDs.compactMap { portfolio[$0] }
        let members = Set(documents.map(\.id))

        func parent(of document: Document) -> String? {
            func member(_ reference: Located<String>?, _ kind: DocumentKind) -> String? {
                guard let id = reference?.value, id != document.id, members.contains(id), portfolio[id]?.kind == kind else { return nil }
                return id
            }
            switch document.kind {
            case .assessment: return nil
            case .investigation: return member(document.references.assessment, .assessment)
            case .plan: return member(document.references.investigation, .investigation) ?? member(document.references.assessment, .assessment)
            }
        }

        var children: [String: [Document]] = [:]
        var roots: [Document] = []
        for document in documents {
            if let parent = parent(of: document) {
                children[parent, default: []].append(document)
            } else {
                roots.append(document)
            }
        }
        func order(_ a: Document, _ b: Document) -> Bool {
            let openA = SystemStates.isOpen(a, status: status, portfolio: portfolio)
            let openB = SystemStates.isOpen(b, status: status, portfolio: portfolio)
            if openA != openB { return openA }
            if a.kind != b.kind { return a.kind < b.kind }
            return a.id < b.id
        }
        // Parents are always of an earlier kind, so depth is at most three.
        func node(_ document: Document, depth: Int) -> Node {
            let below = depth < 3 ? (children[document.id] ?? []).sorted(by: order).map { node($0, depth: depth + 1) } : []
            let badge = portfolio.supersededBy[document.id] == nil ? SystemStates.badge(document, status: status) : nil
            var node = Node(item: DocumentItem(document, root: root), kind: document.kind.rawValue, children: below, hasChildren: !below.isEmpty,
                            state: badge?.label ?? "", stateTone: badge?.tone ?? "", hasState: badge != nil,
                            isOpen: SystemStates.isOpen(document, status: status, portfolio: portfolio), isSuperseded: false)
            if let successorID = portfolio.supersededBy[document.id], let successor = portfolio[successorID] {
                node.isSuperseded = true
                node.supersededByID = successor.id
                node.supersededByHref = root + successor.url
            }
            return node
        }
        let sortedRoots = roots.sorted(by: order)
        chains = sortedRoots.filter { $0.kind == .assessment }.map { node($0, depth: 1) }
        others = sortedRoots.filter { $0.kind != .assessment }.map { node($0, depth: 1) }
        name = system.name
        slug = system.slug
        count = documents.count
        countLabel = documents.count == 1 ? "1 document" : "\(documents.count) documents"
        hasChains = !chains.isEmpty
        hasOthers = !others.isEmpty
    }

    func member(_ name: TemplateName) -> (any TemplateValue)? {
        switch name.key {
        case .name: self.name
        case .slug: slug
        case .count: count
        case .countLabel: countLabel
        case .chains: chains
        case .hasChains: hasChains
        case .others: others
        case .hasOthers: hasOthers
        default: nil
        }
    }
}
