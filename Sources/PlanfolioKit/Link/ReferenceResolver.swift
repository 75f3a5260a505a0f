/// The Link stage's checks of `assessment`, `investigation` and `supersedes`
/// references, and the reverse index they give (who refers to whom).
///
/// Rules (see `docs/linking.md`): a reference must name a document that
/// exists; `assessment` must name an assessment, `investigation` an
/// investigation, `supersedes` a document of the same kind; `supersedes`
/// may not form a cycle, and no document may be superseded by two others.
/// A plan whose investigation names another assessment than the plan does,
/// or a reference to a document of another system, is a warning.
enum ReferenceResolver {
    struct Result {
        var referencedBy: [String: [String]] = [:]
        /// For each superseded id, the one id that supersedes it.
        var supersededBy: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// - Parameters:
    ///   - documents: unique ids, sorted by kind then id.
    ///   - positions: where each id is in `documents` (`Portfolio.positions`): a
    ///     document is read where it is, not copied out of a table.
    static func resolve(_ documents: [Document], positions: [String: Int]) -> Result {
        var result = Result()
        var referrers: [String: Set<String>] = [:]
        // Only `supersedes` edges that resolved to a document of the same kind.
        var supersedes: [String: String] = [:]

        for document in documents {
            let fields: [(name: String, reference: Located<String>?, expected: DocumentKind)] = [
                ("assessment", document.references.assessment, .assessment),
                ("investigation", document.references.investigation, .investigation),
                ("supersedes", document.references.supersedes, document.kind),
            ]
            for field in fields {
                guard let reference = field.reference else { continue }
                let id = reference.value
                guard let position = positions[id] else {
                    result.diagnostics.append(.error(.unknownReference,
                        "'\(field.name)' names '\(id)', but no document has that id\(suggestion(for: id, in: positions))",
                        file: document.displayPath, line: reference.line))
                    continue
                }
                let target = documents[position]
                if target.id == document.id && field.name != "supersedes" {
                    result.diagnostics.append(.error(.wrongReferenceKind,
                        "'\(field.name)' names the document itself", file: document.displayPath, line: reference.line))
                    continue
                }
                guard target.kind == field.expected else {
                    let what = field.name == "supersedes"
                        ? "a document of the same kind (\(document.kind.rawValue))"
                        : "an \(field.expected.rawValue)"
                    result.diagnostics.append(.error(.wrongReferenceKind,
                        "'\(field.name)' names '\(id)', which is \(article(target.kind)) \(target.kind.rawValue) (\(target.displayPath)); it must name \(what)",
                        file: document.displayPath, line: reference.line))
                    continue
                }
                if target.id != document.id {
                    referrers[id, default: []].insert(document.id)
                }
                if field.name == "supersedes" {
                    supersedes[document.id] = id
                }
                if let system = document.system, let targetSystem = target.system, system != targetSystem {
                    result.diagnostics.append(.warning(.referenceMismatch,
                        "'\(field.name)' names '\(id)', which is about system '\(targetSystem)', but this document is about '\(system)'",
                        file: document.displayPath, line: reference.line))
                }
            }
            // A plan's investigation should have been raised by the plan's assessment.
            if let investigationID = document.references.investigation?.value,
               let assessmentID = document.references.assessment?.value,
               let investigation = positions[investigationID], documents[investigation].kind == .investigation,
               let raisedBy = documents[investigation].references.assessment?.value, raisedBy != assessmentID,
               let line = document.references.investigation?.line {
                result.diagnostics.append(.warning(.referenceMismatch,
                    "'investigation' names '\(investigationID)', which was raised by assessment '\(raisedBy)', but 'assessment' names '\(assessmentID)'",
                    file: document.displayPath, line: line))
            }
        }

        result.referencedBy = referrers.mapValues { $0.sorted() }
        result.diagnostics += supersedesDiagnostics(supersedes, documents: documents, positions: positions,
                                                    supersededBy: &result.supersededBy)
        return result
    }

    /// Cycles, and documents superseded twice; fills `supersededBy` with the
    /// successors that are not in question.
    private static func supersedesDiagnostics(_ supersedes: [String: String], documents: [Document], positions: [String: Int],
                                              supersededBy: inout [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var successors: [String: [String]] = [:]
        for (successor, predecessor) in supersedes { successors[predecessor, default: []].append(successor) }
        for (predecessor, list) in successors.sorted(by: { $0.key < $1.key }) {
            let sorted = list.sorted()
            guard sorted.count > 1 else {
                supersededBy[predecessor] = sorted[0]
                continue
            }
            // Reported on every successor after the first, each naming the first.
            for successor in sorted.dropFirst() {
                guard let position = positions[successor], let line = documents[position].references.supersedes?.line else { continue }
                let document = documents[position]
                diagnostics.append(.error(.multipleSuccessors,
                    "'supersedes' names '\(predecessor)', which '\(sorted[0])' already supersedes; a document can be superseded by one document only",
                    file: document.displayPath, line: line))
            }
        }

        // Each document supersedes at most one other: follow each chain once.
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        for start in supersedes.keys.sorted() where state[start] == nil {
            var path: [String] = []
            var current: String? = start
            while let id = current, state[id] == nil {
                state[id] = 1
                path.append(id)
                current = supersedes[id]
            }
            if let id = current, state[id] == 1, let index = path.firstIndex(of: id) {
                let cycle = Array(path[index...])
                // Reported once, on the member with the smallest id, starting there.
                let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) ?? 0
                let ordered = Array(cycle[smallest...] + cycle[..<smallest])
                if let position = positions[ordered[0]], let line = documents[position].references.supersedes?.line {
                    let document = documents[position]
                    let chain = (ordered + [ordered[0]]).joined(separator: " → ")
                    diagnostics.append(.error(.supersedesCycle,
                        "'supersedes' forms a cycle: \(chain)", file: document.displayPath, line: line))
                }
                for member in cycle { supersededBy[member] = nil }
            }
            for id in path { state[id] = 2 }
        }
        return diagnostics
    }

    private static func article(_ kind: DocumentKind) -> String {
        kind == .plan ? "a" : "an"
    }

    /// ` (did you mean 'X'?)` when an id differs from a known one only in case.
    private static func suggestion(for id: String, in positions: [String: Int]) -> String {
        let lowered = id.lowercased()
        guard let match = positions.keys.filter({ $0.lowercased() == lowered }).min() else { return "" }
        return " (did you mean '\(match)'? ids are case-sensitive)"
    }
}
