import Foundation
import PlanfolioMarkdown

/// A rebuild after a few documents were edited in ways no other page can
/// see: only those documents are read and parsed, only their pages (and the
/// search index, when their text in it changed) are rendered, and every
/// other file of the site is the last site's, hard-linked into the new one.
///
/// Whether another page can see an edit is decided by the document's face
/// (`DocumentFace`: every parsed field but the Markdown tree) and the files
/// its body links to. Link, Compute and every page but the document's own
/// read only those, so when they are byte for byte what the last build
/// recorded (`BuildRecords`), every other file would come out the same.
/// Editing prose, fixing a typo in a section, adding a paragraph below the
/// tables: all keep the face. Anything else (front matter, a table row, a
/// line number that moved, a new or removed file, the config, the theme,
/// `--today`) does not, and the build runs in full, as it would without a
/// cache. Its output is byte-identical to a full build's, with the same
/// diagnostics (`IncrementalBuildTests` compares the two).
///
/// The site is still written to a new folder and swapped in (SPEC §9): the
/// unchanged files are hard links, so the old site stays whole until the
/// swap.
enum IncrementalBuild {
    /// Above this many edited documents a full build is about as quick.
    static func maxEdited(documents: Int) -> Int { max(16, documents / 10) }

    /// The report of the rebuild, or nil when it cannot be done this way;
    /// the caller then builds in full. The output is untouched either way
    /// until the swap (the spare, though, may have been used up, and the
    /// site's files may have new change times from being hard-linked).
    static func run(options: BuildOptions, cache: BuildCache, check: BuildCache.QuickCheck) -> BuildReport? {
        guard let manifest = check.manifest, let restKey = check.restKey, let entries = check.inputEntries,
              let quickKey = check.quickKey, let outputStamp = check.outputStamp,
              outputStamp == manifest.outputStamp,
              FileManager.default.fileExists(atPath: PathText.join(options.output, SiteWriter.markerName)),
              let records = BuildRecords.read(folder: cache.folder),
              records.build == manifest.key, records.restKey == restKey,
              let changed = editedSources(old: records.inputEntries, new: entries, records: records),
              changed.count <= maxEdited(documents: records.documents.count) else { return nil }
        let run = Run(options: options, cache: cache, manifest: manifest, quickKey: quickKey, inputEntries: entries,
                      outputStamp: outputStamp, outputEntries: check.outputEntries)
        return ConcurrentMap.withThreads(options.threads) { try? run.build(records: records, changed: changed) }
    }

    /// Why the rebuild stopped short; never shown: the build runs in full instead.
    private struct NotIncremental: Error {}

    /// One rebuild: what the quick check found, and the steps.
    private struct Run {
        var options: BuildOptions
        var cache: BuildCache
        var manifest: BuildCache.Manifest
        var quickKey: String
        var inputEntries: [String]
        /// The output folder as the quick check found it: the last build's site, untouched.
        var outputStamp: String
        var outputEntries: [String]?

