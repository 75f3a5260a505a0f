import Foundation

/// What the build cache keeps of each document of the last site, so that a
/// rebuild after a few edits can reuse the rest (`IncrementalBuild`).
///
/// Kept in `records.bin` beside the manifest, in `RecordWriter`'s form.
/// It belongs to one manifest (`build`, the manifest's key) and is only
/// trusted together with it; anything unreadable means a full build.
struct BuildRecords: Sendable {
    /// Bump when anything about the file or `DocumentFace` changes.
    static let format = 2
    static let fileName = "records.bin"

    /// The manifest key of the build these records belong to.
    var build: String
    /// `BuildCache.restKey` of that build: everything but the input folder.
    var restKey: String
    /// `OutputStamp.entries` of the input folder when that build read it.
    var inputEntries: [String]
    /// Input files that are not documents, and those of them that are SVG with script (`LoadedInput`).
    var assets: [String]
    var activeAssets: [String]
    /// Diagnostics that belong to no one document's text (see `Record.own`), before `--strict`.
    var shared: [Diagnostic]
    /// One per document, in the linked portfolio's order (`Portfolio.documents`).
    var documents: [Record]
    /// What Link found between the documents (`Portfolio`), which depends
    /// on their faces alone, sorted by id.
    var referencedBy: [(id: String, by: [String])] = []
    var supersededBy: [(id: String, by: String)] = []
    var systems: [SystemGroup] = []

    /// One document as the last build saw it.
    struct Record: Sendable {
        /// Path under the input folder (`Document.source`).
        var source: String
        var id: String
        /// `BuildCache.contentHash` of its file.
        var contentHash: String { didSet { encoded = nil } }
        /// `DocumentFace` bytes (a slice of the records file when read from it).
        var face: ArraySlice<UInt8> { didSet { encoded = nil } }
        /// The input files its body links to (`LinkedFiles`), sorted.
        var linkedFiles: [String] { didSet { encoded = nil } }
        /// Its text in the search index.
        var searchText: String { didSet { encoded = nil } }
        /// What parsing it and resolving its links reported: the only
        /// diagnostics an edit that keeps the face can change.
        var own: [Diagnostic] { didSet { encoded = nil } }
        /// This record's bytes in the file it was read from, until a field
        /// changes: writing the records again after a rebuild of one page
        /// copies the other 19,999 instead of encoding them.
        fileprivate var encoded: ArraySlice<UInt8>?

        init(source: String, id: String, contentHash: String, face: ArraySlice<UInt8>, linkedFiles: [String],
             searchText: String, own: [Diagnostic]) {
            self.source = source
            self.id = id
            self.contentHash = contentHash
            self.face = face
            self.linkedFiles = linkedFiles
            self.searchText = searchText
            self.own = own
        }
    }

    func encoded() -> [UInt8] {
        var writer = RecordWriter(capacity: documents.reduce(4_096) { $0 + $1.face.count + $1.searchText.utf8.count + 128 })
        writer.string("planfolio-records")
        writer.int(Self.format)
        writer.string(build)
        writer.string(restKey)
        writer.array(inputEntries) { $0.string($1) }
        writer.array(assets) { $0.string($1) }
        writer.array(activeAssets) { $0.string($1) }
        writer.array(shared, Self.diagnostic)
        writer.array(documents) { writer, record in
            if let encoded = record.encoded { return writer.append(encoded) }
            writer.string(record.source)
            writer.string(record.id)
            writer.string(record.contentHash)
            writer.raw(record.face)
            writer.array(record.linkedFiles) { $0.string($1) }
            writer.string(record.searchText)
            writer.array(record.own, Self.diagnostic)
        }
        writer.array(referencedBy) { writer, entry in
            writer.string(entry.id)
            writer.array(entry.by) { $0.string($1) }
        }
        writer.array(supersededBy) { writer, entry in
            writer.string(entry.id)
            writer.string(entry.by)
        }
        writer.array(systems) { writer, system in
            writer.string(system.name)
            writer.string(system.slug)
            writer.array(system.documentIDs) { $0.string($1) }
        }
        return writer.bytes
    }

