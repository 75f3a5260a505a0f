import Foundation
import PlanfolioMarkdown

/// The session a build leaves beside its output for the next build of
/// another process: `BuildSession` written down, without the documents'
/// trees (the next build parses a document again only when it renders its
/// page).
///
/// It lives in planfolio's work folder `.<output>.planfolio-cache/`
/// (`StagingName.workFolder`: hidden, outside the output, never served or
/// deployed) as two files in `RecordWriter`'s form:
///
/// - `session.bin`: the body (one record per document and asset, the link
///   and status keys with their diagnostics and view keys), then each site
///   file's key, then a small head (the keys of the last run, its report,
///   the output's stamp, the body's length and hash), and last the body's
///   length again in eight bytes. The head is read first, from the end, and
///   is all a build with nothing changed needs. The body comes first so
///   that it is written while the pages render (`Saving`): the head and
///   the site's keys are known only after the write;
/// - `faces.bin`: each document's face and what Link found between them,
///   written again only when some face changed.
///
/// Every failure fails safe: `faces.bin`, the head and the site's keys
/// each end with a hash of their bytes (`sealed`), and the head holds the
/// body's, so a missing, short, corrupt or foreign file is
/// ignored whole and the build starts from what it can trust, at worst an
/// empty session (every page rendered). Each file is written under a
/// temporary name and renamed into place; the faces file carries the link
/// key the session file names.
public struct SessionStore: Sendable {
    /// Bump when anything about the files changes.
    static let format = 9
    static let sessionName = "session.bin"
    static let facesName = "faces.bin"

    let folder: String

    public init(output: String) {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        folder = outputURL.deletingLastPathComponent()
            .appendingPathComponent(StagingName(outputName: outputURL.lastPathComponent).workFolder).path
    }

    /// A document's text by its bytes: a file saved again with the same bytes is no edit.
    static func contentHash(_ text: String) -> Digest {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.digest()
    }

    // MARK: Restoring

    /// The last build's session, or nil when there is none to trust. Only
    /// the head is decoded now; the rest when the build needs it
    /// (`BuildSession.materialize`).
    public func restore() -> BuildSession? {
        let path = folder + "/" + Self.sessionName
        guard let (tail, bodyLength) = Self.readTail(path) else { return nil }
        let folder = folder
        let session = Self.decode(tail: tail, bodyLength: bodyLength, body: { Self.read(path, count: bodyLength) },
                                  faces: { Self.read(folder + "/" + Self.facesName) })
        // The git history's files (`HistoryStore`) with the rest, on first need.
        if let session, let rest = session.pending {
            session.pending = { session in
                rest(session)
                if var history = session.history {
                    HistoryStore.restore(&history, main: Self.read(folder + "/" + HistoryStore.historyName),
                                         working: Self.read(folder + "/" + HistoryStore.workingName))
                    session.history = history
                }
            }
        }
        return session
    }

    /// The session whose `session.bin` ends with `tail` (the site's keys and
    /// the head) after a body of `bodyLength` bytes: its head decoded now,
    /// the rest, with `body` and `faces` (`faces.bin`), on first need; nil
    /// when the head is not one.
    static func decode(tail: [UInt8], bodyLength: Int, body: @escaping @Sendable () -> [UInt8]?,
                       faces: @escaping @Sendable () -> [UInt8]?) -> BuildSession? {
        var outer = RecordReader(tail)
        let keys = outer.raw()
        guard let head = unsealed(outer.raw()), !outer.failed, outer.isAtEnd else { return nil }
        var reader = RecordReader(head)
        guard reader.string() == "planfolio-session", reader.int() == format,
              reader.string() == Settings.executableIdentity else { return nil }
        let session = BuildSession()
        session.settingsKey = reader.digest()
        session.listingKey = reader.digest()
        session.strict = reader.bool()
        session.history = HistorySession(headKey: reader.digest())
        session.report = report(&reader)
        session.site = reader.optional { reader in
            BuildSession.WrittenSite(output: reader.string(), keys: [:], stamp: reader.optional { $0.string() }, files: reader.int())
        }
        let length = reader.int(), bodyHash = reader.digest()
        guard !reader.failed, reader.isAtEnd, length == bodyLength else { return nil }
        session.pending = { session in decodeRest(body(), bodyHash: bodyHash, keys: keys, faces: faces(), into: session) }
        return session
    }

