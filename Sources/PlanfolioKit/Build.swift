import Foundation
import PlanfolioMarkdown

/// What a build or check was asked to do.
public struct BuildOptions: Sendable {
    public var input: String = "Plans"
    public var output: String = "Output"
    /// The theme folder; nil means `Theme` when it exists.
    public var theme: String?
    public var today: Day
    public var config = SiteConfig()
    /// `--config`: the `planfolio.yml` to read; nil means the one beside the input folder, if any.
    public var configPath: String?
    /// `--base-url`: overrides `baseURL` from the config.
    public var baseURL: String?
    /// Treat warnings as errors.
    public var strict = false
    /// False for `check`: everything but writing.
    public var write = true
    /// Told how far the build is, for a progress line; nil for none.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Threads for parsing and rendering; nil means every core. 1 gives a one-thread build (tests compare the two).
    public var threads: Int?
    /// False for `--no-cache`: start from an empty session and keep none (`SessionStore`).
    public var useCache = true
    /// What git history the build reads (docs/history.md).
    public var history = HistoryOptions()
    /// `today` came from the clock (neither `--today` nor `SOURCE_DATE_EPOCH`): `--as-of` moves it to its commit's day.
    public var todayFromClock = false
    /// What changed in the input since the session's last build, when a
    /// watcher knows (`serve`); nil lists the input folder anew.
    public var inputChanges: InputChanges?
    /// The output folder is this process's own (`serve`'s private folder):
    /// the site the session wrote there is taken as it left it, without
    /// stat-ing every file. False for a folder anyone else may touch.
    public var ownsOutput = false

    public init(today: Day) {
        self.today = today
    }
}

/// What a build did, for the command line to report and turn into an exit code.
public struct BuildReport: Sendable {
    /// Sorted by file and line; with `strict`, warnings are already errors.
    public var diagnostics: [Diagnostic]
    public var documentsRead: Int
    public var pagesWritten: Int
    public var wrote: Bool
    /// Of the site's files, how many are as the previous site had them (not written again, or written with the same bytes).
    public var filesUnchanged = 0
    /// How much of the site this build made.
    public var mode = Mode.full
    /// Each document's page, by the document's display path (the `file` of its
    /// diagnostics), also when there are errors: `planfolio serve` puts the
    /// diagnostics on the page they belong to with it. Empty in a report
    /// restored from disk for a build with nothing changed.
    public var pages: [String: String] = [:]
    /// The site files this build wrote with new bytes or removed, when the
    /// build started from the last site (nil when it wrote a whole new one).
    public var changedFiles: [String]?

    public enum Mode: Sendable, Equatable {
        /// Every file of the site rendered.
        case full
        /// Nothing changed since the last build: nothing rendered or written.
        case unchanged
        /// Only the files whose keys changed (`SitePlan`); `parsed` documents were parsed.
        case partial(rendered: Int, parsed: Int)
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// The pipeline: settings, load, parse, link, compute, render, write. Only
/// this type knows the order; every stage is a function from values to
/// values, and each step asks the session (`BuildSession`) for what the
/// last build made of the same values first, so a cold build, a build with
/// nothing changed and a build after an edit are the same run.
public enum Build {
    /// A build or check in a process of its own, continuing from the session
    /// the last build kept beside the output (`SessionStore`), and keeping
    /// this one's for the next.
    public static func run(_ options: BuildOptions) throws(PlanfolioError) -> BuildReport {
        // A build of a commit (`--as-of`) reads its documents from git's objects alone: it keeps no session.
        let store = options.useCache && options.history.asOf == nil ? SessionStore(output: options.output) : nil
        let session = store?.restore() ?? BuildSession()
        let report: BuildReport
        do {
            report = try run(options, session: session, keepingIn: options.write ? store : nil)
        } catch {
            session.saving?.abandon()
            throw error
        }
        if options.write {
            // Without the cache, the session the last build kept describes a site that is gone.
            if let store { if session.unsaved { store.save(session) } } else { SessionStore(output: options.output).forget() }
        }
        // Freeing every document (millions of small allocations) is left to
        // another thread; the command exits without waiting for it. The
        // binding is consumed: were it to outlive the call, this thread would
        // often drop the last reference and free it all itself.
        releaseInBackground(consume session)
        return report
    }

    /// One build on a session that lives on (`serve`, tests).
    public static func run(_ options: BuildOptions, session: BuildSession) throws(PlanfolioError) -> BuildReport {
        try run(options, session: session, keepingIn: nil)
    }

    /// `store`: where the session is kept when the build writes a site, saving begun while the pages
    /// are planned and rendered (`BuildSession.saving`) and finished by `SessionStore.save`.
    static func run(_ options: BuildOptions, session: BuildSession, keepingIn store: SessionStore?) throws(PlanfolioError) -> BuildReport {
        session.lock.lock()
        defer { session.lock.unlock() }
        do {
            return try ConcurrentMap.withThreads(options.threads) { try steps(options, session: session, store: store) }
        } catch let error as PlanfolioError {
            throw error
        } catch {
            throw PlanfolioError("\(error)")
        }
    }

