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

    /// The theme folder a build uses: the one given with `--theme`, else
    /// `Theme/` when it exists in the working directory, else none.
    static func folder(_ explicit: String?) -> String? {
        if let explicit { return explicit }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: "Theme", isDirectory: &isDirectory) && isDirectory.boolValue ? "Theme" : nil
    }

    /// The theme a build uses: the built-in theme with the theme folder
    /// (`folder(_:)`, which must exist when given) laid over it file by file,
    /// and the path its diagnostics name.
    public static func resolve(_ explicit: String?) throws(PlanfolioError) -> (ThemeFiles, path: String) {
        guard let folder = folder(explicit) else { return (builtIn, builtInPath) }
        return (builtIn.overlaid(with: try load(from: folder)), folder)
    }
}
