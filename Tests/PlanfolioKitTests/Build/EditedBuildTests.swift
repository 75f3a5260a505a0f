import Foundation
import Testing
@testable import PlanfolioKit

/// Builds after edits, end to end, on a copy of the sample portfolio, each
/// continuing the session the last one kept (`SessionStore`): after every
/// build, the output folder is byte for byte (every file, the `.planfolio`
/// marker too) what a clean build of the same input writes with
/// `useCache = false`, with the same diagnostics; the build made what it
/// should (`BuildReport.mode`: how many documents it parsed, how many files
/// it rendered); and the session it left answers the next build with no
/// change (`.unchanged`, output untouched).
@Suite struct EditedBuildTests {
    static let today = Day("2026-11-25")!
    static let sample = PerformanceFixtures.packageRoot.appendingPathComponent("Plans")

    // Documents of the sample and prose in them, deep enough in the body that
    // the search index (the first 200 characters of prose) does not show it.
    static let plan = "plans/RP-2026-002.md"
    static let investigation = "investigations/DIR-2026-004.md"
    static let assessment = "assessments/FAF-2026-03-001.md"
    static let planSentence = "with Dana Ortiz as decision maker."

    // MARK: The sandbox

    /// A copy of the sample portfolio in a temporary folder, built into `Output` beside it.
    struct Sandbox {
        var root: URL
        /// Give the input and output folders with a trailing slash.
        var slash = false
        var input: URL { root.appendingPathComponent("Plans") }
        var output: URL { root.appendingPathComponent("Output") }
        var store: SessionStore { SessionStore(output: output.path) }
        var workFolder: URL { URL(fileURLWithPath: store.folder) }
        var spare: URL { workFolder.appendingPathComponent(StagingName(outputName: "Output").spare) }
        var spareRecord: URL { workFolder.appendingPathComponent(StagingName(outputName: "Output").spareRecord) }
        var session: URL { workFolder.appendingPathComponent(SessionStore.sessionName) }
        var faces: URL { workFolder.appendingPathComponent(SessionStore.facesName) }

        func options(strict: Bool = false) -> BuildOptions {
            var options = BuildOptions(today: EditedBuildTests.today)
            options.input = input.path + (slash ? "/" : "")
            options.output = output.path + (slash ? "/" : "")
            options.theme = PerformanceFixtures.themePath
            options.strict = strict
            options.useCache = true
            // The sandbox is no git repository (HistoryBuildTests edits and commits in one).
            options.history.enabled = false
            return options
        }

        func build(strict: Bool = false) throws -> BuildReport {
            try Build.run(options(strict: strict))
        }

        func url(_ path: String) -> URL { input.appendingPathComponent(path) }

