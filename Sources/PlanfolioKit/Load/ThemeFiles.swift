import Foundation

/// The files of a theme: Mustache templates by name, and assets copied as they are.
public struct ThemeFiles: Sendable {
    public struct Template: Sendable, Hashable {
        /// The path diagnostics name, e.g. `Theme/templates/plan.mustache`.
        public var displayPath: String
        public var text: String
    }

    /// Templates by name: the file name under `templates/` without `.mustache`.
    public var templates: [String: Template]
    /// Asset files by path under `assets/`, e.g. `style.css`.
    public var assets: [String: [UInt8]]

    public init(templates: [String: Template], assets: [String: [UInt8]]) {
        self.templates = templates
        self.assets = assets
    }

    /// Reads `folder/templates/*.mustache` and everything under `folder/assets/`.
    public static func load(from folder: String) throws(PlanfolioError) -> ThemeFiles {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlanfolioError("theme folder '\(folder)' does not exist")
        }
        var templates: [String: Template] = [:]
        let templateFolder = (folder as NSString).appendingPathComponent("templates")
        for name in ((try? fileManager.contentsOfDirectory(atPath: templateFolder)) ?? []).sorted() where name.hasSuffix(".mustache") {
            let path = (templateFolder as NSString).appendingPathComponent(name)
            guard let data = fileManager.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
                throw PlanfolioError("cannot read theme template '\(path)' as UTF-8 text")
            }
            templates[String(name.dropLast(".mustache".count))] = Template(displayPath: path, text: text)
        }
        var assets: [String: [UInt8]] = [:]
        let assetFolder = (folder as NSString).appendingPathComponent("assets")
        if let enumerator = fileManager.enumerator(atPath: assetFolder) {
            for case let relative as String in enumerator {
                let path = (assetFolder as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                guard fileManager.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                      !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
                guard let data = fileManager.contents(atPath: path) else {
                    throw PlanfolioError("cannot read theme asset '\(path)'")
                }
                assets[relative] = Array(data)
            }
        }
        return ThemeFiles(templates: templates, assets: assets)
    }
}