        func build(records: BuildRecords, changed: [Int]) throws -> BuildReport {
            var records = records
            // Read what changed; a file saved again with the same bytes is no edit.
            var edited: [(index: Int, file: SourceFile, hash: String)] = []
            for index in changed {
                let record = records.documents[index]
                guard case .file(let file) = InputLoader.loadDocument(input: options.input, path: record.source) else { throw NotIncremental() }
                let hash = BuildCache.contentHash(file.text)
                if hash != record.contentHash { edited.append((index, file, hash)) }
            }
            guard !edited.isEmpty else { return try unchanged(records: records) }
            options.progress?(BuildProgress(stage: .checking, done: 0, total: edited.count))
            // Parse what changed; go on only when every face is as it was
            // (before anything is staged: most edits that fail here fail fast).
            var fresh: [Int: Document] = [:]
            for (index, file, hash) in edited {
                let (parsed, found) = DocumentParser.parse(file)
                guard let document = parsed, DocumentFace.encode(document).elementsEqual(records.documents[index].face) else { throw NotIncremental() }
                fresh[index] = document
                records.documents[index].contentHash = hash
                records.documents[index].own = found
            }

            // The staging folder is made on a thread of its own while the
            // edited documents are checked and rendered here: from the spare
            // when there is a good one, else by hard-linking every file of the
            // current site; the edited pages then replace theirs.
            let output = options.output
            let preparing = BackgroundWork([{ @Sendable () -> Result<SiteStaging, PlanfolioError> in
                do throws(PlanfolioError) {
                    let staging = try SiteStaging.open(output: output, reusingSpare: true)
                    if !staging.reusedSpare {
                        do throws(PlanfolioError) { try staging.linkPrevious() } catch {
                            staging.abandon()
                            throw error
                        }
                    }
                    return .success(staging)
                } catch { return .failure(error) }
            }], lanes: 1)
            let rendered: (files: [OutputFile], diagnostics: [Diagnostic])
            do {
                rendered = try render(&records, fresh: fresh)
            } catch {
                if case .success(let staging) = preparing.wait()[0] { staging.abandon() }
                throw error
            }
            // The records to write once the site is in place, made while the staging folder is still being made.
            prepare(&records)
            let recordsBytes = records.encoded()
            guard case .success(let staging) = preparing.wait()[0] else { throw NotIncremental() }
            options.progress?(BuildProgress(stage: .writing, done: 0, total: 0))
            let written: WriteResult
            do {
                try staging.add(rendered.files)
                // Forgotten before the output changes, as in a full build.
                cache.invalidate(keepingFaces: true)
                written = try staging.commit(keepingSpare: true)
            } catch {
                staging.abandon()
                throw error
            }
            // The site is in place: from here on, nothing can make the build fail.
            var report = BuildReport(diagnostics: rendered.diagnostics, documentsRead: manifest.documentsRead,
                                     pagesWritten: manifest.pagesWritten, wrote: true)
            let (unchanged, overflow) = manifest.filesWritten.subtractingReportingOverflow(written.written)
            report.filesUnchanged = overflow ? 0 : max(0, unchanged)
            report.mode = .incremental(edited: edited.count)
            // The spare is noted beside the records (the faces stay the full build's).
            let previousEntries = outputEntries
            cache.record(key: records.build, quickKey: quickKey, report: report, filesWritten: manifest.filesWritten, threads: options.threads,
                         stamp: { staging.outputStamp(previousEntries: previousEntries) },
                         records: {
                             staging.recordSpare()
                             return (recordsBytes, nil)
                         })
            return report
        }

        /// Only files saved again with the same bytes: the last report stands;
        /// the records learn the files' new stamps, so the next build is a no-change one.
        private func unchanged(records: BuildRecords) throws -> BuildReport {
            guard let report = cache.report(of: manifest, output: options.output, stamp: outputStamp) else { throw NotIncremental() }
            var records = records
            cache.invalidate(keepingFaces: true)
            prepare(&records)
            let recordsBytes = records.encoded(), outputStamp = outputStamp
            cache.record(key: records.build, quickKey: quickKey, report: report, filesWritten: manifest.filesWritten, threads: options.threads,
                         stamp: { outputStamp }, records: { (recordsBytes, nil) })
            return report
        }

        /// The records as this build leaves them for the next one. Its key is
        /// new: the byte key of a full build is not known without reading
        /// every input, so a later build matches this one by its quick key or
        /// by these records (which keep the full build's faces).
        private func prepare(_ records: inout BuildRecords) {
            var key = StableHasher()
            key.combine("incremental")
            key.combine(manifest.key)
            key.combine(quickKey)
            records.build = key.finalize()
            records.inputEntries = inputEntries
        }