    private static func steps(_ options: BuildOptions, session: BuildSession, store: SessionStore?) throws(PlanfolioError) -> BuildReport {
        options.progress?(BuildProgress(stage: .reading, done: 0, total: 0))
        var options = options
        let head = try HistoryHead.find(input: options.input, options: options.history)
        if let asOf = head.asOf, options.todayFromClock { options.today = asOf.day }
        // A session with nothing kept (a fresh clone, `--no-cache`) needs the whole git log: git starts on it now.
        let earlyLog = session.report == nil && session.history == nil ? startLogRead(head) : nil
        let settings = try Settings.load(&options)
        // The output folder is stamped on a thread of its own while the input is listed.
        let output = options.write ? options.output : nil
        let trusted = options.ownsOutput ? session.site.flatMap { OutputState(output: options.output, trusting: $0) } : nil
        let stamping = BackgroundWork([{ @Sendable () -> OutputState? in trusted ?? output.map { OutputState(output: $0) } }], lanes: 1)
        let listing: InputListing
        do {
            if let asOf = head.asOf, let repository = head.repository {
                listing = try CommitInput.listing(repository, commit: asOf.commit, input: options.input)
            } else if let changes = options.inputChanges, let last = session.listing,
                      let restamped = InputLoader.restamp(last, changed: changes, input: options.input) {
                listing = restamped
            } else {
                listing = try InputLoader.scan(input: options.input)
            }
        } catch {
            _ = stamping.wait()
            throw error
        }
        session.listing = head.asOf == nil ? listing : nil
        let listingKey = Self.listingKey(listing)
        let outputNow = stamping.wait()[0]

        // Nothing read has changed, and the site is as the last build left it (or the last run found errors): its report stands.
        if let report = session.report, session.settingsKey == settings.key, session.listingKey == listingKey,
           session.strict == options.strict, session.history?.headKey == head.key,
           !options.write || report.hasErrors || (report.wrote && session.site.map { outputNow?.matches($0) ?? false } ?? false) {
            var unchanged = report
            unchanged.mode = .unchanged
            unchanged.wrote = options.write && report.wrote
            unchanged.filesUnchanged = unchanged.wrote ? session.site?.files ?? 0 : 0
            unchanged.changedFiles = []
            return unchanged
        }

        // The output is the site the session wrote: the new one is staged
        // from it (its files linked, or the spare brought up to date) on a
        // thread of its own while the session is read and the documents
        // checked. A build that then writes nothing keeps it as the spare.
        let siteKept = session.site.map { outputNow?.matches($0) ?? false } ?? false
        let stager = options.write && siteKept ? BackgroundStager.startFromCurrentSite(output: options.output) : nil
        defer {
            // Linking the output's files changed their change times: the session's stamp follows.
            if let entries = stager?.keepUnusedAsSpare(previousEntries: outputNow?.entries) {
                session.site?.stamp = OutputStamp.hash(entries)
                session.site?.entries = entries
            }
        }

        session.materialize()
        session.unsaved = true
        // Load and parse: only the files whose stamp or bytes changed.
        options.progress?(BuildProgress(stage: .checking, done: 0, total: listing.entries.count))
        // Git's id of each document read, for the history step, while its bytes are in hand (SHA-1 repositories).
        let idsWanted = head.wanted && head.unusable == nil && head.asOf == nil && head.tip?.utf8.count == 40
        // Every page will be rendered when the output is not the site the session wrote: a
        // document known only by its face (a restored session) is parsed with the rest, on all cores.
        let (parsedCount, gitIDs) = load(listing, input: options.input, into: session, gitIDs: idsWanted,
                                         treesWanted: options.write && !siteKept)
        session.listingKey = listingKey
        session.listingDiagnostics = listing.diagnostics
        let theme = compileTheme(settings, session: session)

        // Link, history, linked files, compute.
        // What Link keys on, hashed once for the work ahead and for Link.
        let key = linkKey(session)
        if options.write { decodeFacesAhead(session, linkKey: key) }
        defer {
            session.ahead = nil
            session.statusesAhead = nil
        }
        link(session, key: key)
        try history(session, head: head, listing: listing, settings: settings, options: options, earlyLog: earlyLog, gitIDs: gitIDs)
        let linked = linkFiles(listing, session: session, options: options)
        compute(session, settings: settings, options: options)
        // What the session keeps on disk is known now: it is written while the rest runs.
        if let store { session.saving = store.start(session) }

        let diagnostics = diagnostics(session, settings: settings, theme: theme, linked: linked, options: options)
        var report = BuildReport(diagnostics: diagnostics, documentsRead: session.documents.count, pagesWritten: 0, wrote: false)
        report.pages = session.pagesByDisplayPath()
        session.settingsKey = settings.key
        session.strict = options.strict
        guard options.write, !diagnostics.hasErrors, let compiled = theme.theme, let portfolio = session.link?.portfolio else {
            session.report = report
            return report
        }

        // Render and write what changed.
        let written = try renderAndWrite(session, portfolio: portfolio, theme: compiled, linked: linked, settings: settings,
                                         options: options, outputNow: outputNow, stager: stager)
        report.wrote = true
        report.pagesWritten = written.pages
        report.filesUnchanged = written.unchanged
        report.changedFiles = written.changed
        report.mode = written.full ? .full : written.rendered == 0 ? .unchanged : .partial(rendered: written.rendered, parsed: parsedCount)
        session.report = report
        return report
    }

