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
    /// What became of each SVG among the assets (`SVGSanitizer`), by path.
    public var svgs: [String: SVGVerdict]
    /// The clean copy of each SVG that may be published, by path: the site
    /// publishes these bytes, never the file itself.
    public var svgCopies: [String: [UInt8]]
    public var diagnostics: [Diagnostic]

    public init(files: [SourceFile], assets: [String] = [], svgs: [String: SVGVerdict] = [:],
                svgCopies: [String: [UInt8]] = [:], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.assets = assets
        self.svgs = svgs
        self.svgCopies = svgCopies
        self.diagnostics = diagnostics
    }
}

/// What the Load stage made of an SVG beside the documents, for the Link
/// stage to report at each link to it.
public enum SVGVerdict: Sendable, Hashable {
    /// Published as a clean copy (`SVGSanitizer`) that leaves out these
    /// kinds of active content (empty when it left out none).
    case published(leftOut: [String])
    /// Not published, and why (the end of a sentence).
    case refused(String)
}
