import Foundation
import PlanfolioMarkdown

/// The Link stage's handling of files documents link to by a relative path:
/// images and evidence (PNG, SVG, PDF, CSV, ...) beside the documents, and
/// other documents' Markdown sources.
///
/// Each relative link or image is resolved against the document's folder:
/// a file of the input is copied into the site under `files/<path under
/// input>` and the link rewritten to it; a document's `.md` source becomes a
/// link to its page. Anything else is a `missingLinkedFile` error with the
/// file and line, including a path that leaves the input folder
/// (`../../etc/passwd`) or an absolute path. The bytes are not read here:
/// the Write stage copies the files (see `OutputFile.copyFrom`), so large
/// evidence files never sit in memory; an SVG is published as the clean
/// copy the Load stage wrote (`SVGSanitizer`), or not at all.
public struct LinkedFiles: Sendable {
    /// Folder of the site the copied files go under.
    public static let folder = "files"

    /// Paths under the input folder of the files to copy, sorted, unique.
    public var paths: [String]
    public var diagnostics: [Diagnostic]
    /// For each document that links to files (by `Document.source`), the files, sorted, unique.
    public var pathsBySource: [String: [String]] = [:]

    /// Resolves every relative link of every document and rewrites it for the document's page.
    /// - Parameter svgs: what became of each SVG asset (`LoadedInput.svgs`);
    ///   an SVG without a verdict is not published.
    public static func resolve(_ portfolio: Portfolio, assets: [String], svgs: [String: SVGVerdict] = [:]) -> (Portfolio, LinkedFiles) {
        let assetSet = Set(assets)
        // Page path of each document, by source path.
        var sources: [String: String] = [:]
        for document in portfolio.documents { sources[document.source] = document.url }
        let sourcesByPath = sources
        // Each document's links are resolved on its own, on all cores; the
        // results are gathered in document order, so diagnostics keep theirs.
        let results = ConcurrentMap.map(portfolio.documents) { document -> (body: MarkdownNode?, diagnostics: [Diagnostic], used: [String]) in
            let sources = sourcesByPath
            var used: [String] = []
            var diagnostics: [Diagnostic] = []
            // Every document page sits one folder down: `plans/ID.html`.
            let root = String(repeating: "../", count: document.url.utf8.count(where: { $0 == UInt8(ascii: "/") }))
            // The closure takes only the strings it needs: capturing the
            // document copied it at every node of the tree (docs/performance.md).
            let display = document.displayPath, source = document.source
            // Most bodies have no link or image at all: then there is nothing
            // to resolve, and the tree is only read, not copied node by node.
            guard hasLinkOrImage(document.body) else { return (nil, [], []) }
            var changed = false
            let body = rewrite(document.body, parentLine: document.body.line) { url, line in
                guard let target = Target(url) else { return nil }
                guard !target.path.hasPrefix("/") else {
                    diagnostics.append(.error(.missingLinkedFile,
                        "link to '\(url)' is an absolute path; link to files beside the document with a relative path",
                        file: display, line: line))
                    return nil
                }
                guard let resolved = resolvePath(target.path, from: source) else {
                    diagnostics.append(.error(.missingLinkedFile,
                        "link to '\(url)' leads outside the input folder; only files inside it are published",
                        file: display, line: line))
                    return nil
                }
                if let linkedURL = sources[resolved] {
                    changed = true
                    return root + linkedURL + target.suffix
                }
                guard assetSet.contains(resolved) else {
                    if InputLoader.isMarkdown(resolved) {
                        diagnostics.append(.error(.missingLinkedFile,
                            "link to '\(url)' names '\(resolved)', which is not a document of the portfolio (README files are notes and are not published)",
                            file: display, line: line))
                        return nil
                    }
                    diagnostics.append(.error(.missingLinkedFile,
                        "link to '\(url)' names '\(resolved)', which is not a file in the input folder",
                        file: display, line: line))
                    return nil
                }
                guard ActiveContent.isPublishedType(resolved) else {
                    diagnostics.append(.error(.unsafeLinkedFile,
                        "link to '\(url)' names a .\(ActiveContent.fileExtension(resolved)) file, which is not published: a browser could run it on the site (publish PDF, images, CSV and office files)",
                        file: display, line: line))
                    return nil
                }
                if ActiveContent.fileExtension(resolved) == "svg" {
                    switch svgs[resolved] ?? .refused("it was not read") {
                    case .refused(let reason):
                        diagnostics.append(.error(.unsafeLinkedFile,
                            "link to '\(url)' names an SVG that is not published: \(reason)",
                            file: display, line: line))
                        return nil
                    case .published(let leftOut) where !leftOut.isEmpty:
                        diagnostics.append(.warning(.unsafeLinkedFile,
                            "link to '\(url)': the site publishes a clean copy of this SVG, without its \(listed(leftOut))",
                            file: display, line: line))
                    case .published:
                        break
                    }
                }
                used.append(resolved)
                changed = true
                return root + folder + "/" + percentEncoded(resolved) + target.suffix
            }
            return (changed ? body : nil, diagnostics, used)
        }
        var portfolio = portfolio
        var used: Set<String> = []
        var diagnostics: [Diagnostic] = []
        var bySource: [String: [String]] = [:]
        for (index, result) in results.enumerated() {
            if let body = result.body { portfolio.documents[index].body = body }
            diagnostics += result.diagnostics
            used.formUnion(result.used)
            if !result.used.isEmpty { bySource[portfolio.documents[index].source] = Array(Set(result.used)).sorted() }
        }
        var files = LinkedFiles(paths: used.sorted(), diagnostics: diagnostics)
        files.pathsBySource = bySource
        return (portfolio, files)
    }