    /// The whole build in memory: what `run` does short of touching the disk,
    /// with every file of the site sorted by path (tests and small sites).
    public static func site(from loaded: LoadedInput, theme themeFiles: ThemeFiles, themePath: String = "Theme",
                            options: BuildOptions) -> (report: BuildReport, files: [OutputFile]) {
        ConcurrentMap.withThreads(options.threads) {
            let session = BuildSession()
            let parsed = ConcurrentMap.map(loaded.files) { BuildSession.ParsedDocument.parse($0) }
            session.documentOrder = loaded.files.map(\.path)
            for (file, result) in zip(loaded.files, parsed) {
                session.documents[file.path] = BuildSession.DocumentEntry(stamp: "", contentHash: SessionStore.contentHash(file.text),
                                                                         parsed: result.parsed, problems: result.problems)
            }
            for asset in loaded.assets { session.assets[asset] = .init(stamp: "", svg: loaded.svgs[asset]) }
            session.svgCopies = loaded.svgCopies
            let settings = Settings(config: options.config, configDiagnostics: [], themeFiles: themeFiles, themePath: themePath, key: .none)
            let theme = compileTheme(settings, session: session)
            link(session, key: linkKey(session))
            let listing = InputListing(entries: loaded.assets.map { .init(path: $0, absolute: $0, role: .asset, stamp: "") },
                                       diagnostics: loaded.diagnostics)
            let linked = linkFiles(listing, session: session, options: options)
            compute(session, settings: settings, options: options)
            let diagnostics = diagnostics(session, settings: settings, theme: theme, linked: linked, options: options)
            var report = BuildReport(diagnostics: diagnostics, documentsRead: loaded.files.count, pagesWritten: 0, wrote: false)
            report.pages = session.pagesByDisplayPath()
            guard !diagnostics.hasErrors, let compiled = theme.theme, let portfolio = session.link?.portfolio,
                  let status = session.status?.status else { return (report, []) }
            var inputs = SiteRenderer.Inputs(portfolio: portfolio, config: options.config, today: options.today, theme: compiled, status: status)
            inputs.links = linked.bySource
            inputs.linkedFiles = linked.files.paths
            inputs.input = options.input
            inputs.svgCopies = session.svgCopies
            inputs.searchTexts = searchTexts(session)
            inputs.portfolio = completing(portfolio, ids: nil, to: .tree, session: session, input: options.input)
            var files: [OutputFile] = []
            SiteRenderer.render(SiteRenderer.plan(inputs, keys: nil), inputs: inputs) { files += $0 }
            files.sort { $0.path < $1.path }
            return (report, files)
        }
    }

    // MARK: The steps

    /// The listing's paths, roles and stamps as one hash.
    private static func listingKey(_ listing: InputListing) -> Digest {
        var hasher = StableHasher()
        hasher.combine(listing.entries.count)
        for entry in listing.entries {
            hasher.combine(entry.path)
            hasher.combine(entry.stamp)
        }
        hasher.combine(listing.diagnostics.count)
        return hasher.digest()
    }

    /// Load and Parse: reads the documents whose stamp changed, parses those
    /// whose bytes changed, forgets the files that are gone; checks the
    /// changed assets. Returns how many documents were parsed, and with
    /// `gitIDs` git's id of each document file read (by path), so that the
    /// history step need not read it again.
    /// `treesWanted`: every document's tree will be read (a whole site is
    /// rendered), so a document the session knows only by its face is read
    /// and parsed here with the others rather than one by one later.
    private static func load(_ listing: InputListing, input: String, into session: BuildSession,
                             gitIDs: Bool, treesWanted: Bool) -> (parsed: Int, gitIDs: [String: String]) {
        // The session's entries are changed in place: at 20,000 documents, building a new table each time cost more than the rest of the step.
        var documents = session.documents
        session.documents = [:]
        let order = listing.entries.compactMap { $0.role == .document ? $0.path : nil }
        for path in Self.removed(from: session.documentOrder, keeping: order) { documents[path] = nil }
        var toRead: [InputListing.Entry] = []
        var assets: [String: BuildSession.AssetEntry] = [:]
        var assetsToCheck: [InputListing.Entry] = []
        for entry in listing.entries {
            switch entry.role {
            case .document:
                let known = documents[entry.path]
                if known?.stamp != entry.stamp || (treesWanted && (known?.parsed?.completeness ?? .tree) < .tree) {
                    toRead.append(entry)
                }
            case .asset:
                if let known = session.assets[entry.path], known.stamp == entry.stamp {
                    assets[entry.path] = known
                } else {
                    assetsToCheck.append(entry)
                }
            case .note:
                continue
            }
        }
        let previous = toRead.map { documents[$0.path] }
        let results = ConcurrentMap.map(Array(zip(toRead, previous)))
            { entry, known -> (String, BuildSession.DocumentEntry, parsed: Bool, gitID: String?) in
                switch InputLoader.read(entry, input: input) {
                case .problem(let diagnostic):
                    return (entry.path, .init(stamp: entry.stamp, contentHash: .none, parsed: nil, problems: [diagnostic]), false, nil)
                case .file(let file):
                    let hash = SessionStore.contentHash(file.text)
                    // The text is the file's bytes, unchanged (only checked to be UTF-8).
                    let gitID = gitIDs ? SHA1.blobID(Array(file.text.utf8)) : nil
                    // Saved again with the same bytes: the same document.
                    if var same = known, same.contentHash == hash, same.parsed != nil || !same.problems.isEmpty,
                       !(treesWanted && (same.parsed?.completeness ?? .tree) < .tree) {
                        same.stamp = entry.stamp
                        return (entry.path, same, false, gitID)
                    }
                    let result = BuildSession.ParsedDocument.parse(file)
                    return (entry.path, .init(stamp: entry.stamp, contentHash: hash, parsed: result.parsed, problems: result.problems), true, gitID)
                }
        }
        var parsedCount = 0
        var ids: [String: String] = [:]
        for (path, entry, parsed, gitID) in results {
            documents[path] = entry
            if parsed { parsedCount += 1 }
            if let gitID { ids[path] = gitID }
        }
        // An SVG is read and its clean copy made here (`SVGSanitizer`); other files are copied as they are when published.
        let checked = ConcurrentMap.map(assetsToCheck) { entry -> SVGSanitizer.Outcome? in
            ActiveContent.fileExtension(entry.path) == "svg" ? InputLoader.readSVG(entry) : nil
        }
        for (entry, outcome) in zip(assetsToCheck, checked) {
            session.svgCopies[entry.path] = nil
            switch outcome {
            case .published(let copy, let leftOut)?:
                assets[entry.path] = .init(stamp: entry.stamp, svg: .published(leftOut: leftOut))
                session.svgCopies[entry.path] = copy
            case .refused(let reason)?:
                assets[entry.path] = .init(stamp: entry.stamp, svg: .refused(reason))
            case nil:
                assets[entry.path] = .init(stamp: entry.stamp, svg: nil)
            }
        }
        for path in session.svgCopies.keys where assets[path] == nil { session.svgCopies[path] = nil }
        session.documents = documents
        session.documentOrder = order
        session.assets = assets
        return (parsedCount, ids)
    }

