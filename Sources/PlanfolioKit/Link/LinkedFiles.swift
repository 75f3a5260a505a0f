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

    /// One link or image URL of a body that may name a file, with its line.
    /// Collected when the document is parsed (`candidates(in:)`), so that
    /// links are resolved again without the tree when other files come or go.
    public struct Candidate: Sendable, Hashable {
        public var url: String
        public var line: Int
    }

    /// What one document's links resolve to: the new URL of each link that
    /// names a file or a document (relative to the document's page), the
    /// files it publishes, and what is wrong.
    public struct Resolution: Sendable, Equatable {
        public var replacements: [String: String] = [:]
        /// Paths under the input folder, sorted, unique.
        public var used: [String] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Resolves every relative link of every document and rewrites it for the document's page.
    /// - Parameter svgs: what became of each SVG asset (`LoadedInput.svgs`);
    ///   an SVG without a verdict is not published.
    public static func resolve(_ portfolio: Portfolio, assets: [String], svgs: [String: SVGVerdict] = [:]) -> (Portfolio, LinkedFiles) {
        let candidates = ConcurrentMap.map(portfolio.documents) { Self.candidates(in: $0.body) }
        let (files, resolutions) = resolve(portfolio, candidates: candidates, assets: assets, svgs: svgs)
        var portfolio = portfolio
        for (index, resolution) in resolutions.enumerated() where !resolution.replacements.isEmpty {
            portfolio.documents[index].body = rewrite(portfolio.documents[index].body, with: resolution)
        }
        return (portfolio, files)
    }

    /// Resolves each document's `candidates` (one list per document of
    /// `portfolio`, in its order) against the portfolio's documents and the
    /// input's other files; reads no tree, so it is cheap to run for every
    /// document on every build.
    public static func resolve(_ portfolio: Portfolio, candidates: [[Candidate]], assets: [String],
                               svgs: [String: SVGVerdict] = [:]) -> (LinkedFiles, [Resolution]) {
        let assetSet = Set(assets)
        var sources: [String: String] = [:]
        for document in portfolio.documents { sources[document.source] = document.url }
        var resolutions: [Resolution] = []
        resolutions.reserveCapacity(portfolio.documents.count)
        var used: Set<String> = []
        var diagnostics: [Diagnostic] = []
        var bySource: [String: [String]] = [:]
        for (document, links) in zip(portfolio.documents, candidates) {
            guard !links.isEmpty else {
                resolutions.append(Resolution())
                continue
            }
            let resolution = resolve(links, source: document.source, display: document.displayPath, page: document.url,
                                     sources: sources, assets: assetSet, svgs: svgs)
            diagnostics += resolution.diagnostics
            used.formUnion(resolution.used)
            if !resolution.used.isEmpty { bySource[document.source] = resolution.used }
            resolutions.append(resolution)
        }
        var files = LinkedFiles(paths: used.sorted(), diagnostics: diagnostics)
        files.pathsBySource = bySource
        return (files, resolutions)
    }

    /// One document's links: `sources` gives each document's page by its source path.
    static func resolve(_ links: [Candidate], source: String, display: String, page: String, sources: [String: String],
                        assets: Set<String>, svgs: [String: SVGVerdict]) -> Resolution {
        var resolution = Resolution()
        var used: Set<String> = []
        // Every document page sits one folder down: `plans/ID.html`.
        let root = String(repeating: "../", count: page.utf8.count(where: { $0 == UInt8(ascii: "/") }))
        for link in links {
            let url = link.url, line = link.line
            guard let target = Target(url) else { continue }
            guard !target.path.hasPrefix("/") else {
                resolution.diagnostics.append(.error(.missingLinkedFile,
                    "link to '\(url)' is an absolute path; link to files beside the document with a relative path",
                    file: display, line: line))
                continue
            }
            guard let resolved = resolvePath(target.path, from: source) else {
                resolution.diagnostics.append(.error(.missingLinkedFile,
                    "link to '\(url)' leads outside the input folder; only files inside it are published",
                    file: display, line: line))
                continue
            }
            if let linkedURL = sources[resolved] {
                resolution.replacements[url] = root + linkedURL + target.suffix
                continue
            }
            guard assets.contains(resolved) else {
                if InputLoader.isMarkdown(resolved) {
                    resolution.diagnostics.append(.error(.missingLinkedFile,
                        "link to '\(url)' names '\(resolved)', which is not a document of the portfolio (README files are notes and are not published)",
                        file: display, line: line))
                    continue
                }
                resolution.diagnostics.append(.error(.missingLinkedFile,
                    "link to '\(url)' names '\(resolved)', which is not a file in the input folder",
                    file: display, line: line))
                continue
            }
            guard ActiveContent.isPublishedType(resolved) else {
                resolution.diagnostics.append(.error(.unsafeLinkedFile,
                    "link to '\(url)' names a .\(ActiveContent.fileExtension(resolved)) file, which is not published: a browser could run it on the site (publish PDF, images, CSV and office files)",
                    file: display, line: line))
                continue
            }
            if ActiveContent.fileExtension(resolved) == "svg" {
                switch svgs[resolved] ?? .refused("it was not read") {
                case .refused(let reason):
                    resolution.diagnostics.append(.error(.unsafeLinkedFile,
                        "link to '\(url)' names an SVG that is not published: \(reason)",
                        file: display, line: line))
                    continue
                case .published(let leftOut) where !leftOut.isEmpty:
                    resolution.diagnostics.append(.warning(.unsafeLinkedFile,
                        "link to '\(url)': the site publishes a clean copy of this SVG, without its \(listed(leftOut))",
                        file: display, line: line))
                case .published:
                    break
                }
            }
            used.insert(resolved)
            resolution.replacements[url] = root + folder + "/" + percentEncoded(resolved) + target.suffix
        }
        resolution.used = used.sorted()
        return resolution
    }

    /// `body` with each link and image URL `resolution` names replaced.
    public static func rewrite(_ body: MarkdownNode, with resolution: Resolution) -> MarkdownNode {
        guard !resolution.replacements.isEmpty else { return body }
        return rewrite(body, parentLine: body.line) { url, _ in resolution.replacements[url] }
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

    /// Every link and image URL `rewrite` passes to its transform, in
    /// document order, with its line: not inside code, raw HTML or text.
    /// The tree is at most `MarkdownParser.maximumDepth` deep, so the walk may recurse.
    public static func candidates(in body: MarkdownNode) -> [Candidate] {
        var found: [Candidate] = []
        func visit(_ node: MarkdownNode, parentLine: Int) {
            let line = node.line > 0 ? node.line : parentLine
            switch node.kind {
            case .link(let url, _), .image(let url, _):
                found.append(Candidate(url: url, line: line))
            case .code, .codeBlock, .htmlBlock, .htmlInline, .text:
                return
            default:
                break
            }
            node.forEachChildSkippingTextLeaves { visit($0, parentLine: line) }
        }
        visit(body, parentLine: body.line)
        return found
    }

    /// Whether `rewrite` would pass any URL to its transform.
    static func hasLinkOrImage(_ node: MarkdownNode) -> Bool {
        var stack = [node]
        while let node = stack.popLast() {
            switch node.kind {
            case .link, .image: return true
            case .code, .codeBlock, .htmlBlock, .htmlInline, .text: continue
            default: node.forEachChild { stack.append($0) }
            }
        }
        return false
    }

    /// `node` with every link and image URL passed through `transform` (nil
    /// keeps it). A subtree with no link or image is left alone, not
    /// copied. Walked with an explicit stack of the nodes on the way down.
    static func rewrite(_ node: MarkdownNode, parentLine: Int, _ transform: (String, Int) -> String?) -> MarkdownNode {
        struct Frame {
            var node: MarkdownNode
            var line: Int
            var children: [MarkdownNode]
            var next = 0
            var changed = false
        }
        /// The node with its own URL transformed, and whether to look at its children.
        func visit(_ node: inout MarkdownNode, parentLine: Int) -> (line: Int, changed: Bool, descend: Bool) {
            let line = node.line > 0 ? node.line : parentLine
            switch node.kind {
            case .link(let url, let title):
                if let new = transform(url, line) {
                    node.kind = .link(url: new, title: title)
                    return (line, true, true)
                }
            case .image(let url, let title):
                if let new = transform(url, line) {
                    node.kind = .image(url: new, title: title)
                    return (line, true, true)
                }
            case .code, .codeBlock, .htmlBlock, .htmlInline, .text:
                return (line, false, false)
            default:
                break
            }
            return (line, false, true)
        }
        var root = node
        let top = visit(&root, parentLine: parentLine)
        guard top.descend else { return root }
        var stack = [Frame(node: root, line: top.line, children: root.children, changed: top.changed)]
        while !stack.isEmpty {
            let last = stack.count - 1
            if stack[last].next < stack[last].children.count {
                var child = stack[last].children[stack[last].next]
                stack[last].next += 1
                let visited = visit(&child, parentLine: stack[last].line)
                if visited.descend, !child.children.isEmpty {
                    stack.append(Frame(node: child, line: visited.line, children: child.children, changed: visited.changed))
                } else if visited.changed {
                    stack[last].children[stack[last].next - 1] = child
                    stack[last].changed = true
                }
                continue
            }
            var frame = stack.removeLast()
            if frame.changed { frame.node.children = frame.children }
            guard let parent = stack.indices.last else { return frame.node }
            if frame.changed {
                stack[parent].children[stack[parent].next - 1] = frame.node
                stack[parent].changed = true
            }
        }
        return root
    }
}