    /// Decodes the documents, the link and status results and the site's
    /// keys; on any failure the session keeps only its head (a cold build).
    private static func decodeRest(_ body: [UInt8]?, bodyHash: Digest, keys: ArraySlice<UInt8>, faces faceBytes: [UInt8]?,
                                   into session: BuildSession) {
        // The faces' seal and the body's hash are checked at once, on two cores.
        let facesChecked = BackgroundWork([{ @Sendable () -> ArraySlice<UInt8>? in faceBytes.flatMap { unsealed($0[...]) } }], lanes: 1)
        let siteKeys = unsealed(keys)
        let bodyIntact = body.map { hash($0[...]) == bodyHash } ?? false
        guard let faces = facesChecked.wait()[0], let siteKeys, let bytes = body, bodyIntact else { return session.forgetAllButHead() }
        var reader = RecordReader(bytes)
        let linkKey = reader.digest(), linkShape = reader.digest()
        guard let linked = decodeFaces(faces, key: linkKey) else { return session.forgetAllButHead() }
        var documents: [String: BuildSession.DocumentEntry] = [:]
        var order: [String] = []
        let count = reader.count()
        documents.reserveCapacity(count)
        order.reserveCapacity(count)
        for _ in 0..<count {
            let start = reader.offset
            let path = reader.string(), stamp = reader.string(), contentHash = reader.digest()
            let problems = reader.array(diagnostic).compactMap { $0 }
            let parsed = reader.optional { reader -> BuildSession.ParsedDocument? in
                let own = reader.array(diagnostic).compactMap { $0 }
                let faceHash = reader.digest(), searchText = reader.string()
                let mentions = MentionFilter(bytes: reader.raw())
                let links = reader.array { reader in LinkedFiles.Candidate(url: reader.string(), line: reader.int()) }
                let version = reader.digest()
                let resolved = reader.optional { reader -> BuildSession.Resolved in
                    let key = reader.digest(), digest = reader.digest()
                    var resolution = LinkedFiles.Resolution()
                    for (url, replacement) in reader.array({ reader in (reader.string(), reader.string()) }) {
                        resolution.replacements[url] = replacement
                    }
                    resolution.used = reader.array { $0.string() }
                    resolution.diagnostics = reader.array(diagnostic).compactMap { $0 }
                    return BuildSession.Resolved(key: key, resolution: resolution, digest: digest)
                }
                guard let face = linked.faces[path] else {
                    reader.fail()
                    return nil
                }
                return BuildSession.ParsedDocument(document: face.document, completeness: .light, own: own, face: face.bytes, faceHash: faceHash,
                                                   searchText: searchText, mentions: mentions, links: links, mentionsVersion: version,
                                                   resolved: resolved)
            }
            if reader.failed { break }
            documents[path] = BuildSession.DocumentEntry(stamp: stamp, contentHash: contentHash, parsed: parsed ?? nil,
                                                         problems: problems, encoded: bytes[start..<reader.offset])
            order.append(path)
        }
        let assets = reader.array { reader -> (String, BuildSession.AssetEntry) in
            let path = reader.string(), stamp = reader.string()
            let svg = reader.optional { reader -> SVGVerdict in
                reader.bool() ? .refused(reader.string()) : .published(leftOut: reader.array { $0.string() })
            }
            return (path, BuildSession.AssetEntry(stamp: stamp, svg: svg))
        }
        let listingDiagnostics = reader.array(diagnostic).compactMap { $0 }
        let linkDiagnostics = reader.array(diagnostic).compactMap { $0 }
        let statusKey = reader.digest(), rules = reader.digest()
        let statusDiagnostics = reader.array(diagnostic).compactMap { $0 }
        let views = reader.array { reader in
            (id: reader.string(), view: reader.digest(), neighbourhood: reader.digest(), inputs: reader.digest())
        }
        var keysReader = RecordReader(siteKeys)
        let keys = keysReader.array { reader in (reader.string(), reader.digest()) }
        // Each document once, in order.
        guard documents.count == order.count, zip(order, order.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return session.forgetAllButHead()
        }
        // Every parsed document has its face, and no face is left over.
        guard !reader.failed, reader.isAtEnd, !keysReader.failed, keysReader.isAtEnd,
              linked.faces.count == documents.values.count(where: { $0.parsed != nil }) else {
            return session.forgetAllButHead()
        }
        session.documents = documents
        session.documentOrder = order
        session.assets = Dictionary(assets, uniquingKeysWith: { first, _ in first })
        session.listingDiagnostics = listingDiagnostics
        var targets: [String: IDLinker.Target] = [:]
        for document in linked.portfolio.documents { targets[document.id] = IDLinker.Target(path: document.url, title: document.title) }
        session.link = .init(key: linkKey, shape: linkShape, portfolio: linked.portfolio, diagnostics: linkDiagnostics, targets: targets, shown: [:])
        session.facesOnDisk = linkKey
        session.status = .init(key: statusKey, rules: rules,
                               inputs: Dictionary(views.map { ($0.id, $0.inputs) }, uniquingKeysWith: { first, _ in first }),
                               status: PortfolioStatus(today: Day(year: 1970, month: 1, day: 1)!), complete: false,
                               diagnostics: statusDiagnostics,
                               viewKeys: Dictionary(views.map { ($0.id, $0.view) }, uniquingKeysWith: { first, _ in first }),
                               neighbourhoods: Dictionary(views.map { ($0.id, $0.neighbourhood) }, uniquingKeysWith: { first, _ in first }))
        session.site?.keys = Dictionary(keys, uniquingKeysWith: { first, _ in first })
        session.site?.order = keys.map(\.0)
    }