    /// The paths of `old` that are not in `new`, both sorted.
    static func removed(from old: [String], keeping new: [String]) -> [String] {
        var removed: [String] = []
        var index = 0
        for path in old {
            while index < new.count, new[index] < path { index += 1 }
            if index == new.count || new[index] != path { removed.append(path) }
        }
        return removed
    }

    /// The theme compiled, once per distinct set of theme files.
    private static func compileTheme(_ settings: Settings, session: BuildSession) -> (key: Digest, theme: CompiledTheme?, diagnostics: [Diagnostic]) {
        if let known = session.theme, known.key == settings.themeKey { return known }
        let (theme, diagnostics) = CompiledTheme.compile(settings.themeFiles, themePath: settings.themePath)
        session.theme = (settings.themeKey, theme, diagnostics)
        return (settings.themeKey, theme, diagnostics)
    }

    /// Link: again only when some document's face changed, or one came or went.
    /// Then the documents whose prose may mention an id whose page moved,
    /// came, went or was retitled get a new mentions version.
    /// `key`: `linkKey` of the session.
    private static func link(_ session: BuildSession, key: Digest) {
        let paths = session.documentOrder
        if let known = session.link, known.key == key { return }
        let documents = paths.compactMap { session.documents[$0]?.parsed?.document }
        // Only what Link does not read changed (a title, a table row): the same links, with the documents as they are now.
        let shape = Linker.shape(of: documents)
        let portfolio: Portfolio, diagnostics: [Diagnostic]
        if let known = session.link, known.shape == shape {
            (portfolio, diagnostics) = (Linker.relink(known.portfolio, with: documents), known.diagnostics)
        } else {
            (portfolio, diagnostics) = Linker.link(documents)
        }
        var targets: [String: IDLinker.Target] = [:]
        for document in portfolio.documents { targets[document.id] = IDLinker.Target(path: document.url, title: document.title) }
        if let old = session.link?.targets {
            let moved = Set(targets.keys).union(old.keys).filter { targets[$0] != old[$0] }.sorted()
            if !moved.isEmpty {
                for path in paths {
                    // The filter alone first: binding `parsed` would copy every field of it, for every document.
                    guard let mentions = session.documents[path]?.parsed?.mentions, moved.contains(where: { mentions.mayMention($0) }),
                          var parsed = session.documents[path]?.parsed else { continue }
                    var version = StableHasher()
                    version.combine(parsed.mentionsVersion)
                    for id in moved where parsed.mentions.mayMention(id) {
                        version.combine(id)
                        version.combine(targets[id]?.path ?? "")
                        version.combine(targets[id]?.title ?? "")
                    }
                    parsed.mentionsVersion = version.digest()
                    session.documents[path]?.parsed = parsed
                }
            }
        }
        session.link = .init(key: key, shape: shape, portfolio: portfolio, diagnostics: diagnostics, targets: targets,
                             shown: shownByID(portfolio))
    }

    /// What Link keys on: every document's path and face.
    private static func linkKey(_ session: BuildSession) -> Digest {
        var hasher = StableHasher()
        for path in session.documentOrder {
            hasher.combine(path)
            hasher.combine(session.faceHash(of: path))
        }
        return hasher.digest()
    }

    /// When a face changed, the site-wide pages, which show every document,
    /// will read every document's whole face and status, and a restored
    /// session holds light faces (`DocumentFace.decodeLight`) and no
    /// statuses. The faces are decoded on a thread of their own from before
    /// Link (`statusesAhead` then adds the statuses), while this one links
    /// and computes; the next `completing` of every document takes them.
    private static func decodeFacesAhead(_ session: BuildSession, linkKey: Digest) {
        guard session.link.map({ $0.key != linkKey }) ?? false else { return }
        var light: [(source: String, faceHash: Digest, face: [UInt8], body: MarkdownNode)] = []
        for path in session.documentOrder {
            // Through the entry's reference: binding `parsed` would copy every field of it.
            guard let entry = session.documents[path], entry.parsed?.completeness == .light,
                  let faceHash = entry.parsed?.faceHash, let face = entry.parsed?.face, let body = entry.parsed?.document.body else { continue }
            light.append((path, faceHash, face, body))
        }
        guard !light.isEmpty else { return }
        session.ahead = BackgroundWork([{ [light] in
            BuildSession.Ahead(faces: light.compactMap { item -> BuildSession.FaceAhead? in
                var reader = RecordReader(item.face)
                guard let document = DocumentFace.decode(&reader, body: item.body), !reader.failed, reader.isAtEnd else { return nil }
                return BuildSession.FaceAhead(source: item.source, faceHash: item.faceHash, document: document)
            }, statuses: nil)
        }], lanes: 1)
    }

    /// With the faces decoding ahead (`decodeFacesAhead`) and the statuses
    /// not all known, every status is worked out after them, on the same
    /// thread, from the linked portfolio with those faces: what `compute`
    /// would give for `key`.
    private static func statusesAhead(_ session: BuildSession, key: Digest, settings: Settings, options: BuildOptions) {
        guard let faces = session.ahead, let linked = session.link?.portfolio, session.status?.complete != true else { return }
        let config = settings.config, today = options.today, histories = session.history?.view?.plans ?? [:]
        session.ahead = BackgroundWork([{
            let decoded = faces.wait().first?.faces ?? []
            var portfolio = linked
            for face in decoded {
                guard let index = portfolio.index(of: face.document.id), portfolio.documents[index].source == face.source else { continue }
                portfolio.documents[index] = face.document
            }
            // One thread: the other is this build's.
            let (status, _) = ConcurrentMap.withThreads(1) {
                StatusComputer.compute(portfolio: portfolio, config: config, today: today, histories: histories)
            }
            return BuildSession.Ahead(faces: decoded, statuses: (key, status))
        }], lanes: 1)
    }

