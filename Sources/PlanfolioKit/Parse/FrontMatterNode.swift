import Yams

/// Front matter YAML as `FrontMatterDecoder` reads it: scalars with their
/// spelling, lists and mappings, each with its line within the YAML text.
///
/// Two readers produce it: Yams for any YAML, and `FlatFrontMatterReader`
/// for the common flat shape (much cheaper). Both give equal trees for the
/// YAML the flat reader accepts, so the decoder's values, lines and
/// messages do not depend on which one ran.
indirect enum FrontMatterNode: Equatable, Sendable {
    /// `plain` is false for quoted and block scalars (a quoted `"null"` is text).
    case scalar(String, plain: Bool, line: Int)
    case sequence([FrontMatterNode], line: Int)
    case mapping([FrontMatterPair], line: Int)
    /// An alias (`*name`): never a valid value in front matter.
    case alias(line: Int)

    /// Line within the YAML text, counted from 1.
    var line: Int {
        switch self {
        case .scalar(_, _, let line), .sequence(_, let line), .mapping(_, let line), .alias(let line): return line
        }
    }

    /// The scalar's text, nil for anything else.
    var scalarString: String? {
        if case .scalar(let string, _, _) = self { return string }
        return nil
    }

    /// YAML's null: an empty value, `~` or `null`, unquoted.
    var isNull: Bool {
        guard case .scalar(let string, true, _) = self else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(string)
    }

    /// The tree Yams composed.
    init(_ node: Node) {
        let line = node.mark?.line ?? 1
        switch node {
        case .scalar(let scalar): self = .scalar(scalar.string, plain: scalar.style == .plain, line: line)
        case .sequence(let items): self = .sequence(items.map(FrontMatterNode.init), line: line)
        case .mapping(let mapping): self = .mapping(mapping.map { FrontMatterPair(key: FrontMatterNode($0.key), value: FrontMatterNode($0.value)) }, line: line)
        case .alias: self = .alias(line: line)
        }
    }
}

/// One key and its value in a `FrontMatterNode.mapping`.
struct FrontMatterPair: Equatable, Sendable {
    var key: FrontMatterNode
    var value: FrontMatterNode
}
