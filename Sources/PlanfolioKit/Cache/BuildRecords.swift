import Foundation

/// What the build cache keeps of each document of the last site, so that a
/// rebuild after a few edits can reuse the rest (`IncrementalBuild`).
///
/// Kept in two files beside the manifest, in `RecordWriter`'s form:
/// `faces.bin` holds what only a full build changes (the faces, 25 MB at
/// 10,000 plans, and what Link found), `records.bin` the rest, which every
/// rebuild writes again. The records belong to one manifest (`build`, the
/// manifest's key) and are only trusted together with it, and the faces
/// only with the records that name them (`faces`); anything unreadable
/// means a full build.
struct BuildRecords: Sendable {
    /// Bump when anything about the files or `DocumentFace` changes.
    static let format = 4
    static let fileName = "records.bin"
    static let facesFileName = "faces.bin"

    /// The manifest key of the build these records belong to.
    var build: String
    /// The key of the full build that wrote `faces.bin` (an incremental one keeps it).
    var faces: String
    /// `BuildCache.restKey` of that build: everything but the input folder.
    var restKey: String
    /// `OutputStamp.entries` of the input folder when that build read it.
    var inputEntries: [String]
    /// Input files that are not documents, and what became of the SVGs among them (`LoadedInput`).
    var assets: [String]
    var svgs: [String: SVGVerdict]
    /// Diagnostics that belong to no one document's text (see `Record.own`), before `--strict`.
    var shared: [Diagnostic]
    /// One per document, in the linked portfolio's order (`Portfolio.documents`).
    var documents: [Record]
    /// What Link found between the documents (`Portfolio`), which depends
    /// on their faces alone, sorted by id. Kept with the faces.
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
        /// `DocumentFace` bytes (a slice of `faces.bin` when read from it).
        var face: ArraySlice<UInt8>
        /// The input files its body links to (`LinkedFiles`), sorted.
        var linkedFiles: [String] { didSet { encoded = nil } }
        /// Its text in the search index.
        var searchText: String { didSet { encoded = nil } }
        /// What parsing it and resolving its links reported: the only
        /// diagnostics an edit that keeps the face can change.
        var own: [Diagnostic] { didSet { encoded = nil } }
        /// This record's bytes in `records.bin` as it was read, until a field
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

    /// `records.bin`.
    func encoded() -> [UInt8] {
        var writer = RecordWriter(capacity: documents.reduce(4_096) { $0 + $1.searchText.utf8.count + 128 } + inputEntries.count * 96)
        writer.string("planfolio-records")
        writer.int(Self.format)
        writer.string(build)
        writer.string(faces)
        writer.string(restKey)
        writer.array(inputEntries) { $0.string($1) }
        writer.array(assets) { $0.string($1) }
        writer.array(svgs.keys.sorted()) { writer, path in
            writer.string(path)
            switch svgs[path] ?? .refused("") {
            case .published(let leftOut):
                writer.int(0)
                writer.array(leftOut) { $0.string($1) }
            case .refused(let reason):
                writer.int(1)
                writer.string(reason)
            }
        }
        writer.array(shared, Self.diagnostic)
        writer.array(documents) { writer, record in
            if let encoded = record.encoded { return writer.append(encoded) }
            writer.string(record.source)
            writer.string(record.id)
            writer.string(record.contentHash)
            writer.array(record.linkedFiles) { $0.string($1) }
            writer.string(record.searchText)
            writer.array(record.own, Self.diagnostic)
        }
        return writer.bytes
    }

