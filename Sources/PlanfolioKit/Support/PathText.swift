/// Path arithmetic on plain strings with `/` separators, for any path a
/// user can give.
///
/// Foundation's `NSString` path methods trap on Linux for some inputs (a
/// one-letter path in `deletingLastPathComponent` hits a precondition), so
/// planfolio never calls them: these functions are total over every
/// string and do no normalising beyond what each one says.
enum PathText {
    /// `name` inside `folder`: `folder/name`, with one `/` between them;
    /// `name` alone when `folder` is empty, and `folder` alone when `name` is.
    static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        if name.isEmpty { return folder }
        let trimmedName = name.drop(while: { $0 == "/" })
        return folder.hasSuffix("/") ? folder + trimmedName : folder + "/" + trimmedName
    }

    /// The last component: the text after the last `/`, ignoring trailing
    /// slashes; `/` for the root, `""` for an empty path.
    static func lastComponent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed.isEmpty { return path.isEmpty ? "" : "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The folder holding `path`: `""` for a bare name (`p`), `/` for a
    /// name in the root (`/p`), the path itself for the root.
    static func parent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed.isEmpty { return path.isEmpty ? "" : "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let folder = withoutTrailingSlashes(trimmed[..<slash])
        return folder.isEmpty ? "/" : String(folder)
    }

    private static func withoutTrailingSlashes(_ path: some StringProtocol) -> Substring {
        var text = Substring(path)
        while text.hasSuffix("/") { text = text.dropLast() }
        return text
    }
}
