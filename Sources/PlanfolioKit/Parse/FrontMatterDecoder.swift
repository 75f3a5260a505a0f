import Foundation
import Yams

/// Decodes front matter YAML into `FrontMatter`, reporting each bad key at its line.
public enum FrontMatterDecoder {
    /// - Parameters:
    ///   - yaml: the text between the `---` lines.
    ///   - firstLine: the file line the YAML starts on (Yams counts from 1 within the text).
    public static func decode(_ yaml: String, firstLine: Int, file: String) -> (FrontMatter, [Diagnostic]) {
        var frontMatter = FrontMatter()
        var diagnostics: [Diagnostic] = []
        let offset = firstLine - 1
        func line(_ node: FrontMatterNode) -> Int { node.line + offset }
        func error(_ code: DiagnosticCode, _ message: String, _ node: FrontMatterNode) {
            diagnostics.append(.error(code, message, file: file, line: line(node)))
        }

        let root: FrontMatterNode?
        do {
            root = try compose(yaml)
        } catch let refused as AnchorOrAlias {
            diagnostics.append(.error(.frontMatterSyntax,
                "front matter may not use YAML anchors or aliases ('&name', '*name'): write each value out (quote a value that starts with '&' or '*')",
                file: file, line: refused.line + offset))
            return (frontMatter, diagnostics)
        } catch let yamlError as YamlError {
            let yamlLines = yaml.reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
            let (message, at) = describe(yamlError, lastLine: yamlLines)
            diagnostics.append(.error(at.code, "front matter is not valid YAML: \(message)", file: file, line: (at.line ?? 1) + offset))
            return (frontMatter, diagnostics)
        } catch {
            diagnostics.append(.error(.frontMatterSyntax, "front matter is not valid YAML: \(error)", file: file, line: firstLine))
            return (frontMatter, diagnostics)
        }
        guard let root else { return (frontMatter, diagnostics) }  // empty front matter
        for (node, scalar) in forbiddenCharacters(in: root) {
            error(.invalidValue, "front matter holds the control character \(ControlCharacters.name(scalar)) (from an escape such as \"\\x1b\"?); only text, tabs and line breaks may be published", node)
        }
        guard case .mapping(let mapping, _) = root else {
            error(.invalidValue, "front matter must be a mapping of keys to values", root)
            return (frontMatter, diagnostics)
        }

        func string(_ key: String, _ node: FrontMatterNode) -> Located<String>? {
            guard case .scalar(let scalarString, _, _) = node else {
                error(.invalidValue, "'\(key)' must be a single value, not a list or mapping", node)
                return nil
            }
            if node.isNull { return nil }
            let text = scalarString.trimmedLikeFoundationWhitespaces
            return text.isEmpty ? nil : Located(text, line: line(node))
        }
        func day(_ key: String, _ node: FrontMatterNode) -> Located<Day>? {
            guard let text = string(key, node) else { return nil }
            // A date is read as written, not trimmed: `"2026-11-01 "` is no date.
            let written = node.scalarString ?? text.value
            guard let day = Day(written) else {
                error(.invalidDate, "'\(key)' is '\(written)', not a date of the form YYYY-MM-DD", node)
                return nil
            }
            return Located(day, line: text.line)
        }

        for pair in mapping {
            let (keyNode, value) = (pair.key, pair.value)
            guard case .scalar(let key, _, _) = keyNode else {
                error(.invalidValue, "front matter keys must be plain names", keyNode)
                continue
            }
            switch key {
            case "kind": frontMatter.kind = string(key, value)
            case "id": frontMatter.id = string(key, value)
            case "title": frontMatter.title = string(key, value)
            case "system": frontMatter.system = string(key, value)
            case "date": frontMatter.date = day(key, value)
            case "updated": frontMatter.updated = day(key, value)
            case "owner": frontMatter.owner = string(key, value)
            case "status": frontMatter.status = string(key, value)
            case "assessment": frontMatter.assessment = string(key, value)
            case "investigation": frontMatter.investigation = string(key, value)
            case "supersedes": frontMatter.supersedes = string(key, value)
            case "tags":
                switch value {
                case .sequence(let items, _):
                    for item in items {
                        if let tag = string("tags", item) { frontMatter.tags.append(tag.value) }
                    }
                case .scalar:
                    // A single tag written without a list is accepted as a one-item list.
                    if let tag = string(key, value) { frontMatter.tags.append(tag.value) }
                default:
                    error(.invalidValue, "'tags' must be a list of words", value)
                }
            case "metrics":
                guard case .sequence(let items, _) = value else {
                    if value.isNull { continue }
                    error(.invalidValue, "'metrics' must be a list of {name, group, value, threshold, baseline, limit}", value)
                    continue
                }
                for item in items {
                    if let metric = decodeMetric(item, line: line, report: { code, message, node in error(code, message, node) }) {
                        frontMatter.metrics.append(metric)
                    }
                }
            default:
                frontMatter.extra.append((key, extraValue(value)))
            }
        }
        return (frontMatter, diagnostics)
    }

