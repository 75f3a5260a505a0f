import Foundation

extension ThemeFiles {
    /// Where the built-in theme's templates are said to be in diagnostics.
    public static let builtInPath = "(built-in theme)"

    /// The default theme built into the binary (see `DefaultTheme`).
    public static var builtIn: ThemeFiles {
        var templates: [String: Template] = [:]
        for (name, text) in DefaultTheme.templates {
            templates[name] = Template(displayPath: "\(builtInPath)/templates/\(name).mustache", text: text)
        }
        var assets: [String: [UInt8]] = [:]
        for (path, text) in DefaultTheme.textAssets { assets[path] = Array(text.utf8) }
        for (path, base64) in DefaultTheme.binaryAssets { assets[path] = Array(Data(base64Encoded: base64) ?? Data()) }
        return ThemeFiles(templates: templates, assets: assets)
    }

    /// The theme a build uses: the folder given with `--theme` (which must
    /// exist), else `Theme/` when it exists, else the built-in theme.
    public static func resolve(_ explicit: String?) throws(PlanfolioError) -> (ThemeFiles, path: String) {
        if let explicit { return (try load(from: explicit), explicit) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Theme", isDirectory: &isDirectory), isDirectory.boolValue {
            return (try load(from: "Theme"), "Theme")
        }
        return (builtIn, builtInPath)
    }
}
