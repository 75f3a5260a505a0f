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
///
/// Context keys: `name`, `slug`, `chains` and `others` (lists of nodes),
/// `hasChains`, `hasOthers`, `count`. A node: {id, title, href, kind,
/// kindLabel, isSuperseded, supersededByID, supersededByHref, state,
/// stateTone, hasState, isOpen, children, hasChildren}.
enum SystemPage {
    static func path(_ system: SystemGroup) -> String {
        "systems/\(system.slug).html"
    }

    static func context(system: SystemGroup, portfolio: Portfolio, root: String,
                        status: PortfolioStatus? = nil) -> [String: Any] {
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
        func node(_ document: Document, depth: Int) -> [String: Any] {
            let below = depth < 3 ? (children[document.id] ?? []).sorted(by: order).map { node($0, depth: depth + 1) } : []
            var node = DocumentLinks.item(document, root: root)
            node["kind"] = document.kind.rawValue
            node["children"] = below
            node["hasChildren"] = !below.isEmpty
            let badge = portfolio.supersededBy[document.id] == nil ? SystemStates.badge(document, status: status) : nil
            node["state"] = badge?["label"] as? String ?? ""
            node["stateTone"] = badge?["tone"] as? String ?? ""
            node["hasState"] = badge != nil
            node["isOpen"] = SystemStates.isOpen(document, status: status, portfolio: portfolio)
            if let successorID = portfolio.supersededBy[document.id], let successor = portfolio[successorID] {
                node["isSuperseded"] = true
                node["supersededByID"] = successor.id
                node["supersededByHref"] = root + successor.url
            } else {
                node["isSuperseded"] = false
            }
            return node
        }
        let sortedRoots = roots.sorted(by: order)
        let chains = sortedRoots.filter { $0.kind == .assessment }.map { node($0, depth: 1) }
        let others = sortedRoots.filter { $0.kind != .assessment }.map { node($0, depth: 1) }
        return [
            "name": system.name,
            "slug": system.slug,
            "count": documents.count,
            "countLabel": documents.count == 1 ? "1 document" : "\(documents.count) documents",
            "chains": chains,
            "hasChains": !chains.isEmpty,
            "others": others,
            "hasOthers": !others.isEmpty,
        ]
    }
}
