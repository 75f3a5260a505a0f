import Foundation
import Yams

/// Reads `planfolio.yml` (spec section 7): part of Load, since it is a disk read.
///
/// The file is optional beside the input folder and required when named with
/// `--config`. Every key is checked: an unknown key or a value of the wrong
/// type is a `configError` naming the file and line, never a silent default.
public enum ConfigLoader {
    public static let fileName = "planfolio.yml"
    /// A config is a few lines; anything larger is refused before it is parsed.
    public static let maxFileSize = 1024 * 1024
    /// Roles `requiredRoles` may list: every plan page and the approval
    /// register repeat each one, so a long list is paid once per plan.
    public static let maximumRoles = 50
    /// Characters of the site title and of a role name: every page repeats them.
    public static let maximumTextLength = 300

    /// Where the config is looked for when `--config` is not given: beside the input folder.
    public static func defaultPath(input: String) -> String {
        // Keep the path the user would recognise: relative when the input was relative.
        if !input.hasPrefix("/") { return PathText.join(PathText.parent(input), fileName) }
        return PathText.join(URL(fileURLWithPath: input).standardizedFileURL.deletingLastPathComponent().path, fileName)
    }

    /// Loads the config at `path`, or the default one beside `input`.
    ///
    /// - Throws: when a config named explicitly does not exist or cannot be read (exit 2).
    public static func load(path explicit: String?, input: String) throws(PlanfolioError) -> (SiteConfig, [Diagnostic]) {
        let path = explicit ?? defaultPath(input: input)
        guard FileManager.default.fileExists(atPath: path) else {
            if let explicit { throw PlanfolioError("config file '\(explicit)' does not exist") }
            return (SiteConfig(), [])
        }
        let data: [UInt8]
        switch POSIXFile.readRegular(path, limit: maxFileSize) {
        case .bytes(let bytes): data = bytes
        case .tooLarge(let size):
            return (SiteConfig(), [.error(.configError, "config file is larger than 1 MiB (\(size) bytes)", file: path, line: 1)])
        case .failed:
            throw PlanfolioError("cannot read config file '\(path)' (it must be a regular file)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return (SiteConfig(), [.error(.configError, "config file is not valid UTF-8", file: path, line: 1)])
        }
        return decode(text, file: path)
    }

    /// Decodes the text of a config file; `file` is the name diagnostics give.
    public static func decode(_ text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        func line(_ node: Node) -> Int { node.mark?.line ?? 1 }
        func error(_ message: String, _ node: Node) {
            diagnostics.append(.error(.configError, message, file: file, line: line(node)))
        }
        // Anchors and aliases are refused before Yams composes them (`YAMLAnchorScan`).
        if let line = YAMLAnchorScan.firstLine(in: text) {
            diagnostics.append(.error(.configError,
                "config may not use YAML anchors or aliases ('&name', '*name'): write each value out (quote a value that starts with '&' or '*')",
                file: file, line: line))
            return (config, diagnostics)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let yamlError as YamlError {
            var at = 1
            switch yamlError {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): at = mark.line
            case .duplicatedKeysInMapping(_, let context): at = context.mark.line
            default: break
            }
            diagnostics.append(.error(.configError, "config is not valid YAML: \(yamlError)", file: file, line: at))
            return (config, diagnostics)
        } catch {
            diagnostics.append(.error(.configError, "config is not valid YAML: \(error)", file: file, line: 1))
            return (config, diagnostics)
        }
        guard let root else { return (config, diagnostics) }
        guard case .mapping(let mapping) = root else {
            error("config must be a mapping of keys (title, baseURL, requiredRoles, dueSoonDays, changesSince) to values", root)
            return (config, diagnostics)
        }
        func string(_ key: String, _ node: Node) -> String? {
            guard case .scalar(let scalar) = node,
                  !(scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)) else {
                error("'\(key)' must be a text value", node)
                return nil
            }
            if let control = ControlCharacters.firstForbidden(in: scalar.string) {
                error("'\(key)' holds the control character \(ControlCharacters.name(control)); only text may be published", node)
                return nil
            }
            return scalar.string.trimmingCharacters(in: .whitespaces)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "title":
                if let title = string(key, value) {
                    if title.isEmpty {
                        error("'title' must not be empty", value)
                    } else if title.count > maximumTextLength {
                        error("'title' is \(title.count) characters long; at most \(maximumTextLength) (every page shows it)", value)
                    } else {
                        config.title = title
                    }
                }
            case "baseURL":
                if let url = string(key, value) {
                    if let problem = baseURLProblem(url) { error("'baseURL' \(problem)", value) } else { config.baseURL = normalizedBaseURL(url) }
                }
            case "requiredRoles":
                guard case .sequence(let items) = value, !items.isEmpty else {
                    error("'requiredRoles' must be a non-empty list of role names", value)
                    continue
                }
                guard items.count <= maximumRoles else {
                    error("'requiredRoles' lists \(items.count) roles; at most \(maximumRoles) (every plan and the approval register have a row or column for each)", value)
                    continue
                }
                var roles: [String] = []
                for item in items {
                    guard let role = string("requiredRoles", item), !role.isEmpty else { continue }
                    guard role.count <= maximumTextLength else {
                        error("a role name is \(role.count) characters long; at most \(maximumTextLength)", item)
                        continue
                    }
                    roles.append(role)
                }
                if roles.count == items.count {
                    config.requiredRoles = roles
                    config.requiredRolesConfigured = true
                }
            case "dueSoonDays":
                guard case .scalar(let scalar) = value, scalar.style == .plain, let days = Int(scalar.string), days >= 0, days <= 3650 else {
                    error("'dueSoonDays' must be a whole number of days between 0 and 3650", value)
                    continue
                }
                config.dueSoonDays = days
            case "changesSince":
                // `string` has said what is wrong with a value that is no text.
                guard let since = string(key, value) else { continue }
                guard !since.isEmpty else {
                    error("'changesSince' must be a date (YYYY-MM-DD) or a git revision", value)
                    continue
                }
                if let problem = sinceProblem(since) { error("'changesSince' \(problem)", value) } else { config.changesSince = since }
            default:
                error("unknown key '\(key)' (expected title, baseURL, requiredRoles, dueSoonDays, changesSince)", keyNode)
            }
        }
        return (config, diagnostics)
    }

    /// Why `since` cannot name where changes start, or nil: a date must be a
    /// real one, and a revision may not start with `-` or hold spaces or controls.
    public static func sinceProblem(_ since: String) -> String? {
        let looksLikeDate = since.utf8.count == 10 && since.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        if looksLikeDate { return Day(since) == nil ? "is not a real date of the form YYYY-MM-DD (got '\(since)')" : nil }
        if since.hasPrefix("-") || since.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            return "must be a date (YYYY-MM-DD) or a git revision such as a tag (got '\(since)')"
        }
        return nil
    }

    /// Why `url` cannot be a base URL, or nil: it must be absolute `http(s)` with a host.
    public static func baseURLProblem(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            return "must be an absolute http or https URL, e.g. https://example.org/portfolio/ (got '\(url)')"
        }
        if components.query != nil || components.fragment != nil {
            return "must not have a query or fragment (got '\(url)')"
        }
        return nil
    }

    /// The base URL with exactly one trailing `/`, so page paths append to it.
    public static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
