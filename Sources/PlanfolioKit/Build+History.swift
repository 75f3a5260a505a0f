import Foundation
import PlanfolioMarkdown

/// The history step of the pipeline (docs/history.md): git history is one
/// more input, read in the Load stage, kept in the session
/// (`BuildSession.history`) under its own key, and hashed into the keys
/// of the files that show it.
extension Build {
    /// Days `changes.html` looks back when neither `--since` nor `changesSince` says.
    static let defaultChangesDays = 30

    /// Reads what the history says about the documents now in the session:
    /// each document's revisions (one `git log` for the folder, or only the
    /// commits since the last build's tip), each document's git id in the
    /// working tree (hashed here, only for files whose stamp changed), the
    /// governed changes of each plan, and the portfolio at the `since`
    /// point. Leaves `session.history.view` for Compute and Render.
    /// `earlyLog`: the whole log, when `startLogRead` began reading it at
    /// the start of the build. `gitIDs`: git's id of each document file the
    /// Load step read in this build, by path.
    static func history(_ session: BuildSession, head: HistoryHead, listing: InputListing, settings: Settings,
                        options: BuildOptions, earlyLog: EarlyLog? = nil, gitIDs: [String: String] = [:]) throws(PlanfolioError) {
        var state = session.history ?? HistorySession()
        state.view = nil
        let before = (tip: state.log?.tip, spans: Set(state.spans.keys), since: state.since?.key, line: state.firstParents?.tip, working: state.working)
        defer {
            state.headKey = head.key
            state.repository = head.repository
            if state.log?.tip != before.tip || Set(state.spans.keys) != before.spans || state.since?.key != before.since
                || state.firstParents?.tip != before.line {
                state.mainChanged = true
            }
            if state.working != before.working { state.workingChanged = true }
            session.history = state
        }
        guard head.wanted else { return }
        let plans = session.documentOrder.filter { session.documents[$0]?.parsed?.document.kind == .plan }
        guard let repository = head.repository, let tip = head.tip, head.unusable == nil else {
            state.log = nil
            state.view = unavailable(head.unusable ?? "", plans: plans, input: options.input)
            return
        }
        options.progress?(BuildProgress(stage: .history, done: 0, total: 0))
        var view = HistoryView()
        do throws(GitCommand.Failure) {
            // The log, and the first-parent line a date needs, are read by git while the working files are hashed here.
            let known = state.log, line = state.firstParents
            let reads = BackgroundWork([
                { @Sendable () -> GitRead in
                    if let early = earlyLog?.wait().first, early.tip == tip { return .log(early.log) }
                    return .log(Result { () throws(GitCommand.Failure) in try readLog(known, repository: repository, tip: tip) })
                },
                { @Sendable () -> GitRead in
                    .firstParents(Result { () throws(GitCommand.Failure) in
                        if let line, line.tip == tip { return line }
                        return HistorySession.FirstParents(tip: tip, commits: try GitObjects.firstParents(repository, tip: tip))
                    })
                },
            ], lanes: 2)
            if head.asOf == nil {
                try hashWorkingFiles(&state, listing: listing, repository: repository, tip: tip, read: gitIDs)
            }
            for read in reads.wait() {
                switch read {
                case .log(let result): state.log = try result.get()
                case .firstParents(let result): state.firstParents = try result.get()
                }
            }
            guard let log = state.log else { throw GitCommand.Failure(message: "no log") }
            view.asOf = head.asOf
            // Each document's git id as this build reads it.
            if head.asOf != nil {
                for entry in listing.entries where entry.role == .document {
                    if let blob = log.tipBlobs[entry.path] { view.content[entry.path] = blob }
                }
                for entry in listing.entries where entry.role == .asset {
                    if let bytes = entry.contents { view.asOfFiles[entry.path] = bytes }
                }
            } else {
                for (path, file) in state.working { view.content[path] = file.blob }
            }
            let documents = listing.entries.filter { $0.role == .document }.map(\.path)
            var neverCommitted: [String] = []
            for path in documents {
                let revisions = revisionsNow(path, log: log, view: view, listing: listing, workingTree: head.asOf == nil)
                if revisions.allSatisfy({ $0.commit == nil }) { neverCommitted.append(path) }
                view.revisions[path] = revisions
                var hasher = StableHasher()
                hasher.combine(revisions.count)
                for revision in revisions { combine(revision, into: &hasher) }
                view.documentKeys[path] = hasher.digest()
            }
            // Each plan's governed changes, from the sections of every version compared.
            try readSpans(&state, plans: plans, view: view, repository: repository, listing: listing, session: session)
            var plansKey = StableHasher()
            let neverCommittedPlans = Set(neverCommitted).intersection(plans)
            for path in plans {
                let revisions = view.revisions[path] ?? []
                let plan: PlanHistory = neverCommittedPlans.contains(path)
                    ? .unavailable : .committed(GovernedChanges.changes(revisions, spans: state.spans, today: options.today))
                view.plans[path] = plan
                plansKey.combine(path)
                if case .committed(let changes) = plan {
                    plansKey.combine(changes.count)
                    for change in changes {
                        plansKey.combine(change.day.description)
                        plansKey.combine(change.commit?.id ?? "working")
                        plansKey.combine(change.sections.joined(separator: "\n"))
                    }
                } else {
                    plansKey.combine(-1)
                }
            }
            view.plansKey = plansKey.digest()
            for path in neverCommittedPlans.sorted() {
                view.diagnostics.append(.warning(.notCommitted,
                    "this plan is not committed to git yet, so its signatures are judged by its 'updated' date until it is",
                    file: InputLoader.displayPath(input: options.input, path: path), line: 1))
            }
        } catch {
            state.log = nil
            state.view = unavailable("git could not read it: \(error.message)", plans: plans, input: options.input)
            return
        }
        try sinceSnapshot(&state, view: &view, repository: repository, tip: tip, settings: settings, options: options, session: session)
        state.view = view
        // Back to checking (the stage the history step interrupts), so a timing of the stages says what the history cost.
        options.progress?(BuildProgress(stage: .checking, done: 0, total: listing.entries.count))
    }