    /// Each document's links to files and documents, resolved from what
    /// parsing collected (no tree is read), and the files to publish.
    struct Linked {
        var files: LinkedFiles
        var bySource: [String: LinkedFiles.Resolution]
        /// Site path of each published file, with its stamp.
        var stamps: [String: String]
    }

    private static func linkFiles(_ listing: InputListing, session: BuildSession, options: BuildOptions) -> Linked {
        guard let link = session.link else { return Linked(files: LinkedFiles(paths: [], diagnostics: []), bySource: [:], stamps: [:]) }
        let portfolio = link.portfolio
        let assetPaths = session.assets.keys.sorted()
        var svgs: [String: SVGVerdict] = [:]
        var hasher = StableHasher()
        hasher.combine(link.key)
        hasher.combine(assetPaths.count)
        for path in assetPaths {
            hasher.combine(path)
            guard let verdict = session.assets[path]?.svg else { continue }
            svgs[path] = verdict
            hasher.combine(String(reflecting: verdict))
        }
        // What a document's links resolve to depends on its links, the documents and the files;
        // only documents whose links were resolved against others are resolved again.
        let key = hasher.digest()
        var bySource: [String: LinkedFiles.Resolution] = [:]
        var used = Set<String>()
        var diagnostics: [Diagnostic] = []
        for document in portfolio.documents {
            // Read through the entry's reference: binding `parsed` would copy every field of it.
            guard let entry = session.documents[document.source], entry.parsed?.links.isEmpty == false else { continue }
            if entry.parsed?.resolved?.key != key, let links = entry.parsed?.links {
                // The documents' pages by source path, made once per link and set of files.
                if session.linkContext?.key != key {
                    var sources: [String: String] = [:]
                    sources.reserveCapacity(portfolio.documents.count)
                    for document in portfolio.documents { sources[document.source] = document.url }
                    session.linkContext = (key, sources, Set(assetPaths))
                }
                let resolution = LinkedFiles.resolve(links, source: document.source, display: document.displayPath, page: document.url,
                                                     sources: session.linkContext?.sources ?? [:], assets: session.linkContext?.assets ?? [],
                                                     svgs: svgs)
                var rewrites = StableHasher()
                for (url, replacement) in resolution.replacements.sorted(by: { $0.key < $1.key }) {
                    rewrites.combine(url)
                    rewrites.combine(replacement)
                }
                session.documents[document.source]?.parsed?.resolved = .init(key: key, resolution: resolution, digest: rewrites.digest())
            }
            guard let resolution = session.documents[document.source]?.parsed?.resolved?.resolution,
                  resolution != LinkedFiles.Resolution() else { continue }
            bySource[document.source] = resolution
            used.formUnion(resolution.used)
            diagnostics += resolution.diagnostics
        }
        var files = LinkedFiles(paths: used.sorted(), diagnostics: diagnostics)
        for (source, resolution) in bySource where !resolution.used.isEmpty { files.pathsBySource[source] = resolution.used }
        var stamps: [String: String] = [:]
        for path in files.paths { stamps[LinkedFiles.folder + "/" + path] = session.assets[path]?.stamp ?? "" }
        return Linked(files: files, bySource: bySource, stamps: stamps)
    }

    /// Compute: again only when the links, the config or the day changed;
    /// each document's view key with it. When only the links changed, only
    /// the documents whose inputs changed (`StatusComputer.inputKeys`, and
    /// what else their view key reads) are computed again; the others keep
    /// their view keys and diagnostics, as a whole computation would give them.
    private static func compute(_ session: BuildSession, settings: Settings, options: BuildOptions) {
        guard let link = session.link else { return }
        var rulesHasher = StableHasher()
        rulesHasher.combine(options.today.description)
        rulesHasher.combine(String(reflecting: settings.config))
        rulesHasher.combine(session.history?.view?.plansKey ?? .none)
        let rules = rulesHasher.digest()
        var hasher = StableHasher()
        hasher.combine(link.key)
        hasher.combine(rules)
        let key = hasher.digest()
        if let known = session.status, known.key == key { return }
        statusesAhead(session, key: key, settings: settings, options: options)
        let inputs = viewInputs(link.portfolio, session: session)
        if let known = session.status, known.rules == rules, !known.inputs.isEmpty {
            let changed = Set(inputs.compactMap { id, input in known.inputs[id] == input ? nil : id })
            // Many at once (a branch checked out): the whole computation, on all cores, is as quick.
            if changed.count * 4 <= inputs.count {
                return computeAgain(changed, known: known, key: key, inputs: inputs, session: session, settings: settings, options: options)
            }
        }
        let portfolio = completing(link.portfolio, ids: nil, to: .face, session: session, input: options.input)
        session.link?.portfolio = portfolio
        let (status, diagnostics) = StatusComputer.compute(portfolio: portfolio, config: settings.config, today: options.today,
                                                           histories: session.history?.view?.plans ?? [:])
        var viewKeys: [String: Digest] = [:]
        let keys = ConcurrentMap.map(portfolio.documents) { viewKey(of: $0, status: status, portfolio: portfolio, session: session) }
        for (document, viewKey) in zip(portfolio.documents, keys) { viewKeys[document.id] = viewKey }
        session.status = .init(key: key, rules: rules, inputs: inputs, status: status, complete: true, diagnostics: diagnostics,
                               viewKeys: viewKeys, neighbourhoods: neighbourhoods(session, portfolio: portfolio, views: viewKeys))
    }

