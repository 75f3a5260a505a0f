import PlanfolioMarkdown

/// The page of one document: its metadata, then its body.
enum DocumentPage {
    static func context(_ document: Document, body: RenderedMarkdown, portfolio: Portfolio, root: String) -> [String: Any] {
        var metadata: [[String: Any]] = []
        func row(_ label: String, _ value: String?, href: String? = nil) {
            guard let value, !value.isEmpty else { return }
            var entry: [String: Any] = ["label": label, "value": value]
            if let href { entry["href"] = href }
            metadata.append(entry)
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
            row(label, id, href: portfolio[id].map { root + $0.url })
        }
        if let status = document.status?.value { row("Status", status) }
        // The section nav: second-level headings, less the template's own table of contents.
        let sections = body.headings.filter { $0.level == 2 && $0.anchor != "table-of-contents" }
        return [
            "id": document.id,
            "kind": document.kind.rawValue,
            "kindLabel": document.kind.displayName,
            "title": document.title,
            "metadata": metadata,
            "tags": document.tags,
            "hasTags": !document.tags.isEmpty,
            "extra": document.extra.map { ["key": $0.key, "value": ExtraValueText.text($0.value)] },
            "hasExtra": !document.extra.isEmpty,
            "hasSections": !sections.isEmpty,
            "sections": sections.map { ["text": $0.text, "anchor": $0.anchor] },
            "body": body.html,
            "source": document.source,
        ].merging(PlanSectionsContext.entries(for: document)) { $1 }
        .merging(DocumentLinks.context(document, portfolio: portfolio, root: root)) { current, _ in current }
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