    /// The view of a build whose history is not usable: one warning, when
    /// some plan's signatures are judged by `updated` instead.
    private static func unavailable(_ reason: String, plans: [String], input: String) -> HistoryView {
        var view = HistoryView()
        view.unusable = reason
        for path in plans { view.plans[path] = .unavailable }
        if !plans.isEmpty {
            view.diagnostics.append(.warning(.historyUnavailable,
                "no usable git history (\(reason)): signatures are judged by each plan's 'updated' date, and the site has no revisions or changes.html; pass --no-history to say that is intended",
                file: input, line: 1))
        }
        return view
    }

    /// The whole log of a tip, read from the start of a build (`startLogRead`).
    typealias EarlyLog = BackgroundWork<(tip: String, log: Result<HistoryLog, GitCommand.Failure>)>

    /// Begins reading the whole log of `head`'s tip on a thread of its own,
    /// so that git walks the history while the documents are read and
    /// parsed; nil when the build wants no history or cannot have it.
    static func startLogRead(_ head: HistoryHead) -> EarlyLog? {
        guard head.wanted, head.unusable == nil, let repository = head.repository, let tip = head.tip else { return nil }
        return BackgroundWork([{ @Sendable in (tip, Result { () throws(GitCommand.Failure) in try readLog(nil, repository: repository, tip: tip) }) }],
                              lanes: 1)
    }

    private enum GitRead: Sendable {
        case log(Result<HistoryLog, GitCommand.Failure>)
        case firstParents(Result<HistorySession.FirstParents, GitCommand.Failure>)
    }

    /// The log of `tip`: the session's when it ends there, extended by the
    /// commits since when the last tip is an ancestor, else read whole.
    private static func readLog(_ known: HistoryLog?, repository: GitRepository, tip: String) throws(GitCommand.Failure) -> HistoryLog {
        if let known, known.tip == tip { return known }
        let tree = try GitObjects.tree(repository, commit: tip)
        if let known, GitObjects.isAncestor(repository, known.tip, of: tip),
           let extended = known.extended(to: tip, tree: tree, log: try GitLog.read(repository, tip: tip, exclude: known.tip)) {
            return extended
        }
        return HistoryLog.make(tip: tip, tree: tree, log: try GitLog.read(repository, tip: tip))
    }

