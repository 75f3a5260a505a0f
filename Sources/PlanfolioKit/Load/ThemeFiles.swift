import Foundation

/// The files of a theme: Mustache templates by name, and assets copied as they are.
///
/// A theme folder need not hold a whole theme: `resolve` lays what it holds
/// over the built-in theme, file by file (SPEC §5, §7).
public struct ThemeFiles: Sendable {
    public struct Template: Sendable, Hashable {
        /// The path diagnostics name, e.g. `Theme/templates/plan.mustache`.
        public var displayPath: String
        public var text: String

        /// The built-in theme's own, not a theme folder's.
        var isBuiltIn: Bool { displayPath.hasPrefix(ThemeFiles.builtInPath + "/") }
    }

    /// Templates by name: the file name under `templates/` without `.mustache`.
    public var templates: [String: Template]
    /// Asset files by path under `assets/`, e.g. `style.css`.
    public var assets: [String: [UInt8]]
    /// `.mustache` files of a theme folder that are not directly in its `templates/` (so not read), by path.
    public var misplacedTemplates: [String]

    public init(templates: [String: Template], assets: [String: [UInt8]], misplacedTemplates: [String] = []) {
        self.templates = templates
        self.assets = assets
        self.misplacedTemplates = misplacedTemplates
    }

    /// This theme with `overrides` laid over it: each template and asset
    /// `overrides` holds replaces the one of the same name or is added; the rest stay.
    public func overlaid(with overrides: ThemeFiles) -> ThemeFiles {
        ThemeFiles(templates: templates.merging(overrides.templates) { _, override in override },
                   assets: assets.merging(overrides.assets) { _, override in override },
                   misplacedTemplates: misplacedTemplates + overrides.misplacedTemplates)
    }

    /// Reads `folder/templates/*.mustache` and everything under `folder/assets/`
    /// (only what the folder holds), and notes `.mustache` files anywhere else in it.
    public static func load(from folder: String) throws(PlanfolioError) -> ThemeFiles {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlanfolioError("theme folder '\(folder)' does not exist")
        }
        var templates: [String: Template] = [:]
        let templateFolder = (folder as NSString).appendingPathComponent("templates")
        let assetFolder = (folder as NSString).appendingPathComponent("assets")
        for name in ((try? fileManager.contentsOfDirectory(atPath: templateFolder)) ?? []).sorted() where name.hasSuffix(".mustache") {
            let path = (templateFolder as NSString).appendingPathComponent(name)
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = fileManager.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
                throw PlanfolioError("cannot read theme template '\(path)' as UTF-8 text")
            }
            templates[String(name.dropLast(".mustache".count))] = Template(displayPath: path, text: text)
        }
        var assets: [String: [UInt8]] = [:]
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
        return ThemeFiles(templates: templates, assets: assets,
                          misplacedTemplates: misplacedTemplates(in: folder, depth: 0, templateFolder: templateFolder, assetFolder: assetFolder))
    }

    /// `.mustache` files in `folder` and two levels of its subfolders (hidden
    /// ones and `assets/` left out) that are not directly in `templates/`.
    private static func misplacedTemplates(in folder: String, depth: Int, templateFolder: String, assetFolder: String) -> [String] {
        var found: [String] = []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if depth < 2 && path != assetFolder {
                    found += misplacedTemplates(in: path, depth: depth + 1, templateFolder: templateFolder, assetFolder: assetFolder)
                }
            } else if name.hasSuffix(".mustache") && folder != templateFolder {
                found.append(path)
            }
        }
        return found
    }
}