        func text(_ path: String) throws -> String {
            try String(contentsOf: url(path), encoding: .utf8)
        }

        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url(path))
        }

        /// Replaces the one occurrence of `old` in the document at `path`.
        func replace(_ old: String, with new: String, in path: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
            let text = try text(path)
            let pieces = text.components(separatedBy: old)
            try #require(pieces.count == 2, "'\(old)' must occur exactly once in \(path)", sourceLocation: sourceLocation)
            try write(path, pieces.joined(separator: new))
        }

        /// 1-based line of the one occurrence of `needle` in the document at `path`.
        func line(of needle: String, in path: String) throws -> Int {
            let lines = try text(path).components(separatedBy: "\n")
            let index = try #require(lines.firstIndex { $0.contains(needle) })
            return index + 1
        }

        /// What `Diagnostic.file` says for a document of the input.
        func display(_ path: String) -> String { InputLoader.displayPath(input: options().input, path: path) }

        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
    }

    static func sandbox() throws -> Sandbox {
        let root = try PerformanceFixtures.temporaryFolder("incremental")
        try FileManager.default.copyItem(at: sample, to: root.appendingPathComponent("Plans"))
        return Sandbox(root: root)
    }

    /// A sandbox with the sample built once (in full) with the cache on.
    static func built() throws -> Sandbox {
        let sandbox = try sandbox()
        let report = try sandbox.build()
        try #require(report.wrote && !report.hasErrors, "\(report.diagnostics)")
        #expect(report.mode == .full)
        return sandbox
    }

    /// What a clean build (`useCache = false`) of the sandbox's input writes, into a folder of its own.
    struct Clean {
        var tree: [String: Data]
        var diagnostics: [Diagnostic]
        var wrote: Bool
        var documentsRead: Int
        var pagesWritten: Int
    }

    static func clean(_ sandbox: Sandbox, strict: Bool = false) throws -> Clean {
        var options = sandbox.options(strict: strict)
        let name = "Clean-\(UUID().uuidString)"
        options.output = sandbox.root.appendingPathComponent(name).path
        options.useCache = false
        defer {
            try? FileManager.default.removeItem(atPath: options.output)
            try? FileManager.default.removeItem(atPath: SessionStore(output: options.output).folder)
        }
        let report = try Build.run(options)
        #expect(report.mode == .full)
        let tree = report.wrote ? try Self.tree(URL(fileURLWithPath: options.output)) : [:]
        return Clean(tree: tree, diagnostics: report.diagnostics, wrote: report.wrote, documentsRead: report.documentsRead,
                     pagesWritten: report.pagesWritten)
    }

    /// Every entry under `folder` by relative path, hidden ones included:
    /// files with their bytes, folders as `path/` with no bytes (so a stray
    /// empty folder shows too).
    /// Each file of `folder` by path: its inode and modification time. A
    /// build that writes nothing leaves them (and the bytes) as they were;
    /// the change times may move, since the next site's staging links the
    /// current site's files before it knows whether a page changed.
    static func files(_ folder: URL) throws -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var info = stat()
            guard lstat(folder.path + "/" + path, &info) == 0 else { throw PerformanceFixtures.FixtureError("cannot stat \(path)") }
            guard info.st_mode & S_IFMT == S_IFREG else { continue }
            out[path] = [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_size)]
        }
        return out
    }

    static func tree(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        func walk(_ absolute: String, _ relative: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: absolute) {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = absolute + "/" + name
                var info = stat()
                guard lstat(full, &info) == 0 else { throw PerformanceFixtures.FixtureError("cannot stat \(full)") }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    out[path + "/"] = Data()
                    try walk(full, path)
                case S_IFREG:
                    out[path] = try Data(contentsOf: URL(fileURLWithPath: full))
                default:
                    out[path] = Data("<not a file>".utf8)
                }
            }
        }
        try walk(folder.standardizedFileURL.path, "")
        return out
    }

    /// Paths whose entries differ between two trees.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> Set<String> {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
    }

    /// What a build should have made.
    enum Expected: Equatable {
        /// Every file rendered.
        case full
        /// Nothing rendered or written.
        case unchanged
        /// `parsed` documents parsed, at most `rendered` files rendered (any number when nil), not all of them.
        case partial(parsed: Int, rendered: Int? = nil)
        /// Every page rendered again (the evidence files copied may stay).
        case everyPage

        func matches(_ report: BuildReport) -> Bool {
            switch (self, report.mode) {
            case (.full, .full), (.unchanged, .unchanged): true
            case (.partial(let parsed, let most), .partial(let rendered, let actual)): actual == parsed && rendered <= (most ?? .max)
            case (.everyPage, .full): true
            case (.everyPage, .partial(let rendered, _)): rendered >= report.pagesWritten
            default: false
            }
        }
    }

    /// The invariant after every build with a session: the output is the clean
    /// build's, the diagnostics are its, the mode is `mode` (any when nil), and
    /// the session answers the next build with no change without touching the output.
    @discardableResult
    static func check(_ report: BuildReport, _ sandbox: Sandbox, mode: Expected?, strict: Bool = false,
                      _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> Clean {
        let clean = try clean(sandbox, strict: strict)
        let note = context.isEmpty ? "" : " [\(context)]"
        if let mode {
            #expect(mode.matches(report), "mode \(report.mode), expected \(mode)\(note)", sourceLocation: sourceLocation)
        }
        #expect(report.diagnostics == clean.diagnostics, "diagnostics differ from a clean build's\(note)", sourceLocation: sourceLocation)
        #expect(report.wrote == clean.wrote, "wrote\(note)", sourceLocation: sourceLocation)
        guard clean.wrote else { return clean }
        #expect(report.documentsRead == clean.documentsRead && report.pagesWritten == clean.pagesWritten,
                "counts in the summary line\(note)", sourceLocation: sourceLocation)
        let tree = try Self.tree(sandbox.output)
        #expect(tree[SiteWriter.markerName] != nil, "the marker is compared too\(note)", sourceLocation: sourceLocation)
        let differing = differences(tree, clean.tree)
        #expect(differing.isEmpty, "output differs from a clean build in \(differing.sorted().prefix(10))\(note)",
                sourceLocation: sourceLocation)

        // The session left behind describes the output as it is now...
        let stamp = OutputStamp.of(folder: sandbox.output.path)
        #expect(stamp != nil, sourceLocation: sourceLocation)
        #expect(sandbox.store.restore()?.site?.stamp == stamp, "the session's output stamp\(note)", sourceLocation: sourceLocation)
        // ...so the next build with no change is answered from it.
        let again = try sandbox.build(strict: strict)
        #expect(again.mode == .unchanged, "a build with no change after it\(note)", sourceLocation: sourceLocation)
        #expect(again.diagnostics == clean.diagnostics, "replayed diagnostics\(note)", sourceLocation: sourceLocation)
        #expect(OutputStamp.of(folder: sandbox.output.path) == stamp, "a no-change build touched the output\(note)",
                sourceLocation: sourceLocation)
        return clean
    }

    static func remove(_ sandbox: Sandbox) {
        try? FileManager.default.removeItem(at: sandbox.root)
    }

    /// A `PreviewBuilder` on `sandbox` as `serve` runs one (its own
    /// output folder, no session on disk), after its first, full build.
    static func previewBuilder(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws -> PreviewBuilder {
        var options = sandbox.options()
        options.useCache = false
        options.ownsOutput = true
        let builder = PreviewBuilder(options: options)
        #expect(try #require(builder.rebuild().report, sourceLocation: sourceLocation).mode == .full, sourceLocation: sourceLocation)
        return builder
    }

    /// A rebuild on one session gave what a clean build gives: diagnostics and every file.
    static func expectClean(_ report: BuildReport, _ sandbox: Sandbox, _ context: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let clean = try Self.clean(sandbox)
        #expect(report.diagnostics == clean.diagnostics, "diagnostics differ from a clean build's [\(context)]", sourceLocation: sourceLocation)
        #expect(report.wrote == clean.wrote, "wrote [\(context)]", sourceLocation: sourceLocation)
        guard clean.wrote else { return }
        let differing = Self.differences(try Self.tree(sandbox.output), clean.tree)
        #expect(differing.isEmpty, "output differs from a clean build in \(differing.sorted().prefix(10)) [\(context)]",
                sourceLocation: sourceLocation)
    }

    // MARK: Edits that change statuses: only those documents are computed again

    /// Edits whose statuses reach other documents: a plan's signature, its
    /// explicit lifecycle (and a wrong one, an error of Compute), the
    /// assessment it answers, who supersedes whom, a retitle, a plan
    /// removed and put back. `nil` old text: the file is removed; `nil`
    /// new text with a path: the removed file is put back.
    static let statusEdits: [(path: String, old: String?, new: String?)] = [
        ("plans/RP-2026-006.md", "| Grace Whitfield | /s/ Grace Whitfield | 2026-06-15 |", "| Grace Whitfield | | |"),
        ("plans/RP-2026-006.md", "date: 2026-06-08\n", "date: 2026-06-08\nstatus: completed\n"),
        ("plans/RP-2026-006.md", "status: completed\n", "status: finished-ish\n"),
        ("plans/RP-2026-006.md", "status: finished-ish\n", ""),
        ("plans/RP-2026-006.md", "assessment: FAF-2026-05-002", "assessment: FAF-2026-03-001"),
        ("plans/RP-2026-009.md", "supersedes: RP-2026-002\n", ""),
        ("assessments/FAF-2026-03-001.md", "title: Q1 2026 fairness", "title: First-quarter 2026 fairness"),
        ("plans/RP-2026-012.md", nil, "removed"),
        ("plans/RP-2026-012.md", nil, nil),
    ]

    /// Applies `statusEdits[index]`; `removed` keeps a removed file's text for putting it back.
    static func applyStatusEdit(_ index: Int, _ sandbox: Sandbox, removed: inout String) throws -> String {
        let (path, old, new) = statusEdits[index]
        switch (old, new) {
        case (let old?, let new?):
            try sandbox.replace(old, with: new, in: path)
            return "\(path): '\(old)' → '\(new)'"
        case (nil, _?):
            removed = try sandbox.text(path)
            try FileManager.default.removeItem(at: sandbox.url(path))
            return "\(path) removed"
        default:
            try sandbox.write(path, removed)
            return "\(path) put back"
        }
    }

    @Test func editsThatChangeStatusesBuildTheCleanSite() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        var removed = ""
        for index in Self.statusEdits.indices {
            let context = try Self.applyStatusEdit(index, sandbox, removed: &removed)
            let report = try sandbox.build()
            let clean = try Self.check(report, sandbox, mode: nil, context)
            if index == 2 { #expect(clean.diagnostics.contains { $0.code == .unknownStatus }, "\(context)") }
            if clean.wrote, case .full = report.mode { Issue.record("a full build [\(context)]") }
        }
    }

    /// The same edits on one session kept in memory, as `serve` keeps it.
    @Test func editsThatChangeStatusesOnOneSessionBuildTheCleanSite() throws {
        let sandbox = try Self.sandbox()
        defer { Self.remove(sandbox) }
        let builder = try Self.previewBuilder(sandbox)
        var removed = ""
        for index in Self.statusEdits.indices {
            let context = try Self.applyStatusEdit(index, sandbox, removed: &removed)
            try Self.expectClean(try #require(builder.rebuild().report, "\(context)"), sandbox, context)
        }
    }

    // MARK: Prose edits: only the edited page is rendered

    struct ProseEdit: Sendable, CustomTestStringConvertible {
        var path: String
        var old: String
        var new: String
        var page: String
        /// Text the new page has and the old one had not.
        var marker: String
        var testDescription: String { path }
    }

    static let proseEdits = [
        ProseEdit(path: plan, old: planSentence, new: "with Dana Ortiz as final decision maker.", page: "plans/RP-2026-002.html",
                  marker: "final decision maker"),
        ProseEdit(path: investigation, old: "Nobody saw it for six", new: "Nobody saw it for seven", page: "investigations/DIR-2026-004.html",
                  marker: "for seven"),
        ProseEdit(path: assessment, old: "Sex and calibration are stable.", new: "Sex and calibration are steady.",
                  page: "assessments/FAF-2026-03-001.html", marker: "are steady"),
    ]

    @Test(arguments: proseEdits)
    func wordChangedInProseRebuildsOnlyThatPage(_ edit: ProseEdit) throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let before = try Self.tree(sandbox.output)
        #expect(!(try sandbox.page(edit.page).contains(edit.marker)))
        let lines = try sandbox.text(edit.path).components(separatedBy: "\n").count
        try sandbox.replace(edit.old, with: edit.new, in: edit.path)
        #expect(try sandbox.text(edit.path).components(separatedBy: "\n").count == lines, "no line moves")

        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .partial(parsed: 1, rendered: 1))
        let after = try Self.tree(sandbox.output)
        // Deep in the body: the search index (200 characters) does not show it.
        #expect(Self.differences(before, after) == [edit.page])
        #expect(try sandbox.page(edit.page).contains(edit.marker))
    }

    @Test func editInTheFirstParagraphUpdatesTheSearchIndex() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let before = try Self.tree(sandbox.output)
        #expect(try sandbox.page("search-index.js").contains("follows the breaches raised"))
        try sandbox.replace("This investigation follows the breaches raised by", with: "This investigation follows the alarms raised by",
                            in: Self.investigation)

        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .partial(parsed: 1, rendered: 2))
        #expect(Self.differences(before, try Self.tree(sandbox.output)) == ["investigations/DIR-2026-004.html", "search-index.js"])
        let index = try sandbox.page("search-index.js")
        #expect(index.contains("follows the alarms raised"))
        #expect(!index.contains("follows the breaches raised"))
    }

    @Test func paragraphAppendedAtTheEndOfAPlan() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let text = try sandbox.text(Self.plan)
        #expect(text.hasSuffix("|\n"), "the plan ends with its Approval table")
        // After a blank line: a line glued to the table would be a table row.
        try sandbox.write(Self.plan, text + "\nA closing remark, added after the approvals.\n")

        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .partial(parsed: 1, rendered: 1))
        #expect(try sandbox.page("plans/RP-2026-002.html").contains("A closing remark, added after the approvals."))
    }

    /// Each document on its own: its page alone is rendered, with only the
    /// statuses it shows computed (`StatusComputer.compute(only:)`) after the session is restored.
    @Test func eachDocumentEditedOnItsOwn() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let documents = try FileManager.default.subpathsOfDirectory(atPath: sandbox.input.path)
            .filter { InputLoader.isDocumentPath($0) }.sorted()
        try #require(!documents.isEmpty)
        for path in documents {
            let before = try Self.tree(sandbox.output)
            try sandbox.write(path, try sandbox.text(path) + "\nA paragraph added to \(path) alone.\n")
            try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1, rendered: 2), path)
            let differing = Self.differences(before, try Self.tree(sandbox.output))
            let pages = differing.subtracting(["search-index.js"])
            #expect(pages.count == 1 && pages.allSatisfy { $0.hasSuffix(".html") }, "\(path): \(differing.sorted())")
        }
    }

    @Test func everyDocumentEditedAtOnce() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let documents = try FileManager.default.subpathsOfDirectory(atPath: sandbox.input.path).filter { InputLoader.isDocumentPath($0) }
        try #require(!documents.isEmpty)
        for path in documents { try sandbox.write(path, try sandbox.text(path) + "\nA paragraph added to every document.\n") }
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: documents.count))
    }

    /// Edits of a body that change the document's own diagnostics or the files its body links to.
    struct BodyEdit: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var old: String
        var new: String
        var mode: Expected
        /// Codes of the diagnostics the edit adds.
        var added: [DiagnosticCode] = []
        /// Whether the site still has the copy of the weekly PSI evidence file.
        var csvCopied = true
        var testDescription: String { name }
    }

    static let csv = "files/investigations/evidence/DIR-2026-004-psi-by-week.csv"

    static let bodyEdits = [
        BodyEdit(name: "second link to an evidence file already linked", path: investigation,
                 old: "Nobody saw it for six", new: "Nobody ([PSI](evidence/DIR-2026-004-psi-by-week.csv)) saw it for six",
                 mode: .partial(parsed: 1)),
        // Its linked files change: the page and the copy under files/ (removed when no page links it any more).
        BodyEdit(name: "a plan links an evidence file", path: plan, old: planSentence,
                 new: "with Dana Ortiz as decision maker ([PSI](../investigations/evidence/DIR-2026-004-psi-by-week.csv)).",
                 mode: .partial(parsed: 1, rendered: 2)),
        BodyEdit(name: "the only link to an evidence file removed", path: investigation,
                 old: "[weekly PSI (CSV)](evidence/DIR-2026-004-psi-by-week.csv)", new: "weekly PSI (CSV)", mode: .partial(parsed: 1, rendered: 2),
                 csvCopied: false),
        BodyEdit(name: "link to another document's file", path: plan, old: planSentence,
                 new: "with Dana Ortiz as decision maker ([next](RP-2026-009.md)).", mode: .partial(parsed: 1)),
        BodyEdit(name: "remote image", path: plan, old: planSentence,
                 new: "with Dana Ortiz as decision maker ![logo](https://example.com/x.png).", mode: .partial(parsed: 1),
                 added: [.remoteImage]),
        BodyEdit(name: "javascript link", path: plan, old: planSentence,
                 new: "with Dana Ortiz as decision maker [run](javascript:alert(1)).", mode: .partial(parsed: 1), added: [.invalidValue]),
        BodyEdit(name: "placeholder in prose", path: plan, old: planSentence,
                 new: "with Dana Ortiz as [Name of decision maker].", mode: .partial(parsed: 1), added: [.templatePlaceholder]),
        BodyEdit(name: "section heading renamed", path: plan, old: "### Rollback Owner\n", new: "### Rollback Owners\n",
                 mode: .partial(parsed: 1), added: [.missingSection]),
        BodyEdit(name: "html block", path: assessment, old: "4. **Sex and calibration are stable.** No action is needed on these.\n",
                 new: "4. **Sex and calibration are stable.** No action is needed on these.\n\n<div>raw</div>\n",
                 mode: .partial(parsed: 1), added: [.rawHTML]),
        BodyEdit(name: "front matter broken", path: plan, old: "title: Interim remediation of",
                 new: "title: [Interim remediation of", mode: .full, added: [.frontMatterSyntax]),  // an error: nothing written
    ]

    @Test(arguments: bodyEdits)
    func bodyEditsThatChangeDiagnosticsOrLinkedFiles(_ edit: BodyEdit) throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let before = try Self.clean(sandbox).diagnostics
        try sandbox.replace(edit.old, with: edit.new, in: edit.path)
        let report = try sandbox.build()
        let clean = try Self.check(report, sandbox, mode: edit.mode, edit.name)
        let added = report.diagnostics.filter { !before.contains($0) }
        #expect(added.map(\.code) == edit.added)
        #expect(added.allSatisfy { $0.file == sandbox.display(edit.path) })
        #expect(before.allSatisfy { report.diagnostics.contains($0) })
        if clean.wrote { #expect((try Self.tree(sandbox.output)[Self.csv] != nil) == edit.csvCopied) }
        // Undone: the first site again, with the first diagnostics.
        try sandbox.replace(edit.new, with: edit.old, in: edit.path)
        try Self.check(try sandbox.build(), sandbox, mode: nil, "\(edit.name) undone")
        #expect(try sandbox.build().diagnostics == before)
    }

    /// Saves that change bytes but hardly the text: whatever path the build takes, the site is right.
    @Test(arguments: ["CRLF line endings", "byte order mark", "trailing spaces", "no final newline", "tab in prose"])
    func savesThatChangeLittleMoreThanBytes(_ change: String) throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let text = try sandbox.text(Self.investigation)
        let changed = switch change {
        case "CRLF line endings": text.replacingOccurrences(of: "\n", with: "\r\n")
        case "byte order mark": "\u{FEFF}" + text
        case "trailing spaces": text.replacingOccurrences(of: "Nobody saw it for six\n", with: "Nobody saw it for six  \n")
        case "no final newline": String(text.dropLast())
        default: text.replacingOccurrences(of: "Nobody saw it", with: "Nobody\tsaw it")
        }
        try #require(changed != text)
        try sandbox.write(Self.investigation, changed)
        try Self.check(try sandbox.build(), sandbox, mode: nil, change)
        try sandbox.write(Self.investigation, text)
        try Self.check(try sandbox.build(), sandbox, mode: nil, "\(change) undone")
    }

    @Test func foldersGivenWithATrailingSlash() throws {
        var sandbox = try Self.sandbox()
        defer { Self.remove(sandbox) }
        sandbox.slash = true
        try Self.check(try sandbox.build(), sandbox, mode: .full)
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1))
        #expect(FileManager.default.fileExists(atPath: sandbox.spare.path))
    }

    // MARK: Edits other pages can see: the pages that show them

    @Test func paragraphInsertedAboveATableRendersThePagesShowingTheTable() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        // The Phases table's rows move down two lines: their line numbers are in the face.
        try sandbox.replace("### Phases and Milestones\n", with: "An inserted paragraph.\n\n### Phases and Milestones\n", in: Self.plan)
        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .partial(parsed: 1))
    }

    struct FaceEdit: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var old: String
        var new: String
        var page: String
        var testDescription: String { name }
    }

    static let faceEdits = [
        FaceEdit(name: "front matter title", path: plan, old: "title: Interim remediation of",
                 new: "title: Temporary remediation of", page: "plans/RP-2026-002.html"),
        FaceEdit(name: "phase status", path: plan, old: "| Sofia Marchetti | in progress |", new: "| Sofia Marchetti | done |",
                 page: "plans/RP-2026-002.html"),
        FaceEdit(name: "approval signature", path: "plans/RP-2026-012.md", old: "| Plan Owner | Kwame Mensah | | |",
                 new: "| Plan Owner | Kwame Mensah | /s/ Kwame Mensah | 2026-11-20 |", page: "plans/RP-2026-012.html"),
        FaceEdit(name: "assessment metric", path: assessment, old: "    value: 0.69\n", new: "    value: 0.71\n",
                 page: "assessments/FAF-2026-03-001.html"),
    ]

    @Test(arguments: faceEdits)
    func editsThatChangeTheFaceRenderEveryPageThatShowsIt(_ edit: FaceEdit) throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let before = try Self.tree(sandbox.output)
        try sandbox.replace(edit.old, with: edit.new, in: edit.path)
        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .partial(parsed: 1))
        // Not every page: documents that neither show the edited one nor are shown by it stay as they were.
        if case .partial(let rendered, _) = report.mode {
            #expect(rendered < before.keys.count(where: { $0.hasSuffix(".html") }), "\(rendered) files rendered")
        }
        // More than the document's own page changed (lists, dashboard, portfolio.json).
        let differing = Self.differences(before, try Self.tree(sandbox.output))
        #expect(differing.contains(edit.page))
        #expect(!differing.subtracting([edit.page, "search-index.js"]).isEmpty, "\(differing.sorted())")
    }

    // MARK: Prose that links, warns or fails

    @Test func proseMentioningAnotherDocumentLinksIt() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let link = "RP-2026-011.html"
        let before = try sandbox.page("plans/RP-2026-002.html").components(separatedBy: link).count
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as decision maker (as in RP-2026-011).", in: Self.plan)
        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .partial(parsed: 1))
        #expect(try sandbox.page("plans/RP-2026-002.html").components(separatedBy: link).count == before + 1)
    }

    @Test func rawHTMLWarningComesAndGoesWithTheEdit() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let line = try sandbox.line(of: Self.planSentence, in: Self.plan)
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as decision <b>maker</b>.", in: Self.plan)
        let warned = try sandbox.build()
        try Self.check(warned, sandbox, mode: .partial(parsed: 1))
        let rawHTML = { (report: BuildReport) in
            report.diagnostics.filter { $0.code == .rawHTML && $0.file == sandbox.display(Self.plan) }
        }
        #expect(rawHTML(warned).map(\.line) == [line, line], "the opening and the closing tag, on the edited line")
        #expect(rawHTML(warned).allSatisfy { $0.severity == .warning })

        try sandbox.replace("with Dana Ortiz as decision <b>maker</b>.", with: Self.planSentence, in: Self.plan)
        let fixed = try sandbox.build()
        try Self.check(fixed, sandbox, mode: .partial(parsed: 1))
        #expect(rawHTML(fixed).isEmpty)
        #expect(fixed.diagnostics.count == warned.diagnostics.count - 2)
    }

    @Test func editThatIntroducesAnErrorWritesNothing() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let before = try Self.tree(sandbox.output)
        let line = try sandbox.line(of: Self.planSentence, in: Self.plan)
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as decision maker ([x](nothing.pdf)).", in: Self.plan)

        let failed = try sandbox.build()
        #expect(!failed.wrote)
        #expect(failed.hasErrors)
        #expect(failed.diagnostics.contains { $0.code == .missingLinkedFile && $0.file == sandbox.display(Self.plan) && $0.line == line })
        try Self.check(failed, sandbox, mode: .full)
        // The same files (their change times moved: the abandoned attempt hard-linked them into a staging folder).
        #expect(try Self.tree(sandbox.output) == before, "the last good site stays")
        // Built again unchanged: the error again, still nothing written.
        let again = try sandbox.build()
        #expect(!again.wrote && again.diagnostics == failed.diagnostics)
        #expect(try Self.tree(sandbox.output) == before)

        try sandbox.replace("with Dana Ortiz as decision maker ([x](nothing.pdf)).", with: Self.planSentence, in: Self.plan)
        let fixed = try sandbox.build()
        try Self.check(fixed, sandbox, mode: nil)
        #expect(!fixed.hasErrors)
        #expect(try Self.tree(sandbox.output) == before, "back to the first site")
    }

    @Test func strictTurnsTheSampleWarningIntoAnError() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let before = try Self.tree(sandbox.output)
        let warning = try #require(try Self.clean(sandbox).diagnostics.first { $0.severity == .warning })
        #expect(warning.code == .templatePlaceholder && warning.file == sandbox.display("plans/RP-2026-012.md"))

        // A prose edit that alone would be incremental, built with --strict.
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        let strict = try sandbox.build(strict: true)
        try Self.check(strict, sandbox, mode: .full, strict: true)
        #expect(!strict.wrote && strict.hasErrors)
        #expect(strict.diagnostics.contains { $0.code == .templatePlaceholder && $0.severity == .error && $0.line == warning.line })
        #expect(try Self.tree(sandbox.output) == before)

        // Without --strict the edit is built (in full: the failed build left no cache).
        let relaxed = try sandbox.build()
        try Self.check(relaxed, sandbox, mode: nil)
        // And --strict after a good build still refuses, with the same errors as a clean strict build.
        let strictAgain = try sandbox.build(strict: true)
        try Self.check(strictAgain, sandbox, mode: .full, strict: true)
    }

    @Test func strictPartialBuildsOnceTheWarningIsFixed() throws {
        let sandbox = try Self.sandbox()
        defer { Self.remove(sandbox) }
        try sandbox.replace("**Validation Period**: [To be agreed with Model Risk]", with: "**Validation Period**: 3 months",
                            in: "plans/RP-2026-012.md")
        let first = try sandbox.build(strict: true)
        try Self.check(first, sandbox, mode: .full, strict: true)
        #expect(first.wrote && first.diagnostics.isEmpty)
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(strict: true), sandbox, mode: .partial(parsed: 1), strict: true)
        let before = try Self.tree(sandbox.output)
        // A warning is an error with --strict: nothing written.
        try sandbox.replace("with Dana Ortiz as final decision maker.", with: "with Dana Ortiz as <b>final</b> decision maker.", in: Self.plan)
        let failed = try sandbox.build(strict: true)
        try Self.check(failed, sandbox, mode: .full, strict: true)
        #expect(!failed.wrote && failed.diagnostics.map(\.severity) == [.error, .error])
        #expect(try Self.tree(sandbox.output) == before)
        try sandbox.replace("with Dana Ortiz as <b>final</b> decision maker.", with: Self.planSentence, in: Self.plan)
        try Self.check(try sandbox.build(strict: true), sandbox, mode: nil, strict: true)
    }

    // MARK: Several rebuilds in a row: the spare

    @Test func editsInARowReuseTheSpare() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let first = try Self.tree(sandbox.output)
        #expect(FileManager.default.fileExists(atPath: sandbox.spareRecord.path), "a full build keeps a spare of links to its files")
        for (step, edit) in Self.proseEdits.enumerated() {
            try sandbox.replace(edit.old, with: edit.new, in: edit.path)
            let report = try sandbox.build()
            try Self.check(report, sandbox, mode: .partial(parsed: 1), "step \(step): \(edit.path)")
            // The site before this one is kept for the next rebuild, with its note.
            #expect(FileManager.default.fileExists(atPath: sandbox.spare.path), "step \(step)")
            #expect(FileManager.default.fileExists(atPath: sandbox.spareRecord.path), "step \(step)")
            #expect(!(try Self.tree(sandbox.output)).keys.contains { $0.contains("planfolio-spare") })
        }
        // The same page edited twice in a row, then every edit undone one by one.
        let plan = Self.proseEdits[0]
        try sandbox.replace(plan.new, with: "with Dana Ortiz as the last decision maker.", in: plan.path)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "plan edited again")
        try sandbox.replace("with Dana Ortiz as the last decision maker.", with: plan.old, in: plan.path)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "plan undone")
        for edit in Self.proseEdits.dropFirst() {
            try sandbox.replace(edit.new, with: edit.old, in: edit.path)
            try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "undo \(edit.path)")
        }
        #expect(try Self.tree(sandbox.output) == first, "every edit undone: the first site again")
    }

    @Test func twoDocumentsEditedAtOnce() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        for edit in Self.proseEdits.prefix(2) { try sandbox.replace(edit.old, with: edit.new, in: edit.path) }
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 2))
    }

    // MARK: Saves that change nothing, files that are not documents

    @Test func sameBytesSavedAgainIsUnchanged() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        // After an incremental build too, whose records the no-change path reads.
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1))
        let files = try Self.files(sandbox.output)
        for path in [Self.plan, Self.investigation] {
            let bytes = try Data(contentsOf: sandbox.url(path))
            try FileManager.default.removeItem(at: sandbox.url(path))
            try bytes.write(to: sandbox.url(path))
        }
        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .unchanged)
        #expect(try Self.files(sandbox.output) == files)
    }

    @Test func hiddenFilesAndNotesDoNotCount() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let files = try Self.files(sandbox.output)
        // An editor's swap file appears: nothing to build.
        try sandbox.write("plans/.RP-2026-002.md.swp", "swap \u{1}\u{2}")
        try Self.check(try sandbox.build(), sandbox, mode: .unchanged, "swap file added")
        // The README note is edited: nothing to build.
        try sandbox.write("README.md", try sandbox.text("README.md") + "\nOne more note.\n")
        try Self.check(try sandbox.build(), sandbox, mode: .unchanged, "README edited")
        #expect(try Self.files(sandbox.output) == files)
        // The document is edited while the swap file changes and a hidden folder gets a file.
        try sandbox.write("plans/.RP-2026-002.md.swp", "swap \u{3}")
        try sandbox.write(".git/objects/ab", "object")
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "edit with swap file")
        // The swap file goes away with the next edit.
        try FileManager.default.removeItem(at: sandbox.url("plans/.RP-2026-002.md.swp"))
        try sandbox.replace("with Dana Ortiz as final decision maker.", with: Self.planSentence, in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "edit, swap file removed")
        // A new README note in a folder of documents: never wrong, whatever the path.
        try sandbox.write("plans/README.md", "# Notes\n\nNot a document.\n")
        try Self.check(try sandbox.build(), sandbox, mode: nil, "README added")
        try sandbox.write("plans/README.md", "# Notes\n\nStill not a document.\n")
        try Self.check(try sandbox.build(), sandbox, mode: .unchanged, "README added then edited")
    }

    /// A document that is a symbolic link to a file the loader would not read
    /// on its own (in a hidden folder, or a README): editing that file is
    /// editing the document.
    @Test(arguments: [".drafts/RP-2026-099.md", "notes/README.md"])
    func documentLinkedToAFileTheLoaderSkips(_ target: String) throws {
        let sandbox = try Self.sandbox()
        defer { Self.remove(sandbox) }
        let text = try sandbox.text("plans/RP-2026-011.md").replacingOccurrences(of: "RP-2026-011", with: "RP-2026-099")
        try sandbox.write(target, text)
        try FileManager.default.createSymbolicLink(atPath: sandbox.url("plans/RP-2026-099.md").path,
                                                   withDestinationPath: "../" + target)
        let first = try sandbox.build()
        try #require(first.wrote, "\(first.diagnostics)")
        try Self.check(first, sandbox, mode: .full)
        #expect(FileManager.default.fileExists(atPath: sandbox.output.appendingPathComponent("plans/RP-2026-099.html").path))

        try sandbox.replace("## Problem Summary\n", with: "## Problem Summary\n\nEdited through the link.\n", in: target)
        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: nil, "edit of \(target)")
        #expect(try sandbox.page("plans/RP-2026-099.html").contains("Edited through the link."))
    }

    /// The same through a linked folder: `plans/` is a link to a hidden folder.
    @Test func documentInALinkedHiddenFolder() throws {
        let sandbox = try Self.sandbox()
        defer { Self.remove(sandbox) }
        try FileManager.default.moveItem(at: sandbox.url("plans"), to: sandbox.url(".plans"))
        try FileManager.default.createSymbolicLink(atPath: sandbox.url("plans").path, withDestinationPath: ".plans")
        let first = try sandbox.build()
        try #require(first.wrote, "\(first.diagnostics)")
        try Self.check(first, sandbox, mode: .full)
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: ".plans/RP-2026-002.md")
        try Self.check(try sandbox.build(), sandbox, mode: nil)
        #expect(try sandbox.page("plans/RP-2026-002.html").contains("final decision maker"))
    }

    // MARK: Changes to the set of files

    struct FileChange: Sendable, CustomTestStringConvertible {
        var name: String
        /// Documents the build parses.
        var parsed: Int
        var apply: @Sendable (Sandbox) throws -> Void
        var testDescription: String { name }
    }

    static let fileChanges = [
        FileChange(name: "document added", parsed: 1) { sandbox in
            try sandbox.write("investigations/DIR-2026-099.md", """
                ---
                kind: investigation
                id: DIR-2026-099
                title: A follow-up investigation
                system: Credit Limit Recommender
                date: 2026-11-20
                assessment: FAF-2026-03-001
                ---

                # A follow-up investigation

                Opened after RP-2026-002.

                """)
        },
        FileChange(name: "document removed", parsed: 0) { sandbox in
            try FileManager.default.removeItem(at: sandbox.url("plans/RP-2026-011.md"))
        },
        FileChange(name: "document renamed", parsed: 1) { sandbox in
            try FileManager.default.moveItem(at: sandbox.url("plans/RP-2026-011.md"), to: sandbox.url("plans/RP-2026-011-renamed.md"))
        },
        FileChange(name: "evidence file changed", parsed: 0) { sandbox in
            let path = "investigations/evidence/DIR-2026-004-psi-by-week.csv"
            try sandbox.write(path, try sandbox.text(path) + "2026-04-13,0.320\n")
        },
    ]

    @Test(arguments: fileChanges)
    func changesToTheSetOfFiles(_ change: FileChange) throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        // After a partial build, so there is a spare.
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1))
        let before = try Self.tree(sandbox.output)
        try change.apply(sandbox)
        let report = try sandbox.build()
        try Self.check(report, sandbox, mode: .partial(parsed: change.parsed), change.name)
        #expect(try Self.tree(sandbox.output) != before)
        // And the next edit renders one page again.
        try sandbox.replace("with Dana Ortiz as final decision maker.", with: Self.planSentence, in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "edit after \(change.name)")
    }

    // MARK: Other builds in between

    @Test func optionChangesRenderEveryFile() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1))
        // Another day, with an edit: the edit alone would render one page.
        var later = sandbox.options()
        later.today = Day("2026-11-26")!
        try sandbox.replace("with Dana Ortiz as final decision maker.", with: Self.planSentence, in: Self.plan)
        let report = try Build.run(later)
        #expect(Expected.everyPage.matches(report), "\(report.mode)")
        var clean = later
        clean.output = sandbox.root.appendingPathComponent("Clean-later").path
        clean.useCache = false
        let cleanReport = try Build.run(clean)
        #expect(report.diagnostics == cleanReport.diagnostics)
        #expect(try Self.tree(sandbox.output) == (try Self.tree(URL(fileURLWithPath: clean.output))))
        #expect(try Build.run(later).mode == .unchanged)
        // Back to the first day: every page again.
        try Self.check(try sandbox.build(), sandbox, mode: .everyPage, "back to the first day")
    }

    @Test func checkAndNoCacheBuildsInBetween() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        // `check` writes nothing and leaves the session alone.
        var check = sandbox.options()
        check.write = false
        #expect(try Build.run(check).wrote == false)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "build after check")
        #expect(FileManager.default.fileExists(atPath: sandbox.spare.path))
        // A --no-cache build into the same folder forgets the session and the spare.
        try sandbox.replace("with Dana Ortiz as final decision maker.", with: Self.planSentence, in: Self.plan)
        var noCache = sandbox.options()
        noCache.useCache = false
        _ = try Build.run(noCache)
        #expect(!FileManager.default.fileExists(atPath: sandbox.spare.path))
        #expect(sandbox.store.restore() == nil)
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .full, "build after --no-cache")
        try sandbox.replace("with Dana Ortiz as final decision maker.", with: Self.planSentence, in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "and one page again")
    }

    // MARK: A damaged session

    struct Damage: Sendable, CustomTestStringConvertible {
        var name: String
        var apply: @Sendable (Sandbox) throws -> Void
        var testDescription: String { name }
    }

    static let damages = [
        Damage(name: "session.bin truncated") { sandbox in
            let bytes = try Data(contentsOf: sandbox.session)
            try bytes.prefix(bytes.count / 2).write(to: sandbox.session)
        },
        Damage(name: "session.bin one byte short") { sandbox in
            let bytes = try Data(contentsOf: sandbox.session)
            try bytes.dropLast().write(to: sandbox.session)
        },
        Damage(name: "session.bin garbage") { sandbox in
            let size = try Data(contentsOf: sandbox.session).count
            var generator = SeededGenerator(seed: 7)
            try Data((0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }).write(to: sandbox.session)
        },
        Damage(name: "session.bin empty") { sandbox in
            try Data().write(to: sandbox.session)
        },
        Damage(name: "faces.bin's last byte changed") { sandbox in
            var bytes = try Data(contentsOf: sandbox.faces)
            bytes[bytes.count - 40] ^= 0xFF
            try bytes.write(to: sandbox.faces)
        },
        Damage(name: "session.bin's last byte changed") { sandbox in
            var bytes = try Data(contentsOf: sandbox.session)
            bytes[bytes.count - 40] ^= 0xFF
            try bytes.write(to: sandbox.session)
        },
        Damage(name: "a byte of session.bin's site keys changed") { sandbox in
            var bytes = try Data(contentsOf: sandbox.session)
            // After the body, whose length the last eight bytes give, the site's keys, length-prefixed (`SessionStore.tail`).
            let bodyLength = bytes.suffix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
            var reader = RecordReader(Array(bytes), from: bodyLength)
            let keys = reader.raw()
            try #require(!reader.failed && keys.count > 64)
            bytes[keys.startIndex + keys.count / 2] ^= 0xFF
            try bytes.write(to: sandbox.session)
        },
        Damage(name: "faces.bin truncated") { sandbox in
            let bytes = try Data(contentsOf: sandbox.faces)
            try bytes.prefix(bytes.count / 2).write(to: sandbox.faces)
        },
        Damage(name: "faces.bin garbage") { sandbox in
            let size = try Data(contentsOf: sandbox.faces).count
            var generator = SeededGenerator(seed: 11)
            try Data((0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }).write(to: sandbox.faces)
        },
        Damage(name: "faces.bin gone") { sandbox in
            try FileManager.default.removeItem(at: sandbox.faces)
        },
        Damage(name: "spare.json garbage") { sandbox in
            try Data("{\"stamp\": 12, \"changed\": [".utf8).write(to: sandbox.spareRecord)
        },
        Damage(name: "spare.json gone") { sandbox in
            try FileManager.default.removeItem(at: sandbox.spareRecord)
        },
        Damage(name: "stray file in the spare") { sandbox in
            try Data("stray".utf8).write(to: sandbox.spare.appendingPathComponent("plans/stray.html"))
        },
        Damage(name: "stray folder in the spare") { sandbox in
            try FileManager.default.createDirectory(at: sandbox.spare.appendingPathComponent("stray"), withIntermediateDirectories: true)
            try Data("stray".utf8).write(to: sandbox.spare.appendingPathComponent("stray/page.html"))
        },
        Damage(name: "file removed from the spare") { sandbox in
            try FileManager.default.removeItem(at: sandbox.spare.appendingPathComponent("index.html"))
        },
        Damage(name: "spare's old page overwritten in place") { sandbox in
            // The spare's copy of the page the last build wrote is a file of its own.
            let handle = try FileHandle(forWritingTo: sandbox.spare.appendingPathComponent("plans/RP-2026-002.html"))
            try handle.write(contentsOf: Data("stale".utf8))
            try handle.close()
        },
        Damage(name: "stray file in the output") { sandbox in
            try Data("stray".utf8).write(to: sandbox.output.appendingPathComponent("plans/stray.html"))
        },
        Damage(name: "page in the output changed") { sandbox in
            try Data("changed".utf8).write(to: sandbox.output.appendingPathComponent("index.html"))
        },
        Damage(name: "session.bin's body's first bytes garbage") { sandbox in
            var bytes = try Data(contentsOf: sandbox.session)
            for index in 2..<min(40, bytes.count) { bytes[index] = 0x5A }
            try bytes.write(to: sandbox.session)
        },
        Damage(name: "session.bin's head garbage") { sandbox in
            var bytes = try Data(contentsOf: sandbox.session)
            // The head is last, before the eight bytes of the body's length.
            for index in max(0, bytes.count - 60)..<(bytes.count - 8) { bytes[index] = 0x5A }
            try bytes.write(to: sandbox.session)
        },
        Damage(name: "session.bin's body length wrong") { sandbox in
            var bytes = try Data(contentsOf: sandbox.session)
            bytes[bytes.count - 8] ^= 0x01
            try bytes.write(to: sandbox.session)
        },
    ]

    @Test(arguments: damages)
    func damagedCacheStillGivesTheCleanSite(_ damage: Damage) throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        try sandbox.replace(Self.planSentence, with: "with Dana Ortiz as final decision maker.", in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1))
        try #require(FileManager.default.fileExists(atPath: sandbox.spareRecord.path), "there is a spare to damage")
        try damage.apply(sandbox)

        // Edits elsewhere and of the same page: either needs what the cache says.
        try sandbox.replace("Nobody saw it for six", with: "Nobody saw it for seven", in: Self.investigation)
        try Self.check(try sandbox.build(), sandbox, mode: nil, damage.name)
        let output = try Self.tree(sandbox.output)
        #expect(!output.keys.contains { $0.contains("stray") })
        try sandbox.replace("with Dana Ortiz as final decision maker.", with: Self.planSentence, in: Self.plan)
        try Self.check(try sandbox.build(), sandbox, mode: nil, "\(damage.name), then another edit")
        try sandbox.replace("Nobody saw it for seven", with: "Nobody saw it for six", in: Self.investigation)
        try Self.check(try sandbox.build(), sandbox, mode: .partial(parsed: 1), "\(damage.name): one page again")
    }

    /// A CI job that caches the work folder but not the site: a fresh
    /// checkout (every file written anew, so every stamp changed) and no
    /// output. The build renders the whole site from the restored session,
    /// parsing the documents it knows only by their faces, and writes what a
    /// clean build writes.
    @Test func aSessionKeptWithoutItsSiteBuildsTheCleanSite() throws {
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        try FileManager.default.removeItem(at: sandbox.output)
        for path in try FileManager.default.subpathsOfDirectory(atPath: sandbox.input.path) where InputLoader.isDocumentPath(path) {
            let bytes = try Data(contentsOf: sandbox.url(path))
            try FileManager.default.removeItem(at: sandbox.url(path))
            try bytes.write(to: sandbox.url(path))
        }
        let report = try sandbox.build()
        #expect(report.mode == .full)
        try Self.check(report, sandbox, mode: nil, "work folder kept, site gone")
    }

    // MARK: A random walk

    /// Lines of prose in a document: after the front matter, outside code
    /// fences, starting with a letter (no list item, heading or table row).
    static func proseLines(_ text: String) -> [Int] {
        let lines = text.components(separatedBy: "\n")
        var result: [Int] = []
        var inFrontMatter = lines.first == "---", inFence = false
        for (index, line) in lines.enumerated() where index > 0 || !inFrontMatter {
            if inFrontMatter {
                if line == "---" { inFrontMatter = false }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
            if !inFence, let first = line.unicodeScalars.first, CharacterSet.letters.contains(first),
               line.split(separator: " ").contains(where: { $0.count >= 4 && $0.allSatisfy(\.isLetter) }) {
                result.append(index)
            }
        }
        return result
    }

    /// The walk's edits: the three of every walk, then three more kinds.
    static let walkOperations = ["word", "paragraph", "title", "mention", "line removed", "raw HTML"]

    /// Applies `operation` to `lines` (a document's); the mode the build must take, nil when it depends on the line.
    static func walk(_ operation: Int, _ lines: inout [String], step: Int, otherID: String,
                     random: inout SeededGenerator) throws -> Expected? {
        let candidates = proseLines(lines.joined(separator: "\n"))
        func proseLine() throws -> Int {
            try #require(!candidates.isEmpty, "no prose")
            return candidates[Int(random.next() % UInt64(candidates.count))]
        }
        switch operation {
        case 0, 5:
            let index = try proseLine()
            var words = lines[index].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let replaceable = words.indices.filter { words[$0].count >= 4 && words[$0].allSatisfy(\.isLetter) }
            let at = replaceable[Int(random.next() % UInt64(replaceable.count))]
            words[at] = operation == 0 ? "walked\(step)" : "<em>\(words[at])</em>"
            lines[index] = words.joined(separator: " ")
            return nil  // a word in an intervention's description is in the face
        case 1:
            if lines.last == "" { lines.removeLast() }
            lines += ["", "Paragraph appended by step \(step) of the walk.", ""]
            return nil  // after a table, a row of it
        case 2:
            let index = try #require(lines.firstIndex { $0.hasPrefix("title:") }, "no title")
            lines[index] = "title: Walked title \(step)"
            return .partial(parsed: 1)
        case 3:
            let index = try proseLine()
            lines[index] += " See \(otherID)."
            return nil
        default:
            lines.remove(at: try proseLine())
            return nil  // lines below it move up: a full build when a table is below
        }
    }

    /// One edit of the walk: a document chosen at random, the first three
    /// kinds of edit twice as often as the others; the file written.
    static func walkStep(_ sandbox: Sandbox, documents: [String], step: Int,
                         random: inout SeededGenerator) throws -> (path: String, context: String, expected: Expected?) {
        let path = documents[Int(random.next() % UInt64(documents.count))]
        var lines = try sandbox.text(path).components(separatedBy: "\n")
        var operation = Int(random.next() % 9)
        operation = operation < 6 ? operation % 3 : operation - 3
        // A plan on the bare template has no front matter (its id is in the body): it gets a paragraph instead.
        if operation == 2 && !lines.contains(where: { $0.hasPrefix("title:") }) { operation = 1 }
        let other = documents[Int(random.next() % UInt64(documents.count))]
        let otherID = ((other as NSString).lastPathComponent as NSString).deletingPathExtension
        let expected = try walk(operation, &lines, step: step, otherID: otherID, random: &random)
        try sandbox.write(path, lines.joined(separator: "\n"))
        return (path, "\(walkOperations[operation]) in \(path)", expected)
    }

    /// The walk's seed and length: `PLANFOLIO_WALK_SEED` and `PLANFOLIO_WALK_STEPS`, else these.
    static func walkSettings(seed: UInt64, steps: Int) -> (seed: UInt64, steps: Int) {
        let environment = ProcessInfo.processInfo.environment
        return (environment["PLANFOLIO_WALK_SEED"].flatMap { UInt64($0) } ?? seed,
                environment["PLANFOLIO_WALK_STEPS"].flatMap { Int($0) } ?? steps)
    }

    @Test func seededRandomWalkOfEdits() throws {
        let (seed, steps) = Self.walkSettings(seed: 20_261_126, steps: 15)
        var random = SeededGenerator(seed: seed)
        let sandbox = try Self.built()
        defer { Self.remove(sandbox) }
        let documents = try FileManager.default.subpathsOfDirectory(atPath: sandbox.input.path)
            .filter { InputLoader.isDocumentPath($0) }.sorted()
        try #require(documents.count >= 2, "the walk edits two documents at once now and then")
        var reports: [BuildReport] = []
        for step in 1...steps {
            // Now and then two documents at once.
            let count = random.next() % 4 == 0 ? 2 : 1
            var expected: Expected?
            var context = "seed \(seed) (PLANFOLIO_WALK_SEED), step \(step):"
            for _ in 0..<count {
                let edit = try Self.walkStep(sandbox, documents: documents, step: step, random: &random)
                context += " \(edit.context)"
                expected = edit.expected
            }
            let report = try sandbox.build()
            try Self.check(report, sandbox, mode: count == 1 ? expected : nil, context)
            reports.append(report)
        }
        // Both kinds of edit came up: one that renders its own page alone, one that renders the site-wide pages too.
        let modes = reports.map(\.mode)
        #expect(reports.contains { Expected.partial(parsed: 1, rendered: 2).matches($0) }, "seed \(seed): \(modes)")
        #expect(modes.contains { if case .partial(let rendered, _) = $0 { rendered > 10 } else { false } }, "seed \(seed): \(modes)")
    }

    /// The walk as `serve` runs it: one session for the whole walk, each
    /// rebuild told only the files the watcher saw change (`InputChanges`)
    /// and building into a folder it owns (`ownsOutput`), with evidence
    /// files added, renamed and removed beside the edits. After every step
    /// the site and diagnostics are a clean build's.
    @Test func seededRandomWalkOnOneSessionToldWhatChanged() throws {
        let (seed, steps) = Self.walkSettings(seed: 20_261_207, steps: 12)
        var random = SeededGenerator(seed: seed)
        let sandbox = try Self.sandbox()
        defer { Self.remove(sandbox) }
        let builder = try Self.previewBuilder(sandbox)
        let documents = try FileManager.default.subpathsOfDirectory(atPath: sandbox.input.path)
            .filter { InputLoader.isDocumentPath($0) }.sorted()
        let root = InputChanges.absolute(sandbox.input.path)
        var evidence: [String] = []
        for step in 1...steps {
            var touched: [String] = []
            var context = "seed \(seed) (PLANFOLIO_WALK_SEED), step \(step):"
            switch random.next() % 4 {
            case 0 where !evidence.isEmpty:
                let path = evidence.removeLast()
                if random.next() % 2 == 0 {
                    try FileManager.default.removeItem(at: sandbox.url(path))
                    context += " removed \(path)"
                } else {
                    let renamed = "plans/renamed-\(step).txt"
                    try FileManager.default.moveItem(at: sandbox.url(path), to: sandbox.url(renamed))
                    evidence.append(renamed)
                    touched.append(renamed)
                    context += " renamed \(path)"
                }
                touched.append(path)
            case 1:
                let path = "plans/evidence-\(step).txt"
                try sandbox.write(path, "Evidence of step \(step).\n")
                evidence.append(path)
                touched.append(path)
                context += " added \(path)"
            default:
                let edit = try Self.walkStep(sandbox, documents: documents, step: step, random: &random)
                touched.append(edit.path)
                context += " \(edit.context)"
            }
            let result = builder.rebuild(changes: InputChanges(paths: Set(touched.map { root + "/" + $0 })))
            try Self.expectClean(try #require(result.report, "\(context) \(result)"), sandbox, context)
        }
    }
}