    /// `compute` for the documents `changed` alone, the rest taken from `known`.
    private static func computeAgain(_ changed: Set<String>, known: BuildSession.StatusResult, key: Digest, inputs: [String: Digest],
                                     session: BuildSession, settings: Settings, options: BuildOptions) {
        guard let link = session.link else { return }
        // A review's openness reads the faces of the plans that refer to it.
        var faces = changed
        for plans in OpennessComputer.referringPlans(of: changed, in: link.portfolio).values { faces.formUnion(plans) }
        let portfolio = completing(link.portfolio, ids: faces, to: .face, session: session, input: options.input)
        session.link?.portfolio = portfolio
        let (computed, computedDiagnostics) = StatusComputer.compute(portfolio: portfolio, config: settings.config, today: options.today,
                                                                     only: changed, histories: session.history?.view?.plans ?? [:])
        var status = known.status
        status.plans = status.plans.filter { inputs[$0.key] != nil }
        status.reviews = status.reviews.filter { inputs[$0.key] != nil }
        var viewKeys = known.viewKeys.filter { inputs[$0.key] != nil }
        var changedPaths = Set<String>(), currentPaths = Set<String>()
        for document in portfolio.documents {
            currentPaths.insert(document.displayPath)
            guard changed.contains(document.id) else { continue }
            changedPaths.insert(document.displayPath)
            status.plans[document.id] = computed.plans[document.id]
            status.reviews[document.id] = computed.reviews[document.id]
            viewKeys[document.id] = viewKey(of: document, status: computed, portfolio: portfolio, session: session)
        }
        // A status's diagnostics name its document's file.
        let diagnostics = known.diagnostics.filter { currentPaths.contains($0.file) && !changedPaths.contains($0.file) }
            + computedDiagnostics.filter { changedPaths.contains($0.file) }
        session.status = .init(key: key, rules: known.rules, inputs: inputs, status: status, complete: known.complete, diagnostics: diagnostics,
                               viewKeys: viewKeys, neighbourhoods: neighbourhoods(session, portfolio: portfolio, views: viewKeys))
    }

    /// Each document's `StatusComputer.inputKeys` with the rest of what its
    /// view key reads (`SitePlan.viewKey`, the status's inputs in place of the status).
    private static func viewInputs(_ portfolio: Portfolio, session: BuildSession) -> [String: Digest] {
        let statusInputs = StatusComputer.inputKeys(of: portfolio) { session.faceHash(of: $0.source) }
        var inputs: [String: Digest] = [:]
        inputs.reserveCapacity(portfolio.documents.count)
        for document in portfolio.documents {
            inputs[document.id] = SitePlan.viewKey(of: document, faceHash: session.faceHash(of: document.source),
                                                   status: StatusBytes.inputs(statusInputs[document.id] ?? .none), portfolio: portfolio)
        }
        return inputs
    }

    /// `SitePlan.viewKey` of `document` with its status in `status`.
    private static func viewKey(of document: Document, status: PortfolioStatus, portfolio: Portfolio, session: BuildSession) -> Digest {
        SitePlan.viewKey(of: document, faceHash: session.faceHash(of: document.source), status: StatusBytes.of(document.id, in: status),
                         portfolio: portfolio)
    }

    /// `SitePlan.neighbourhood` of every document.
    private static func neighbourhoods(_ session: BuildSession, portfolio: Portfolio, views: [String: Digest]) -> [String: Digest] {
        var neighbourhoods: [String: Digest] = [:]
        neighbourhoods.reserveCapacity(portfolio.documents.count)
        for document in portfolio.documents {
            neighbourhoods[document.id] = SitePlan.neighbourhood(session.shown(document.id), views: views)
        }
        return neighbourhoods
    }

    /// Every diagnostic of the run, sorted, `--strict` applied.
    private static func diagnostics(_ session: BuildSession, settings: Settings, theme: (key: Digest, theme: CompiledTheme?, diagnostics: [Diagnostic]),
                                    linked: Linked, options: BuildOptions) -> [Diagnostic] {
        var all = settings.configDiagnostics + session.listingDiagnostics + theme.diagnostics
        for entry in session.documents.values {
            all += entry.problems
            all += entry.parsed?.own ?? []
        }
        all += session.link?.diagnostics ?? []
        all += linked.files.diagnostics
        all += session.status?.diagnostics ?? []
        all += session.history?.view?.diagnostics ?? []
        return all.reported(strict: options.strict)
    }


    private static func searchTexts(_ session: BuildSession) -> [String: String] {
        var texts: [String: String] = [:]
        texts.reserveCapacity(session.documents.count)
        for entry in session.documents.values {
            // Through the entry's reference: binding `parsed` would copy every field of it.
            if let id = entry.parsed?.document.id { texts[id] = entry.parsed?.searchText }
        }
        return texts
    }