    /// Git's id of every document file whose stamp changed since the last
    /// build: the Load step's (`read`) for the files it read, else read and
    /// hashed here (a file Load refused, or one the history step has not
    /// seen since its session was last without history).
    private static func hashWorkingFiles(_ state: inout HistorySession, listing: InputListing, repository: GitRepository,
                                         tip: String, read: [String: String]) throws(GitCommand.Failure) {
        var working: [String: HistorySession.WorkingFile] = [:]
        var toHash: [InputListing.Entry] = []
        for entry in listing.entries where entry.role == .document {
            if let known = state.working[entry.path], known.stamp == entry.stamp {
                working[entry.path] = known
            } else if let id = read[entry.path] {
                working[entry.path] = .init(stamp: entry.stamp, blob: id)
            } else {
                toHash.append(entry)
            }
        }
        if tip.utf8.count == 40 {
            let ids = ConcurrentMap.map(toHash) { entry -> String? in
                guard case .bytes(let bytes) = POSIXFile.readRegular(entry.absolute, limit: InputLoader.maxFileSize) else { return nil }
                return SHA1.blobID(bytes)
            }
            for (entry, id) in zip(toHash, ids) { if let id { working[entry.path] = .init(stamp: entry.stamp, blob: id) } }
        } else {
            let ids = try GitObjects.hashFiles(repository, paths: toHash.map(\.absolute))
            for (entry, id) in zip(toHash, ids) { working[entry.path] = .init(stamp: entry.stamp, blob: id) }
        }
        state.working = working
    }

    /// A document's revisions as the site shows them: the working tree's
    /// change on top when its file is not the tip's (a file moved without
    /// changing is found by its id among the tip's files that are gone).
    private static func revisionsNow(_ path: String, log: HistoryLog, view: HistoryView, listing: InputListing, workingTree: Bool) -> [Revision] {
        guard workingTree, let now = view.content[path] else { return log.revisions[path] ?? [] }
        if let committed = log.tipBlobs[path] {
            let older = log.revisions[path] ?? []
            guard committed != now else { return older }
            return [Revision(commit: nil, change: .modified, oldPath: path, newPath: path, oldBlob: committed, newBlob: now)] + older
        }
        let listed = Set(listing.entries.map(\.path))
        if let moved = log.tipBlobs.first(where: { $0.value == now && !listed.contains($0.key) })?.key {
            return [Revision(commit: nil, change: .renamed, oldPath: moved, newPath: path, oldBlob: now, newBlob: now)] + (log.revisions[moved] ?? [])
        }
        return [Revision(commit: nil, change: .added, oldPath: nil, newPath: path, oldBlob: nil, newBlob: now)]
    }

