/// Which revisions of a plan changed a governed section (SPEC 4.3), from
/// the sections of each version (`SectionSpans`, by blob id). Pure.
///
/// Each revision is compared with the version before it: a modification
/// or rename with its old blob, a file added again after a deletion with
/// the version that was deleted, the working tree's change with `HEAD`'s.
/// A file's first addition changes nothing: there was no signed text
/// before it.
enum GovernedChanges {
    /// Each revision of `revisions` (newest first, as `HistoryLog` keeps
    /// them) that compares two versions, with the blob ids of both, oldest first.
    static func comparisons(_ revisions: [Revision]) -> [(old: String, new: String, revision: Revision)] {
        var pairs: [(old: String, new: String, revision: Revision)] = []
        var base: String?
        for revision in revisions.reversed() {
            switch revision.change {
            case .added:
                if let base, let new = revision.newBlob { pairs.append((base, new, revision)) }
                base = revision.newBlob
            case .modified, .renamed:
                if let old = revision.oldBlob ?? base, let new = revision.newBlob { pairs.append((old, new, revision)) }
                base = revision.newBlob
            case .deleted:
                base = revision.oldBlob ?? base
            }
        }
        return pairs
    }

    /// The governed changes among `revisions`, oldest first; `today` dates the working tree's change.
    /// A comparison whose sections are not in `spans` is left out.
    static func changes(_ revisions: [Revision], spans: [String: [SectionSpan]], today: Day) -> [GovernedChange] {
        comparisons(revisions).compactMap { old, new, revision in
            guard let before = spans[old], let after = spans[new] else { return nil }
            let sections = SectionSpans.governedChanges(from: before, to: after)
            guard !sections.isEmpty else { return nil }
            return GovernedChange(day: revision.commit?.day ?? today, commit: revision.commit, sections: sections, pageKey: revision.pageKey)
        }
    }
}