    /// Every parsed document's face (decoded, with an empty tree) by path,
    /// and the linked portfolio: its documents' order and what Link found
    /// between them. nil when anything does not fit.
    private static func decodeFaces(_ bytes: ArraySlice<UInt8>, key: Digest)
        -> (faces: [String: (document: Document, bytes: [UInt8])], portfolio: Portfolio)? {
        var reader = RecordReader(bytes)
        guard reader.string() == "planfolio-faces", reader.int() == format, reader.digest() == key else { return nil }
        let empty = MarkdownNode(.document)
        let raw = reader.array { reader in (source: reader.string(), face: reader.raw()) }
        let order = reader.array { $0.string() }
        let referencedBy = reader.array { reader -> (String, [String]) in (reader.string(), reader.array { $0.string() }) }
        let supersededBy = reader.array { reader in (reader.string(), reader.string()) }
        let systems = reader.array { reader -> SystemGroup in
            let name = reader.string(), slug = reader.string()
            return SystemGroup(name: name, slug: slug, documentIDs: reader.array { $0.string() })
        }
        guard !reader.failed, reader.isAtEnd else { return nil }
        let decoded = ConcurrentMap.map(raw.map(\.face)) { face -> Document? in
            var reader = RecordReader(face)
            return DocumentFace.decodeLight(&reader, body: empty)
        }
        var faces: [String: (document: Document, bytes: [UInt8])] = [:]
        faces.reserveCapacity(raw.count)
        for ((source, face), document) in zip(raw, decoded) {
            guard let document, document.source == source else { return nil }
            faces[source] = (document, Array(face))
        }
        var portfolioDocuments: [Document] = []
        portfolioDocuments.reserveCapacity(order.count)
        for source in order {
            guard let document = faces[source]?.document else { return nil }
            portfolioDocuments.append(document)
        }
        var portfolio = Portfolio(documents: portfolioDocuments,
                                  referencedBy: Dictionary(referencedBy, uniquingKeysWith: { first, _ in first }), systems: systems)
        portfolio.supersededBy = Dictionary(supersededBy, uniquingKeysWith: { first, _ in first })
        return (faces, portfolio)
    }

