/// The build as `planfolio serve` drives it, behind one call: `rebuild()`
/// builds the site into the preview's own folder and says what changed.
///
/// It is the only place the preview touches the build, so the pipeline
/// under it can change without the server noticing. It runs `Build.run`
/// with the options it was given (their `output` is serve's folder); the
/// build cache makes a rebuild after a prose edit cheap. Which files changed
/// is read from the folder's stamps (a file the build kept has the same
/// inode and modification time), and the pages the diagnostics belong to
/// from `BuildReport.pages` of the last build that linked every document.
/// Not thread-safe: one rebuild at a time.
public final class PreviewBuilder {
    public let options: BuildOptions
    /// Display path of a document -> site path of its page, as last known.
    private var pages: [String: String] = [:]
    /// Site path -> type, size, inode and modification time of the served site's files, as last seen.
    private var stamps: [String: String]?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The folder the site is built into and served from.
    public var siteFolder: String { options.output }

    public func rebuild() -> PreviewResult {
        let before = stamps ?? Self.stamps(of: options.output)
        var result: PreviewResult
        do {
            let report = try Build.run(options)
            result = PreviewResult(report: report)
            learnPages(from: report)
        } catch {
            result = PreviewResult(failure: error)
        }
        if let report = result.report, report.wrote, report.mode != .unchanged {
            let after = Self.stamps(of: options.output)
            stamps = after
            result.changedPaths = Self.changes(from: before, to: after)
        } else {
            stamps = before
        }
        for diagnostic in result.diagnostics {
            if let page = pages[diagnostic.file] {
                result.diagnosticsByPage[page, default: []].append(diagnostic)
            } else {
                result.unplacedDiagnostics.append(diagnostic)
            }
        }
        return result
    }

    /// A build that linked every document gives every page; one with errors
    /// adds to those known (a document that no longer parses keeps its last
    /// page, which the site still shows). A build answered from the cache
    /// gives none: the first such is followed by a check, which links every
    /// document and writes nothing.
    private func learnPages(from report: BuildReport) {
        if report.mode == .full {
            if report.hasErrors {
                pages.merge(report.pages) { _, new in new }
            } else {
                pages = report.pages
            }
        } else if pages.isEmpty {
            var check = options
            check.write = false
            check.progress = nil
            if let checked = try? Build.run(check) { pages = checked.pages }
        }
    }

    /// Every file and link under `folder` by site path; empty when it cannot be read.
    static func stamps(of folder: String) -> [String: String] {
        var stamps: [String: String] = [:]
        for line in OutputStamp.entries(folder: folder) ?? [] {
            guard let entry = OutputStamp.Entry(line), entry.type != OutputStamp.Entry.folder else { continue }
            // Size, inode and modification time; not the change time, which a
            // hard link to a kept file (the next site sharing it) changes too.
            let fields = entry.stamp.split(separator: "\u{0}", omittingEmptySubsequences: false)
            stamps[String(entry.path)] = String(entry.type) + "|" + fields.dropLast().joined(separator: "|")
        }
        return stamps
    }

    static func changes(from before: [String: String], to after: [String: String]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in after where before[path] != stamp { changed.insert(path) }
        for path in before.keys where after[path] == nil { changed.insert(path) }
        return changed
    }
}