    /// The sections of every plan version a governed change is judged on,
    /// read and parsed once (the session keeps them by blob id). A working
    /// file's version whose document this build parsed is read from that
    /// document's tree instead of parsed again.
    private static func readSpans(_ state: inout HistorySession, plans: [String], view: HistoryView, repository: GitRepository,
                                  listing: InputListing, session: BuildSession) throws(GitCommand.Failure) {
        var wanted: Set<String> = []
        for path in plans {
            for (old, new, _) in GovernedChanges.comparisons(view.revisions[path] ?? []) {
                wanted.insert(old)
                wanted.insert(new)
            }
        }
        var spans: [String: [SectionSpan]] = [:]
        for id in wanted { if let known = state.spans[id] { spans[id] = known } }
        let missing = wanted.filter { spans[$0] == nil }.sorted()
        if !missing.isEmpty {
            // The working tree's versions from their files, the others from git.
            var texts: [String: (bytes: [UInt8], body: MarkdownNode?)] = [:]
            let workingPaths = Dictionary(view.content.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
            let absolute = Dictionary(listing.entries.map { ($0.path, $0.absolute) }, uniquingKeysWith: { first, _ in first })
            var fromGit: [String] = []
            for id in missing {
                if let path = workingPaths[id], let file = absolute[path], case .bytes(let bytes) = POSIXFile.readRegular(file, limit: InputLoader.maxFileSize),
                   SHA1.blobID(bytes) == id || id.utf8.count == 64 {
                    let parsed = session.documents[path]?.parsed
                    texts[id] = (bytes, parsed?.completeness == .tree ? parsed?.document.body : nil)
                } else {
                    fromGit.append(id)
                }
            }
            for (id, bytes) in try GitObjects.blobs(repository, ids: fromGit, limit: InputLoader.maxFileSize) where texts[id] == nil {
                texts[id] = (bytes, nil)
            }
            let items = texts.sorted { $0.key < $1.key }
            let parsed = ConcurrentMap.map(items) { id, text in
                (id, text.body.map { SectionSpans.of(body: $0, lines: TextLines(text.bytes)) }
                         ?? SectionSpans.of(String(decoding: text.bytes, as: UTF8.self)))
            }
            for (id, sections) in parsed { spans[id] = sections }
        }
        state.spans = spans
    }

    /// The portfolio as it stood at the `since` point (`--since`, else
    /// `changesSince`, else 30 days before today), built from git's objects
    /// through the same parse, link and compute stages as the current one,
    /// reusing every document whose bytes are those of now.
    private static func sinceSnapshot(_ state: inout HistorySession, view: inout HistoryView, repository: GitRepository, tip: String,
                                      settings: Settings, options: BuildOptions, session: BuildSession) throws(PlanfolioError) {
        let label = options.history.since ?? settings.config.changesSince ?? options.today.adding(days: -defaultChangesDays).description
        let point: (commit: String?, day: Day, firstParents: HistorySession.FirstParents)
        do {
            point = try HistoryHead.resolve(label, repository: repository, tip: tip, firstParents: state.firstParents)
        } catch {
            throw PlanfolioError("\(options.history.since != nil ? "--since" : "changesSince") \(label): \(error.message)")
        }
        state.firstParents = point.firstParents
        var hasher = StableHasher()
        hasher.combine("since")
        hasher.combine(point.commit ?? "")
        hasher.combine(point.day.description)
        hasher.combine(label)
        hasher.combine(String(reflecting: settings.config))
        hasher.combine(Settings.executableIdentity)
        let key = hasher.digest()
        if state.since?.key != key {
            let snapshot = try portfolio(at: point.commit, day: point.day, repository: repository, view: view, settings: settings,
                                         options: options, session: session)
            state.since = SinceSnapshot(key: key, commit: point.commit, day: point.day, label: label, snapshot: snapshot)
        }
        guard let since = state.since else { return }
        view.since = since
        var old: [String: String] = [:]
        for entry in since.snapshot.entries where old[entry.id] == nil { old[entry.id] = entry.content }
        var now: [String: String] = [:]
        for document in session.link?.portfolio.documents ?? [] where now[document.id] == nil {
            now[document.id] = view.content[document.source] ?? ""
        }
        var changes = StableHasher()
        changes.combine(since.key)
        for id in PortfolioChanges.changedContent(old, now) { changes.combine(id) }
        view.changesKey = changes.digest()
    }

    /// The snapshot of the portfolio in `commit`'s tree (empty for none), its statuses as of `day`.
    private static func portfolio(at commit: String?, day: Day, repository: GitRepository, view: HistoryView, settings: Settings,
                                  options: BuildOptions, session: BuildSession) throws(PlanfolioError) -> PortfolioSnapshot {
        guard let commit else { return PortfolioSnapshot(entries: []) }
        let tree: [GitObjects.TreeEntry]
        do {
            tree = try GitObjects.tree(repository, commit: commit)
        } catch {
            throw PlanfolioError("cannot read the portfolio at \(commit.prefix(12)): \(error.message)")
        }
        let files = tree.filter { $0.isFile && CommitInput.isListed($0.path) && InputLoader.isDocumentPath($0.path) }
        // A document whose bytes are the same now is the session's document.
        var reused: [String: String] = [:]
        var toRead: [GitObjects.TreeEntry] = []
        for file in files {
            if view.content[file.path] == file.blob, let id = session.documents[file.path]?.parsed?.document.id {
                reused[file.path] = id
            } else {
                toRead.append(file)
            }
        }
        var documents: [String: Document] = [:]
        if let linked = session.link?.portfolio, !reused.isEmpty {
            let complete = completing(linked, ids: Set(reused.values), to: .face, session: session, input: options.input)
            for document in complete.documents where reused[document.source] == document.id { documents[document.source] = document }
        }
        toRead += files.filter { reused[$0.path] != nil && documents[$0.path] == nil }
        let blobs: [String: [UInt8]]
        do {
            blobs = try GitObjects.blobs(repository, ids: toRead.map(\.blob), limit: InputLoader.maxFileSize)
        } catch {
            throw PlanfolioError("cannot read the portfolio at \(commit.prefix(12)): \(error.message)")
        }
        let input = options.input
        let parsed = ConcurrentMap.map(toRead) { file -> (String, Document?) in
            guard let bytes = blobs[file.blob], let text = String(validating: bytes, as: UTF8.self) else { return (file.path, nil) }
            let source = SourceFile(path: file.path, displayPath: InputLoader.displayPath(input: input, path: file.path), text: text)
            return (file.path, DocumentParser.parse(source).0)
        }
        for (path, document) in parsed { if let document { documents[path] = document } }
        let (portfolio, _) = Linker.link(files.compactMap { documents[$0.path] })
        // Signatures as they were judged then: the governed changes made by that day.
        var histories: [String: PlanHistory] = [:]
        for (path, history) in view.plans {
            if case .committed(let changes) = history {
                histories[path] = .committed(changes.filter { $0.commit != nil && $0.day <= day })
            } else {
                histories[path] = history
            }
        }
        let (status, _) = StatusComputer.compute(portfolio: portfolio, config: settings.config, today: day, histories: histories)
        let content = Dictionary(files.map { ($0.path, $0.blob) }, uniquingKeysWith: { first, _ in first })
        return PortfolioSnapshot.of(portfolio, status: status) { content[$0.source] ?? "" }
    }

    /// What the site shows of the history, when it is usable.
    static func siteHistory(_ session: BuildSession) -> SiteHistory? {
        guard let state = session.history, let view = state.view, view.isUsable else { return nil }
        return SiteHistory(revisions: view.revisions, spans: state.spans, content: view.content, since: view.since, asOf: view.asOf)
    }

    /// The settings' key with whether the site shows history: every page's navigation links `changes.html` when it does.
    static func historySettings(_ key: Digest, session: BuildSession) -> Digest {
        guard session.history?.view?.since != nil else { return key }
        var hasher = StableHasher()
        hasher.combine(key)
        hasher.combine("with changes.html")
        return hasher.digest()
    }

    /// A revision's part of its document page's key.
    static func combine(_ revision: Revision, into hasher: inout StableHasher) {
        hasher.combine(revision.commit?.id ?? "working")
        hasher.combine(revision.commit?.author ?? "")
        hasher.combine(revision.commit?.date ?? "")
        hasher.combine(revision.commit?.subject ?? "")
        hasher.combine(revision.change.rawValue)
        hasher.combine(revision.oldPath ?? "")
        hasher.combine(revision.newPath ?? "")
        hasher.combine(revision.oldBlob ?? "")
        hasher.combine(revision.newBlob ?? "")
    }

    /// The bytes the revision pages among `files` compare, by blob id (the
    /// working tree's versions read from their files): a Load-stage read,
    /// just before they render. `files` maps each document path to where it is read from.
    static func historyTexts(for planned: [SiteRenderer.PlannedFile], session: BuildSession, input: String) -> [String: [UInt8]] {
        guard let state = session.history, let repository = state.repository else { return [:] }
        let wanted = Set(planned.flatMap(\.blobs))
        guard !wanted.isEmpty else { return [:] }
        var texts: [String: [UInt8]] = [:]
        var workingPaths: [String: String] = [:]
        for (path, file) in state.working where workingPaths[file.blob] == nil { workingPaths[file.blob] = path }
        var fromGit: [String] = []
        for id in wanted.sorted() {
            if let path = workingPaths[id], case .bytes(let bytes) = POSIXFile.readRegular(PathText.join(input, path), limit: InputLoader.maxFileSize),
               SHA1.blobID(bytes) == id || id.utf8.count == 64 {
                texts[id] = bytes
            } else {
                fromGit.append(id)
            }
        }
        if let read = try? GitObjects.blobs(repository, ids: fromGit, limit: InputLoader.maxFileSize) {
            texts.merge(read) { first, _ in first }
        }
        return texts
    }
}