    /// `linked` with the documents `ids` (all when nil) at least as complete
    /// as `level`: a restored session's light faces decoded whole, trees
    /// parsed again from their files (a file whose face no longer matches
    /// the session's is left as it was: its document is not the session's).
    /// The session keeps what was completed.
    static func completing(_ linked: Portfolio, ids: Set<String>?, to level: BuildSession.Completeness,
                                   session: BuildSession, input: String) -> Portfolio {
        var portfolio = linked
        // Every document: what was worked out ahead is taken (a few are quicker decoded here than waited for).
        if ids == nil, let ahead = session.ahead {
            session.ahead = nil
            let result = ahead.wait().first
            for face in result?.faces ?? [] where session.documents[face.source]?.parsed?.completeness == .light
                && session.documents[face.source]?.parsed?.faceHash == face.faceHash {
                session.documents[face.source]?.complete(face.document, to: .face)
            }
            session.statusesAhead = result?.statuses
        }
        let wanted = portfolio.documents.indices.filter { ids?.contains(linked.documents[$0].id) ?? true }
        let short = wanted.filter { (session.documents[linked.documents[$0].source]?.parsed?.completeness ?? .tree) < level }
        // The entries are taken out first: a copy of the session's table kept across the updates below would copy it whole.
        let entries = short.map { (index: $0, parsed: session.documents[linked.documents[$0].source]?.parsed) }
        let completed = ConcurrentMap.map(entries) { index, known -> (index: Int, parsed: BuildSession.ParsedDocument?, keep: Bool) in
            let source = linked.documents[index].source
            guard var parsed = known else { return (index, nil, false) }
            if level == .face {
                var reader = RecordReader(parsed.face)
                if let document = DocumentFace.decode(&reader, body: parsed.document.body), !reader.failed, reader.isAtEnd {
                    parsed.document = document
                    parsed.completeness = .face
                    return (index, parsed, true)
                }
            }
            // Parsed again from the file: a tree was asked for, or the face did not decode.
            let entry = InputListing.Entry(path: source, absolute: InputLoader.displayPath(input: input, path: source), role: .document, stamp: "")
            guard case .file(let file) = InputLoader.read(entry, input: input), let fresh = BuildSession.ParsedDocument.parse(file).parsed else {
                return (index, nil, false)
            }
            parsed.document = fresh.document
            parsed.completeness = .tree
            // A file changed since it was listed is shown as it is now, but not kept: the next build reads it anew.
            return (index, parsed, fresh.faceHash == parsed.faceHash)
        }
        for (index, parsed, keep) in completed {
            guard let parsed else { continue }
            if keep {
                session.documents[linked.documents[index].source]?.complete(parsed.document, to: parsed.completeness)
            } else {
                portfolio.documents[index] = parsed.document
            }
        }
        // The session's document, which may be more complete (or newer, with the same face) than the linked one.
        let shown = Set(completed.compactMap { $0.keep ? nil : $0.index })
        for index in wanted where !shown.contains(index) {
            if let parsed = session.documents[linked.documents[index].source]?.parsed, parsed.completeness >= level {
                portfolio.documents[index] = parsed.document
            }
        }
        return portfolio
    }

    /// Render and Write: the files whose keys changed since the site in the
    /// output was written (every file when that site is not the one the
    /// session wrote: `full`), staged beside the output with the rest of the
    /// current site and swapped in whole (SPEC §9). `stager`: the staging of
    /// the new site from the current one, begun when the output was found
    /// to be the site the session wrote.
    private static func renderAndWrite(_ session: BuildSession, portfolio: Portfolio, theme: CompiledTheme, linked: Linked,
                                       settings: Settings, options: BuildOptions, outputNow: OutputState?, stager early: BackgroundStager?)
        throws(PlanfolioError) -> (full: Bool, rendered: Int, pages: Int, unchanged: Int, changed: [String]?) {
        guard let statusResult = session.status else { return (false, 0, 0, 0, nil) }
        var inputs = SiteRenderer.Inputs(portfolio: portfolio, config: settings.config, today: options.today, theme: theme,
                                         status: statusResult.status)
        inputs.links = linked.bySource
        inputs.linkedFiles = linked.files.paths
        inputs.input = options.input
        inputs.searchTexts = searchTexts(session)
        inputs.idLinker = session.idLinker()
        inputs.history = siteHistory(session)
        inputs.fileContents = session.history?.view?.asOfFiles ?? [:]
        let keys = sitePlan(session, portfolio: portfolio, linked: linked, settings: settings)
        let plan = SiteRenderer.plan(inputs, keys: keys)
        let pages = plan.count { $0.path.hasSuffix(".html") }

        // The site in the output is the one the session wrote: only what changed.
        let previous = session.site.flatMap { site in outputNow?.matches(site) == true ? site : nil }
        let selected = previous.map { site in plan.filter { site.keys[$0.path] != $0.key } } ?? plan
        inputs.history?.texts = historyTexts(for: selected, session: session, input: options.input)
        let paths = Set(plan.map(\.path))
        let removed = previous.map { site in site.keys.keys.filter { !paths.contains($0) }.sorted() } ?? []
        var planKeys: [String: Digest] = [:]
        for file in plan { planKeys[file.path] = file.key }
        if previous != nil, selected.isEmpty, removed.isEmpty {
            session.site?.keys = planKeys
            session.site?.order = plan.map(\.path)
            return (false, 0, pages, plan.count, [])
        }

        // What the files to render read: whole faces, statuses, trees. A
        // restored session has light faces and no statuses until asked.
        var statusIDs = Set<String>(), faceIDs = Set<String>()
        var allStatuses = false, allFaces = false
        for file in selected {
            switch file.statuses {
            case .none: break
            case .all: allStatuses = true
            case .shown(let ids): for id in ids { statusIDs.formUnion(session.shown(id)) }
            }
            switch file.reads {
            case .light: break
            case .all: allFaces = true
            case .documents(let ids): faceIDs.formUnion(ids)
            case .shownBy(let ids): for id in ids { faceIDs.formUnion(session.shown(id)) }
            }
        }
        let needStatuses = !statusResult.complete && (allStatuses || !statusIDs.isEmpty)
        if needStatuses {
            // A status reads the document's face, and an assessment's or investigation's the plans' that refer to it.
            faceIDs.formUnion(statusIDs)
            for id in statusIDs {
                for referrer in portfolio.referencedBy[id] ?? [] {
                    faceIDs.insert(referrer)
                    faceIDs.formUnion(portfolio.referencedBy[referrer] ?? [])
                }
            }
        }
        var complete = completing(portfolio, ids: allFaces || allStatuses ? nil : faceIDs, to: .face, session: session, input: options.input)
        if allFaces || allStatuses { session.link?.portfolio = complete }
        if needStatuses {
            if allStatuses, let ahead = session.statusesAhead, ahead.key == statusResult.key {
                inputs.status = ahead.status
            } else {
                inputs.status = StatusComputer.compute(portfolio: complete, config: settings.config, today: options.today,
                                                       only: allStatuses ? nil : statusIDs, histories: session.history?.view?.plans ?? [:]).0
            }
            if allStatuses {
                session.status?.status = inputs.status
                session.status?.complete = true
            }
        }
        complete = completing(complete, ids: Set(selected.compactMap(\.documentID)), to: .tree, session: session, input: options.input)
        inputs.portfolio = complete
        // The clean copies of the SVGs to publish; a restored session reads those it has not made.
        for file in selected {
            guard let path = file.linkedFile, ActiveContent.fileExtension(path) == "svg", session.svgCopies[path] == nil,
                  case .published(let copy, _) = InputLoader.readSVG(InputListing.Entry(path: path, absolute: PathText.join(options.input, path),
                                                                                        role: .asset, stamp: "")) else { continue }
            session.svgCopies[path] = copy
        }
        inputs.svgCopies = session.svgCopies
        let output = options.output
        let partial = previous != nil
        // A staging begun from the current site that is not wanted after all (the session could not be read) goes first: it has the same folder.
        if !partial { early?.abandon() }
        // A whole new site: its staging folder is made on the stager's thread while the first pages render.
        let stager = partial ? early ?? BackgroundStager.startFromCurrentSite(output: output)
            : BackgroundStager { () throws(PlanfolioError) -> SiteStaging in try SiteStaging.open(output: output) }
        let progress = options.progress
        var files = 0
        ConcurrentMap.withThreads(options.threads) {
            SiteRenderer.render(selected, inputs: inputs, progress: { done, total in
                progress?(BuildProgress(stage: .rendering, done: done, total: total))
            }) { batch in
                files += batch.count
                stager.add(batch)
            }
        }
        options.progress?(BuildProgress(stage: .writing, done: 0, total: 0))
        // A whole new site that a session lives on with (kept on disk, or by `serve`): the next
        // build will start from it, and a spare made now spares that build linking every file.
        let sessionLivesOn = session.saving != nil || options.ownsOutput
        let written = try stager.finish(removing: removed, keepingSpare: partial, linkingSpare: !partial && sessionLivesOn,
                                        previousEntries: outputNow?.entries)
        session.site = .init(output: options.output, keys: planKeys, order: plan.map(\.path), stamp: written.entries.map(OutputStamp.hash),
                             files: planKeys.count, entries: written.entries)
        return (!partial, selected.count, pages, plan.count - written.result.written, partial ? written.changed.sorted() : nil)
    }

