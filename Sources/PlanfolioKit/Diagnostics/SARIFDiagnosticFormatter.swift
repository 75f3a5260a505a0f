import Foundation

/// `--diagnostics sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts.
///
/// One run whose driver lists every diagnostic code as a rule (sorted, with
/// a help link to `docs/diagnostics.md`), and one result per diagnostic with
/// a relative, forward-slash artifact URI. Keys are sorted and nothing
/// depends on the clock, so the same diagnostics give the same bytes.
public enum SARIFDiagnosticFormatter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func format(_ diagnostics: [Diagnostic], baseDirectory: String? = nil) -> String {
        let codes = DiagnosticCode.allCases.sorted { $0.number < $1.number }
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules = codes.map { code in
            Rule(id: code.rawValue, name: code.name, shortDescription: Message(text: code.summary),
                 helpUri: ToolInfo.helpURI(for: code),
                 defaultConfiguration: Configuration(level: code.defaultSeverity.rawValue))
        }
        let results = diagnostics.map { diagnostic in
            Result(ruleId: diagnostic.code.rawValue, ruleIndex: ruleIndex[diagnostic.code] ?? 0,
                   level: diagnostic.severity.rawValue, message: Message(text: diagnostic.message),
                   locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: artifactLocation(diagnostic.file, baseDirectory: baseDirectory),
                       region: Region(startLine: diagnostic.line, startColumn: diagnostic.column)))])
        }
        let log = Log(schema: schemaURI, version: "2.1.0", runs: [Run(
            tool: Tool(driver: Driver(name: ToolInfo.name, version: ToolInfo.version,
                                      informationUri: ToolInfo.informationURI, rules: rules)),
            columnKind: "unicodeCodePoints",
            originalUriBaseIds: ["%SRCROOT%": OriginalURIBase(description: Message(text: "The folder planfolio ran in"))],
            results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log), let text = String(data: data, encoding: .utf8) else {
            return "" // Encoding strings and integers cannot fail.
        }
        return text + "\n"
    }

    /// A relative path becomes a relative URI under `%SRCROOT%`; an absolute
    /// one is made relative to `baseDirectory` when inside it, else a `file:` URI.
    static func artifactLocation(_ file: String, baseDirectory: String?) -> ArtifactLocation {
        var path = file.replacingOccurrences(of: "\\", with: "/")
        if path.hasPrefix("/"), let base = baseDirectory {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if path.hasPrefix(prefix) { path = String(path.dropFirst(prefix.count)) }
        }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        if path.hasPrefix("/") {
            return ArtifactLocation(uri: "file://" + percentEncoded(path), uriBaseId: nil)
        }
        return ArtifactLocation(uri: percentEncoded(path), uriBaseId: "%SRCROOT%")
    }

    /// RFC 3986 path characters pass; everything else (spaces, `%`, `:`, `#`, `?`, non-ASCII) is percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~/!$&'()*+,;=@")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var columnKind: String
        var originalUriBaseIds: [String: OriginalURIBase]
        var results: [Result]
    }
    struct OriginalURIBase: Encodable { var description: Message }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [Rule]
    }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var helpUri: String
        var defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { var level: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }
    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
}