    /// The YAML's tree: the common flat shape read directly (a tenth of
    /// Yams's cost), anything else composed by Yams, unless it holds an
    /// anchor or alias (`YAMLAnchorScan`; the flat reader takes neither).
    static func compose(_ yaml: String) throws -> FrontMatterNode? {
        if let flat = FlatFrontMatterReader.read(yaml) { return flat }
        if let line = YAMLAnchorScan.firstLine(in: yaml) { throw AnchorOrAlias(line: line) }
        return try composeWithYams(yaml)
    }

    /// Front matter with an anchor or alias, at its line within the YAML text.
    struct AnchorOrAlias: Error {
        var line: Int
    }

    /// Every scalar (key or value) holding a character `ControlCharacters`
    /// forbids, with the first such character, in document order. The tree
    /// is walked with a stack: its depth is the YAML's.
    static func forbiddenCharacters(in root: FrontMatterNode) -> [(FrontMatterNode, Unicode.Scalar)] {
        var found: [(FrontMatterNode, Unicode.Scalar)] = []
        var stack = [root]
        while let node = stack.popLast() {
            switch node {
            case .scalar(let text, _, _):
                if let scalar = ControlCharacters.firstForbidden(in: text) { found.append((node, scalar)) }
            case .sequence(let items, _):
                stack += items.reversed()
            case .mapping(let pairs, _):
                for pair in pairs.reversed() { stack += [pair.value, pair.key] }
            case .alias:
                break
            }
        }
        return found
    }

    /// Yams's tree, for any YAML; the flat reader must agree with it.
    static func composeWithYams(_ yaml: String) throws -> FrontMatterNode? {
        // `.basic`: no tag resolution (planfolio reads every scalar as text;
        // the default resolver runs regular expressions on each key).
        // `.utf8` given, because `Encoding.default` reads the whole process
        // environment on every call. See docs/performance.md.
        try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(FrontMatterNode.init)
    }

    private static func decodeMetric(_ node: FrontMatterNode, line: (FrontMatterNode) -> Int, report: (DiagnosticCode, String, FrontMatterNode) -> Void) -> Metric? {
        guard case .mapping(let fields, _) = node else {
            report(.invalidMetric, "each metric must be a mapping {name, group, value, threshold, baseline, limit}", node)
            return nil
        }
        var name: String?, group: String?, limitText: String?
        var value: Double?, threshold: Double?, baseline: Double?
        var ok = true
        for field in fields {
            let (keyNode, valueNode) = (field.key, field.value)
            let key = keyNode.scalarString ?? ""
            let text = valueNode.scalarString?.trimmedLikeFoundationWhitespaces
            func number() -> Double? {
                guard let text, let number = Double(text), number.isFinite else {
                    report(.invalidMetric, "metric '\(key)' must be a number, not '\(text ?? "a list or mapping")'", valueNode)
                    ok = false
                    return nil
                }
                return number
            }
            switch key {
            case "name": name = text
            case "group": group = text
            case "value": value = number()
            case "threshold": threshold = number()
            case "baseline":
                if valueNode.isNull { continue }
                baseline = number()
            case "limit": limitText = text
            default:
                report(.invalidMetric, "unknown metric field '\(key)' (expected name, group, value, threshold, baseline, limit)", keyNode)
                ok = false
            }
        }
        guard ok else { return nil }
        guard let name, !name.isEmpty else {
            report(.invalidMetric, "metric has no 'name'", node)
            return nil
        }
        guard let value else {
            report(.invalidMetric, "metric '\(name)' has no 'value'", node)
            return nil
        }
        guard let threshold else {
            report(.invalidMetric, "metric '\(name)' has no 'threshold'", node)
            return nil
        }
        var limit = Metric.defaultLimit(forName: name)
        if let limitText {
            guard let parsed = Metric.Limit(rawValue: limitText) else {
                report(.invalidMetric, "metric '\(name)' has limit '\(limitText)'; expected 'max' or 'min'", node)
                return nil
            }
            limit = parsed
        }
        return Metric(name: name, group: group ?? "", value: value, threshold: threshold,
                      baseline: baseline, limit: limit, line: line(node))
    }

    private static func extraValue(_ node: FrontMatterNode) -> ExtraValue {
        switch node {
        case .scalar(let string, _, _): return .string(string)
        case .sequence(let items, _): return .list(items.map(extraValue))
        case .mapping(let mapping, _): return .map(mapping.map { ($0.key.scalarString ?? "", extraValue($0.value)) })
        case .alias: return .string("")
        }
    }

    /// The message and the line to blame. libyaml reports an unclosed construct
    /// at the end of the text; then the line where the construct opened is the useful one.
    private static func describe(_ error: YamlError, lastLine: Int) -> (String, (code: DiagnosticCode, line: Int?)) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [problem, context?.text].compactMap { $0 }.joined(separator: " ")
            let line = mark.line >= lastLine ? (context?.mark.line ?? mark.line) : mark.line
            return (text, (.frontMatterSyntax, min(line, lastLine)))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ("key \(keys) is given more than once", (.duplicateKey, context.mark.line))
        case .reader(let problem, _, _, _):
            return (problem, (.frontMatterSyntax, nil))
        default:
            return ("\(error)", (.frontMatterSyntax, nil))
        }
    }
}