        /// The pages of the edited documents (`fresh`, by index in the records;
        /// faces checked) and the search index when their text in it changed,
        /// and the build's diagnostics, with the records brought up to date;
        /// throws when an edit shows beyond the documents' own pages.
        private func render(_ records: inout BuildRecords, fresh: [Int: Document]) throws
            -> (files: [OutputFile], diagnostics: [Diagnostic]) {
            var options = options
            // The config's diagnostics are the last build's (the rest key covers the config): in `records.shared`.
            let (_, themeFiles, themePath) = try Build.settings(&options)
            // Every other document from its face, with an empty body: nothing
            // below reads another document's body.
            let empty = MarkdownNode(.document)
            let edits = fresh
            let faces = records.documents.indices.map { (index: $0, face: edits[$0] == nil ? records.documents[$0].face : [][...]) }
            let documents = ConcurrentMap.map(faces) { item -> Document? in
                if let document = edits[item.index] { return document }
                var reader = RecordReader(item.face)
                return DocumentFace.decode(&reader, body: empty)
            }
            guard documents.allSatisfy({ $0 != nil }) else { throw NotIncremental() }
            var portfolio = records.portfolio(of: documents.compactMap { $0 })

            let linkedFiles: LinkedFiles
            (portfolio, linkedFiles) = LinkedFiles.resolve(portfolio, assets: records.assets, svgs: records.svgs)
            for index in fresh.keys.sorted() {
                let record = records.documents[index]
                guard (linkedFiles.pathsBySource[record.source] ?? []) == record.linkedFiles else { throw NotIncremental() }
                let display = portfolio.documents[index].displayPath
                records.documents[index].own += linkedFiles.diagnostics.filter { $0.file == display }
            }
            guard case (let theme?, _) = CompiledTheme.compile(themeFiles, themePath: themePath) else { throw NotIncremental() }
            // The statuses the edited pages show: their documents' own and
            // those of the documents their chain cards name.
            var shown = Set(fresh.values.map(\.id))
            for document in fresh.values {
                for reference in [document.references.assessment, document.references.investigation, document.references.supersedes] {
                    if let id = reference?.value { shown.insert(id) }
                }
            }
            let (status, _) = StatusComputer.compute(portfolio: portfolio, config: options.config, today: options.today, only: shown)

            let diagnostics = (records.shared + records.documents.flatMap(\.own)).reported(strict: options.strict)
            guard !diagnostics.hasErrors else { throw NotIncremental() }

            options.progress?(BuildProgress(stage: .rendering, done: 0, total: fresh.count))
            let site = SiteRenderer.siteInfo(config: options.config, today: options.today)
            let idLinker = IDLinker(portfolio: portfolio)
            var files: [OutputFile] = []
            var textChanged = false
            for (index, document) in portfolio.documents.enumerated() where fresh[index] != nil {
                files.append(SiteRenderer.documentPage(document, portfolio: portfolio, status: status, theme: theme, site: site, idLinker: idLinker))
                let text = SearchIndex.text(of: document)
                if text != records.documents[index].searchText {
                    records.documents[index].searchText = text
                    textChanged = true
                }
            }
            if textChanged {
                let texts = Dictionary(records.documents.map { ($0.id, $0.searchText) }, uniquingKeysWith: { first, _ in first })
                files.append(OutputFile(path: SearchIndex.fileName,
                                        contents: SearchIndex.scriptBytes(portfolio: portfolio) { texts[$0.id] ?? "" }))
            }
            // Freeing 20,000 documents is left to another thread (the command exits without waiting).
            Build.releaseInBackground((consume portfolio, consume documents))
            return (files, diagnostics)
        }
    }

    /// Indexes into `records.documents` of the documents whose files changed
    /// between the two listings (`OutputStamp.entries`); nil when anything
    /// else changed: a file added, removed or renamed, an image, a symbolic
    /// link, a file that is not one of the documents. Entries the input
    /// loader never reads (hidden files, `README.md` notes) and folders'
    /// own times (which change when a file in them is saved by renaming) do
    /// not count, unless the input holds a symbolic link: the loader follows
    /// links, so a document or evidence file may be such an entry under
    /// another name, and the link's own entry does not change when it does.
    static func editedSources(old: [String], new: [String], records: BuildRecords) -> [Int]? {
        typealias Entry = OutputStamp.Entry
        // Nearly every line is the same as before; only the others are taken apart.
        var changed: [(was: Entry, now: Entry)] = []
        if old.count == new.count {
            for (was, now) in zip(old, new) where was != now {
                guard let was = Entry(was), let now = Entry(now) else { return nil }
                changed.append((was, now))
            }
        }
        // Whether a change was let pass because the loader does not read that entry by its own path.
        var passedOver = changed.contains { $0.now.isHidden }
        if old.count != new.count || changed.contains(where: { $0.was.path != $0.now.path && !($0.was.isHidden && $0.now.isHidden) }) {
            // A hidden file came or went (an editor's swap file): compare without them.
            passedOver = true
            let before = old.compactMap(Entry.init).filter { !$0.isHidden }, after = new.compactMap(Entry.init).filter { !$0.isHidden }
            guard before.count == after.count else { return nil }
            changed = zip(before, after).filter { $0.0.path != $0.1.path || $0.0.type != $0.1.type || $0.0.stamp != $0.1.stamp }
        }
        var byPath: [Substring: Int] = [:]
        var edited: [Int] = []
        for (was, now) in changed where !now.isHidden {
            guard was.path == now.path, was.type == now.type else { return nil }
            guard now.type != Entry.folder else { continue }
            guard now.type == Entry.file else { return nil }
            if byPath.isEmpty {
                for (index, record) in records.documents.enumerated() { byPath[Substring(record.source)] = index }
            }
            if let index = byPath[now.path] {
                edited.append(index)
            } else if InputLoader.isDocumentPath(String(now.path)) || !InputLoader.isMarkdown(String(now.path)) {
                return nil  // a file the last build read but kept no record of, or an image or evidence file
            } else {
                passedOver = true
            }
        }
        if passedOver, new.contains(where: { line in Entry(line).map { $0.type == Entry.link && !$0.isHidden } ?? true }) { return nil }
        return edited
    }
}

private extension OutputStamp.Entry {
    /// In a folder the input loader skips, or itself skipped: a name starting with `.`.
    var isHidden: Bool { path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) }
}