    // MARK: Saving

    /// Writes the session down; `faces.bin` only when its link key is not the one on disk.
    public func save(_ session: BuildSession) {
        // Begun during the build (`Build`): finished now that its site and report are known.
        if let saving = session.saving {
            session.saving = nil
            return saving.finish()
        }
        // Never decoded since it was restored: the files on disk are this session already.
        guard session.pending == nil else { return }
        start(session).finish()
    }

    /// Saving begun as soon as the build has its statuses (`Build`): the
    /// faces and the body of `session.bin` are encoded from a `Snapshot`,
    /// and `faces.bin` and the body written, on a thread of their own while
    /// the pages are planned and rendered; `finish` adds what the write made
    /// known (the site's keys, the head) and puts `session.bin` in place.
    /// What the build changes of the session meanwhile is its site, its
    /// report and how complete its documents are, none of which the body holds.
    final class Saving: @unchecked Sendable {
        let store: SessionStore
        let session: BuildSession
        /// The body written under a temporary name, still open, with its length and hash; nil on a failure.
        private let work: BackgroundWork<(path: String, descriptor: Int32, length: Int, hash: Digest)?>

        fileprivate init(store: SessionStore, session: BuildSession) {
            self.store = store
            self.session = session
            let folder = store.folder
            let facesKey = session.link.flatMap { session.facesOnDisk == $0.key ? nil : $0.key }
            let snapshot = Snapshot(session)
            work = BackgroundWork([{
                guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { return nil }
                if facesKey != nil, !POSIXFile.replace(folder + "/" + SessionStore.facesName, with: SessionStore.encodeFaces(snapshot)) {
                    return nil
                }
                let body = SessionStore.encodeBody(snapshot)
                let temporary = POSIXFile.temporaryPath(for: folder + "/" + SessionStore.sessionName)
                unlink(temporary)
                let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { return nil }
                guard POSIXFile.writeAll(descriptor, body) else {
                    close(descriptor)
                    unlink(temporary)
                    return nil
                }
                return (temporary, descriptor, body.count, SessionStore.hash(body[...]))
            }], lanes: 1)
            if let facesKey { session.facesOnDisk = facesKey }
        }

        func finish() {
            guard let written = work.wait().first ?? nil else {
                session.facesOnDisk = nil
                return store.forget()
            }
            let complete = POSIXFile.writeAll(written.descriptor, SessionStore.tail(session, bodyLength: written.length, bodyHash: written.hash))
            close(written.descriptor)
            guard complete, rename(written.path, store.folder + "/" + SessionStore.sessionName) == 0 else {
                unlink(written.path)
                session.facesOnDisk = nil
                return store.forget()
            }
            session.unsaved = false
            if var history = session.history {
                HistoryStore.save(&history, folder: store.folder)
                session.history = history
            }
            store.removeDeadTemporaries()
        }

        /// The build failed: the body written goes, and `session.bin` stays as it was (a
        /// `faces.bin` written since names another link key: the next build does not trust the two).
        func abandon() {
            guard let written = work.wait().first ?? nil else { return }
            close(written.descriptor)
            unlink(written.path)
        }
    }