    /// The keys of the site's files (`SitePlan`).
    private static func sitePlan(_ session: BuildSession, portfolio: Portfolio, linked: Linked, settings: Settings) -> SitePlan {
        var documents: [String: SitePlan.DocumentKeys] = [:]
        documents.reserveCapacity(portfolio.documents.count)
        var views: [String: Digest] = [:]
        views.reserveCapacity(portfolio.documents.count)
        var all = StableHasher(), texts = StableHasher()
        // Read once: each read of a session property copies its value.
        let historyKeys = session.history?.view?.documentKeys ?? [:]
        let viewKeys = session.status?.viewKeys ?? [:]
        for document in portfolio.documents {
            let entry = session.documents[document.source]
            documents[document.id] = .init(contentHash: entry?.contentHash ?? .none, links: entry?.parsed?.resolved?.digest ?? .none,
                                           mentionsVersion: entry?.parsed?.mentionsVersion ?? .none,
                                           history: historyKeys[document.source] ?? .none)
            let view = viewKeys[document.id] ?? .none
            views[document.id] = view
            all.combine(view)
            texts.combine(entry?.parsed?.searchText ?? "")
        }
        var plan = SitePlan(settings: historySettings(settings.key, session: session), documents: documents,
                            neighbourhoods: session.status?.neighbourhoods ?? [:],
                            allViews: all.digest(), searchTexts: texts.digest(), linkedFiles: linked.stamps)
        plan.changes = session.history?.view?.changesKey ?? .none
        return plan
    }

    /// `SitePlan.shown` of every document.
    static func shownByID(_ portfolio: Portfolio) -> [String: [String]] {
        var shown: [String: [String]] = [:]
        shown.reserveCapacity(portfolio.documents.count)
        for document in portfolio.documents { shown[document.id] = SitePlan.shown(by: document, portfolio: portfolio) }
        return shown
    }

    /// Drops the last reference to `value` on a background thread.
    static func releaseInBackground<T: Sendable>(_ value: consuming T) {
        let box = ReleaseBox(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    private final class ReleaseBox<T: Sendable>: @unchecked Sendable {
        var value: T?
        init(_ value: T) { self.value = value }
    }
}

/// The output folder as it is before a build: whether it is the site a session wrote.
struct OutputState {
    let output: String
    /// `OutputStamp.entries` of a folder with planfolio's marker; nil for any other.
    let entries: [String]?
    let stamp: String?

    init(output: String) {
        self.output = output
        let marked = access(output + "/" + SiteWriter.markerName, F_OK) == 0
        entries = marked ? OutputStamp.entries(folder: output) : nil
        stamp = entries.map(OutputStamp.hash)
    }

    /// The folder as `site` left it, not read again (`BuildOptions.ownsOutput`);
    /// nil when the session does not know its entries or the folder is not
    /// planfolio's any more.
    init?(output: String, trusting site: BuildSession.WrittenSite) {
        guard site.output == output, let entries = site.entries, let stamp = site.stamp,
              access(output + "/" + SiteWriter.markerName, F_OK) == 0 else { return nil }
        self.output = output
        self.entries = entries
        self.stamp = stamp
    }

    func matches(_ site: BuildSession.WrittenSite) -> Bool {
        stamp != nil && site.output == output && site.stamp == stamp
    }
}
