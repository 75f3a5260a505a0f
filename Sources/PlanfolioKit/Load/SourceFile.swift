/// One Markdown file of the input, read and checked to be UTF-8.
public struct SourceFile: Sendable, Hashable {
    /// Path under the input folder with `/` separators, e.g. `plans/RP-2026-007.md`.
    public var path: String
    /// The path diagnostics show: the input folder as the user gave it, joined with `path`.
    public var displayPath: String
    public var text: String

    public init(path: String, displayPath: String? = nil, text: String) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.text = text
    }

    /// The top folder the file sits in, or nil for a file at the input's root.
    public var topFolder: String? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}

/// Everything the Load stage found in the input folder.
public struct LoadedInput: Sendable {
    /// The documents' files, sorted by path.
    public var files: [SourceFile]
    /// Other files (images, evidence), as paths under the input folder, sorted.
    public var assets: [String]
    /// Assets that could run script if opened (an SVG with script or handlers): never published.
    public var activeAssets: [String]
    public var diagnostics: [Diagnostic]

    public init(files: [SourceFile], assets: [String] = [], activeAssets: [String] = [], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.assets = assets
        self.activeAssets = activeAssets
        self.diagnostics = diagnostics
    }
}