    /// The site files that copy the linked files from the input folder; an
    /// SVG's is its clean copy from `svgCopies` (`LoadedInput.svgCopies`).
    public func outputFiles(input: String, svgCopies: [String: [UInt8]] = [:]) -> [OutputFile] {
        paths.compactMap { path in
            guard ActiveContent.fileExtension(path) == "svg" else {
                return OutputFile(path: Self.folder + "/" + path, copyFrom: PathText.join(input, path))
            }
            return svgCopies[path].map { OutputFile(path: Self.folder + "/" + path, contents: $0) }
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func listed(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// A relative link split into its path (percent-decoded) and `?query#fragment` suffix.
    struct Target {
        var path: String
        var suffix: String

        init?(_ url: String) {
            // Fragments, schemes and protocol-relative URLs are not files of the input.
            guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//"), URLSafety.scheme(of: url) == nil else { return nil }
            let cut = url.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
            let raw = String(url[..<cut])
            guard !raw.isEmpty else { return nil }
            path = raw.removingPercentEncoding ?? raw
            suffix = String(url[cut...])
        }
    }

    /// `link` resolved against the folder of `source`, both under the input folder;
    /// nil when it climbs out of the input folder.
    static func resolvePath(_ link: String, from source: String) -> String? {
        var parts = source.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Each path segment percent-encoded for use in an `href` or `src`.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return path.split(separator: "/").map { segment in
            String(segment).addingPercentEncoding(withAllowedCharacters: allowed) ?? String(segment)
        }.joined(separator: "/")
    }

    /// Whether `rewrite` would pass any URL to its transform: a link or image
    /// reached the way `rewriteInPlace` walks (not inside code, HTML or text).
    static func hasLinkOrImage(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .link, .image: return true
        case .code, .codeBlock, .htmlBlock, .htmlInline, .text: return false
        default: return node.containsChild(where: hasLinkOrImage)
        }
    }

    /// `node` with every link and image URL passed through `transform` (nil keeps it).
    static func rewrite(_ node: MarkdownNode, parentLine: Int, _ transform: (String, Int) -> String?) -> MarkdownNode {
        var node = node
        _ = rewriteInPlace(&node, parentLine: parentLine, transform)
        return node
    }

    /// Rewrites `node` in place and says whether anything changed; a subtree
    /// with no link or image is left alone (not copied), which kept the
    /// whole stage from rebuilding every body tree.
    @discardableResult
    private static func rewriteInPlace(_ node: inout MarkdownNode, parentLine: Int, _ transform: (String, Int) -> String?) -> Bool {
        let line = node.line > 0 ? node.line : parentLine
        var changed = false
        switch node.kind {
        case .link(let url, let title):
            if let new = transform(url, line) {
                node.kind = .link(url: new, title: title)
                changed = true
            }
        case .image(let url, let title):
            if let new = transform(url, line) {
                node.kind = .image(url: new, title: title)
                changed = true
            }
        case .code, .codeBlock, .htmlBlock, .htmlInline, .text:
            return false
        default:
            break
        }
        for index in node.children.indices {
            var child = node.children[index]
            if rewriteInPlace(&child, parentLine: line, transform) {
                node.children[index] = child
                changed = true
            }
        }
        return changed
    }
}