    /// What `session.bin`'s body and `faces.bin` are made of, taken from a
    /// session at one moment: values, encoded on the saving thread while the
    /// build goes on (a document the build then changes is copied first, `DocumentEntry`).
    struct Snapshot: Sendable {
        var documents: [String: BuildSession.DocumentEntry]
        var documentOrder: [String]
        var assets: [String: BuildSession.AssetEntry]
        var listingDiagnostics: [Diagnostic]
        var link: BuildSession.LinkResult?
        var status: BuildSession.StatusResult?

        init(_ session: BuildSession) {
            documents = session.documents
            documentOrder = session.documentOrder
            assets = session.assets
            listingDiagnostics = session.listingDiagnostics
            link = session.link
            status = session.status
        }
    }

    /// Begins saving `session` (see `Saving`).
    func start(_ session: BuildSession) -> Saving {
        Saving(store: self, session: session)
    }

    /// `faces.bin`: every parsed document's face by path, the linked
    /// portfolio's order, and what Link found. Empty without a link result.
    static func encodeFaces(_ session: Snapshot) -> [UInt8] {
        guard let link = session.link else { return [] }
        // In path order (`documentOrder` is sorted), each read through its entry: a parsed document is large to copy.
        let parsed = session.documentOrder.filter { session.documents[$0]?.parsed != nil }
        // Each face, its path and that path again in the order; the relations are small beside them.
        var capacity = 8_192
        for path in parsed { capacity += (session.documents[path]?.parsed?.face.count ?? 0) + 2 * path.utf8.count + 16 }
        var writer = RecordWriter(capacity: capacity + link.portfolio.documents.count * 100)
        writer.string("planfolio-faces")
        writer.int(format)
        writer.digest(link.key)
        writer.array(parsed) { writer, path in
            writer.string(path)
            let face = session.documents[path]?.parsed?.face ?? []
            writer.raw(face.isEmpty ? session.documents[path]?.parsed.map { DocumentFace.encode($0.document) } ?? [] : face)
        }
        writer.array(link.portfolio.documents) { $0.string($1.source) }
        writer.array(link.portfolio.referencedBy.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.array(entry.value) { $0.string($1) }
        }
        writer.array(link.portfolio.supersededBy.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value)
        }
        writer.array(link.portfolio.systems) { writer, system in
            writer.string(system.name)
            writer.string(system.slug)
            writer.array(system.documentIDs) { $0.string($1) }
        }
        return sealed(writer.take())
    }

    /// What follows the body (`encodeBody`, `bodyLength` bytes hashing to
    /// `bodyHash`) in `session.bin`: each site file's key and the head, each
    /// sealed, then the body's length in eight bytes, which says where they begin.
    static func tail(_ session: BuildSession, bodyLength: Int, bodyHash: Digest) -> [UInt8] {
        var head = RecordWriter()
        head.string("planfolio-session")
        head.int(format)
        head.string(Settings.executableIdentity)
        head.digest(session.settingsKey ?? .none)
        head.digest(session.listingKey ?? .none)
        head.bool(session.strict)
        head.digest(session.history?.headKey ?? .none)
        report(&head, session.report)
        head.optional(session.site) { writer, site in
            writer.string(site.output)
            writer.optional(site.stamp) { $0.string($1) }
            writer.int(site.files)
        }
        head.int(bodyLength)
        head.digest(bodyHash)
        let site = session.site
        var keys = RecordWriter(capacity: (site?.files ?? 0) * 60 + 64)
        keys.array((site?.order ?? []).compactMap { path in site?.keys[path].map { (path, $0) } }) { writer, item in
            writer.string(item.0)
            writer.digest(item.1)
        }
        var tail = RecordWriter(capacity: head.bytes.count + keys.bytes.count + 128)
        tail.raw(sealed(keys.take()))
        tail.raw(sealed(head.take()))
        var length = UInt64(bodyLength)
        for _ in 0..<8 {
            tail.byte(UInt8(truncatingIfNeeded: length))
            length >>= 8
        }
        return tail.take()
    }

    /// The hash the head keeps of the body.
    static func hash(_ bytes: ArraySlice<UInt8>) -> Digest {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.digest()
    }

    /// The part of `session.bin` a build knows before it renders: every
    /// document and asset, the link and status results.
    static func encodeBody(_ session: Snapshot) -> [UInt8] {
        // Most records are the bytes they were read from: their size is known.
        var capacity = 4_096
        for entry in session.documents.values { capacity += entry.encoded?.count ?? 2_048 }
        var writer = RecordWriter(capacity: capacity + session.assets.count * 100)
        writer.digest(session.link?.key ?? .none)
        writer.digest(session.link?.shape ?? .none)
        let documents = session.documentOrder.compactMap { path in session.documents[path].map { (path, $0) } }
        writer.array(documents) { writer, item in
            let (path, entry) = item
            if let encoded = entry.encoded { return writer.append(encoded) }
            writer.string(path)
            writer.string(entry.stamp)
            writer.digest(entry.contentHash)
            writer.array(entry.problems, diagnostic)
            writer.optional(entry.parsed) { writer, parsed in
                writer.array(parsed.own, diagnostic)
                writer.digest(parsed.faceHash)
                writer.string(parsed.searchText)
                writer.raw(parsed.mentions.bytes)
                writer.array(parsed.links) { writer, link in
                    writer.string(link.url)
                    writer.int(link.line)
                }
                writer.digest(parsed.mentionsVersion)
                writer.optional(parsed.resolved) { writer, resolved in
                    writer.digest(resolved.key)
                    writer.digest(resolved.digest)
                    writer.array(resolved.resolution.replacements.sorted { $0.key < $1.key }) { writer, item in
                        writer.string(item.key)
                        writer.string(item.value)
                    }
                    writer.array(resolved.resolution.used) { $0.string($1) }
                    writer.array(resolved.resolution.diagnostics, diagnostic)
                }
            }
        }
        writer.array(session.assets.sorted { $0.key < $1.key }) { writer, item in
            writer.string(item.key)
            writer.string(item.value.stamp)
            writer.optional(item.value.svg) { writer, verdict in
                switch verdict {
                case .refused(let reason):
                    writer.bool(true)
                    writer.string(reason)
                case .published(let leftOut):
                    writer.bool(false)
                    writer.array(leftOut) { $0.string($1) }
                }
            }
        }
        writer.array(session.listingDiagnostics, diagnostic)
        writer.array(session.link?.diagnostics ?? [], diagnostic)
        writer.digest(session.status?.key ?? .none)
        writer.digest(session.status?.rules ?? .none)
        writer.array(session.status?.diagnostics ?? [], diagnostic)
        let ids = session.link?.portfolio.documents.map(\.id) ?? []
        let viewKeys = session.status?.viewKeys ?? [:], neighbourhoods = session.status?.neighbourhoods ?? [:]
        let inputs = session.status?.inputs ?? [:]
        writer.array(ids.compactMap { id in viewKeys[id].map { (id, $0, neighbourhoods[id] ?? .none, inputs[id] ?? .none) } }) { writer, item in
            writer.string(item.0)
            writer.digest(item.1)
            writer.digest(item.2)
            writer.digest(item.3)
        }
        return writer.bytes
    }

    /// Removes the session files: the next build starts from an empty session.
    public func forget() {
        unlink(folder + "/" + Self.sessionName)
        unlink(folder + "/" + Self.facesName)
        HistoryStore.forget(folder: folder)
    }

    /// The session files and the spare's note are each written as
    /// `NAME.PID.tmp` and renamed into place; a build killed in between
    /// leaves that file, and no later build would ever write the same name.
    /// Those of builds no longer running go.
    fileprivate func removeDeadTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let ours = ProcessInfo.processInfo.processIdentifier
        let written: Set<Substring> = [Substring(Self.sessionName), Substring(Self.facesName),
                                       Substring(HistoryStore.historyName), Substring(HistoryStore.workingName),
                                       Substring(StagingName(outputName: "").spareRecord)]
        for name in names where name.hasSuffix(".tmp") {
            let stem = name.dropLast(".tmp".count)
            guard let dot = stem.lastIndex(of: "."), written.contains(stem[..<dot]),
                  let pid = Int32(stem[stem.index(after: dot)...]), pid > 0,
                  pid != ours, !LeftoverCleaner.isAlive(pid) else { continue }
            unlink(folder + "/" + name)
        }
    }

    // MARK: Parts

    /// `bytes` followed by their `StableHasher` hash: a file cut short, or
    /// changed by anything but planfolio, is refused whole (`unsealed`).
    static func sealed(_ bytes: consuming [UInt8]) -> [UInt8] {
        var hasher = StableHasher()
        hasher.combine(bytes)
        // Appended in place: the session's 30 MB are not copied again.
        var bytes = bytes
        bytes.append(contentsOf: hasher.finalize().utf8)
        return bytes
    }

    /// What `sealed` sealed, or nil when the hash at the end is not theirs.
    static func unsealed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let sealLength = 32
        guard bytes.count >= sealLength else { return nil }
        let body = bytes[bytes.startIndex..<bytes.endIndex - sealLength]
        var hasher = StableHasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        return bytes[body.endIndex...].elementsEqual(hasher.finalize().utf8) ? body : nil
    }

    /// The end of `session.bin` after its body (`tail`), without the last eight bytes, and the body's length.
    private static func readTail(_ path: String) -> (tail: [UInt8], bodyLength: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= 8, let trailer = POSIXFile.readRange(descriptor, at: Int(info.st_size) - 8, count: 8) else {
            return nil
        }
        let length = trailer.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(info.st_size) - 8, let tail = POSIXFile.readRange(descriptor, at: Int(length), count: Int(info.st_size) - 8 - Int(length)) else {
            return nil
        }
        return (tail, Int(length))
    }

    /// The file at `path`, or its first `count` bytes (`session.bin`'s body).
    private static func read(_ path: String, count: Int? = nil) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return POSIXFile.readRange(descriptor, at: 0, count: count ?? Int(info.st_size))
    }

    private static func report(_ writer: inout RecordWriter, _ report: BuildReport?) {
        writer.optional(report) { writer, report in
            writer.array(report.diagnostics, diagnostic)
            writer.int(report.documentsRead)
            writer.int(report.pagesWritten)
            writer.bool(report.wrote)
            writer.int(report.filesUnchanged)
        }
    }

    private static func report(_ reader: inout RecordReader) -> BuildReport? {
        reader.optional { reader in
            let diagnostics = reader.array(diagnostic).compactMap { $0 }
            var report = BuildReport(diagnostics: diagnostics, documentsRead: reader.int(), pagesWritten: reader.int(), wrote: reader.bool())
            report.filesUnchanged = reader.int()
            return report
        }
    }

    static func diagnostic(_ writer: inout RecordWriter, _ diagnostic: Diagnostic) {
        writer.string(diagnostic.file)
        writer.int(diagnostic.line)
        writer.optional(diagnostic.column) { $0.int($1) }
        writer.string(diagnostic.severity.rawValue)
        writer.string(diagnostic.code.rawValue)
        writer.string(diagnostic.message)
    }

    /// nil for a code this planfolio does not know, which fails the whole read.
    static func diagnostic(_ reader: inout RecordReader) -> Diagnostic? {
        let file = reader.string(), line = reader.int()
        let column = reader.optional { $0.int() }
        guard let severity = reader.enumeration(Diagnostic.Severity.self),
              let code = reader.enumeration(DiagnosticCode.self) else { return nil }
        return Diagnostic(file: file, line: line, column: column, severity: severity, code: code, message: reader.string())
    }
}