    /// `faces.bin`.
    func encodedFaces() -> [UInt8] {
        var writer = RecordWriter(capacity: documents.reduce(4_096) { $0 + $1.face.count + 4 })
        writer.string("planfolio-faces")
        writer.int(Self.format)
        writer.string(faces)
        writer.array(documents) { $0.raw($1.face) }
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

    /// nil when the two files' bytes are not a whole pair of this format.
    init?(decoding bytes: [UInt8], faces faceBytes: [UInt8]) {
        var reader = RecordReader(bytes)
        guard reader.string() == "planfolio-records", reader.int() == Self.format else { return nil }
        build = reader.string()
        faces = reader.string()
        restKey = reader.string()
        inputEntries = reader.array { $0.string() }
        assets = reader.array { $0.string() }
        svgs = [:]
        for (path, verdict) in reader.array({ reader -> (String, SVGVerdict) in
            let path = reader.string()
            return reader.int() == 0 ? (path, .published(leftOut: reader.array { $0.string() })) : (path, .refused(reader.string()))
        }) { svgs[path] = verdict }
        shared = reader.array(Self.diagnostic).compactMap { $0 }
        documents = reader.array { reader -> Record in
            let start = reader.offset
            let source = reader.string()
            let id = reader.string()
            let contentHash = reader.string()
            let linkedFiles = reader.array { $0.string() }
            let searchText = reader.string()
            let own = reader.array(Self.diagnostic).compactMap { $0 }
            var record = Record(source: source, id: id, contentHash: contentHash, face: [], linkedFiles: linkedFiles,
                                searchText: searchText, own: own)
            record.encoded = bytes[start..<reader.offset]
            return record
        }
        guard !reader.failed, reader.isAtEnd else { return nil }

        var faceReader = RecordReader(faceBytes)
        guard faceReader.string() == "planfolio-faces", faceReader.int() == Self.format, faceReader.string() == faces else { return nil }
        let faceSlices = faceReader.array { $0.raw() }
        guard faceSlices.count == documents.count else { return nil }
        for index in documents.indices { documents[index].face = faceSlices[index] }
        referencedBy = faceReader.array { reader -> (id: String, by: [String]) in
            let id = reader.string()
            return (id, reader.array { $0.string() })
        }
        supersededBy = faceReader.array { reader -> (id: String, by: String) in
            let id = reader.string()
            return (id, reader.string())
        }
        systems = faceReader.array { reader -> SystemGroup in
            let name = reader.string(), slug = reader.string()
            return SystemGroup(name: name, slug: slug, documentIDs: reader.array { $0.string() })
        }
        guard !faceReader.failed, faceReader.isAtEnd else { return nil }
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

    init(build: String, restKey: String, inputEntries: [String], assets: [String], svgs: [String: SVGVerdict],
         shared: [Diagnostic], documents: [Record]) {
        self.build = build
        self.faces = build
        self.restKey = restKey
        self.inputEntries = inputEntries
        self.assets = assets
        self.svgs = svgs
        self.shared = shared
        self.documents = documents
    }

    static func read(folder: URL) -> BuildRecords? {
        guard let bytes = readFile(folder.appendingPathComponent(fileName).path),
              let faces = readFile(folder.appendingPathComponent(facesFileName).path) else { return nil }
        return BuildRecords(decoding: bytes, faces: faces)
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0,
              case .bytes(let bytes) = POSIXFile.readToEnd(descriptor, expected: Int(info.st_size), limit: Int.max / 2) else { return nil }
        return bytes
    }

    /// Writes what `encoded` made, and first what `encodedFaces` made unless
    /// `faces` is nil (a full build; an incremental one leaves the faces as
    /// they are). Each is written under a temporary name and renamed into
    /// place; false when one could not be.
    static func write(folder: URL, records: [UInt8], faces: [UInt8]?) -> Bool {
        if let faces {
            guard POSIXFile.replace(folder.appendingPathComponent(facesFileName).path, with: faces) else { return false }
        }
        return POSIXFile.replace(folder.appendingPathComponent(fileName).path, with: records)
    }

    /// Removes `records.bin`, and `faces.bin` too unless `keepingFaces`.
    static func remove(folder: URL, keepingFaces: Bool = false) {
        unlink(folder.appendingPathComponent(fileName).path)
        if !keepingFaces { unlink(folder.appendingPathComponent(facesFileName).path) }
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