    /// nil when the bytes are not a whole records file of this format.
    init?(decoding bytes: [UInt8]) {
        var reader = RecordReader(bytes)
        guard reader.string() == "planfolio-records", reader.int() == Self.format else { return nil }
        build = reader.string()
        restKey = reader.string()
        inputEntries = reader.array { $0.string() }
        assets = reader.array { $0.string() }
        activeAssets = reader.array { $0.string() }
        shared = reader.array(Self.diagnostic).compactMap { $0 }
        documents = reader.array { reader -> Record in
            let start = reader.offset
            let source = reader.string()
            let id = reader.string()
            let contentHash = reader.string()
            let face = reader.raw()
            let linkedFiles = reader.array { $0.string() }
            let searchText = reader.string()
            let own = reader.array(Self.diagnostic).compactMap { $0 }
            var record = Record(source: source, id: id, contentHash: contentHash, face: face, linkedFiles: linkedFiles,
                                searchText: searchText, own: own)
            record.encoded = bytes[start..<reader.offset]
            return record
        }
        referencedBy = reader.array { reader -> (id: String, by: [String]) in
            let id = reader.string()
            return (id, reader.array { $0.string() })
        }
        supersededBy = reader.array { reader -> (id: String, by: String) in
            let id = reader.string()
            return (id, reader.string())
        }
        systems = reader.array { reader -> SystemGroup in
            let name = reader.string(), slug = reader.string()
            return SystemGroup(name: name, slug: slug, documentIDs: reader.array { $0.string() })
        }
        guard !reader.failed, reader.isAtEnd else { return nil }
    }

    /// Link's findings, as `IncrementalBuild` puts them back into a `Portfolio`.
    mutating func setLinks(of portfolio: Portfolio) {
        referencedBy = portfolio.referencedBy.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        supersededBy = portfolio.supersededBy.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        systems = portfolio.systems
    }

    /// The linked portfolio of `documents` (in the recorded order), with the
    /// links the last build found: the same as `Linker.link` gives when every
    /// face is as recorded.
    func portfolio(of documents: [Document]) -> Portfolio {
        var portfolio = Portfolio(documents: documents,
                                  referencedBy: Dictionary(referencedBy.map { ($0.id, $0.by) }, uniquingKeysWith: { first, _ in first }),
                                  systems: systems)
        portfolio.supersededBy = Dictionary(supersededBy.map { ($0.id, $0.by) }, uniquingKeysWith: { first, _ in first })
        return portfolio
    }

    init(build: String, restKey: String, inputEntries: [String], assets: [String], activeAssets: [String],
         shared: [Diagnostic], documents: [Record]) {
        self.build = build
        self.restKey = restKey
        self.inputEntries = inputEntries
        self.assets = assets
        self.activeAssets = activeAssets
        self.shared = shared
        self.documents = documents
    }

    static func read(folder: URL) -> BuildRecords? {
        let path = folder.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0,
              case .bytes(let bytes) = POSIXFile.readToEnd(descriptor, expected: Int(info.st_size), limit: Int.max / 2) else { return nil }
        return BuildRecords(decoding: bytes)
    }

    /// Written beside the manifest under a temporary name and renamed into place; false when it could not be.
    func write(folder: URL) -> Bool {
        let target = folder.appendingPathComponent(Self.fileName).path
        return POSIXFile.replace(target, with: encoded())
    }

    static func remove(folder: URL) {
        unlink(folder.appendingPathComponent(fileName).path)
    }

    private static func diagnostic(_ writer: inout RecordWriter, _ diagnostic: Diagnostic) {
        writer.string(diagnostic.file)
        writer.int(diagnostic.line)
        writer.optional(diagnostic.column) { $0.int($1) }
        writer.string(diagnostic.severity.rawValue)
        writer.string(diagnostic.code.rawValue)
        writer.string(diagnostic.message)
    }

    private static func diagnostic(_ reader: inout RecordReader) -> Diagnostic? {
        let file = reader.string(), line = reader.int()
        let column = reader.optional { $0.int() }
        guard let severity = reader.enumeration(Diagnostic.Severity.self),
              let code = reader.enumeration(DiagnosticCode.self) else { return nil }
        return Diagnostic(file: file, line: line, column: column, severity: severity, code: code, message: reader.string())
    }
}
