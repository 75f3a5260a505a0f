import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// `records.bin` and `faces.bin` are read back from disk, where anything
/// can happen to them: every cut and every flipped byte must decode to nil or
/// to some value, never trap (the build then falls back to a full one).
@Suite struct CacheDecodingRobustnessTests {
    /// Three documents, with diagnostics, links and systems: every part of the file has something in it.
    static func handMade() -> BuildRecords {
        let plan = CacheFixtures.fullDocument()
        var assessment = Document(id: "FAF-2026-01-001", kind: .assessment, title: "Assessment", source: "assessments/FAF-2026-01-001.md",
                                  displayPath: "Plans/assessments/FAF-2026-01-001.md", body: MarkdownNode(.document))
        assessment.system = "Credit Scorer"
        assessment.metrics = [Metric(name: "Parity ratio", group: "All", value: 0.7, threshold: 0.8, baseline: nil, limit: .min, line: 9)]
        var investigation = Document(id: "DIR-2026-003", kind: .investigation, title: "Drift", source: "investigations/DIR-2026-003.md",
                                     displayPath: "Plans/investigations/DIR-2026-003.md", body: MarkdownNode(.document))
        investigation.references.assessment = Located("FAF-2026-01-001", line: 4)
        let warning = Diagnostic.warning(.invalidValue, "bad value 'x'", file: "Plans/plans/RP-2026-042.md", line: 9, column: 3)
        let error = Diagnostic.error(.unknownReference, "no such document “DIR-2026-999”", file: "Plans/investigations/DIR-2026-003.md", line: 4)
        func record(_ document: Document, own: [Diagnostic], linked: [String]) -> BuildRecords.Record {
            BuildRecords.Record(source: document.source, id: document.id, contentHash: "hash-\(document.id)",
                                face: DocumentFace.encode(document)[...], linkedFiles: linked, searchText: "\(document.title) text ü\u{0}",
                                own: own)
        }
        var records = BuildRecords(build: "build-key", restKey: "rest-key", inputEntries: ["plans\u{0}16384\u{0}x", "plans/RP-2026-042.md\u{0}32768\u{0}y"],
                                   assets: ["investigations/evidence/chart.png", "investigations/evidence/a.svg"],
                                   svgs: ["investigations/evidence/a.svg": .refused("it is not well-formed XML (line 1: ü)"),
                                          "investigations/evidence/b.svg": .published(leftOut: ["script", "animation"])], shared: [warning],
                                   documents: [record(assessment, own: [], linked: []), record(investigation, own: [error], linked: ["investigations/evidence/chart.png"]),
                                               record(plan, own: [warning, error], linked: [])])
        records.referencedBy = [(id: "DIR-2026-003", by: ["RP-2026-042"]), (id: "FAF-2026-01-001", by: ["DIR-2026-003", "RP-2026-042"])]
        records.supersededBy = [(id: "RP-2025-009", by: "RP-2026-042")]
        records.systems = [SystemGroup(name: "Credit Scorer", slug: "credit-scorer", documentIDs: ["FAF-2026-01-001", "RP-2026-042"])]
        return records
    }

    /// The records a real build of the sample portfolio leaves in its cache folder.
    static func sampleRecords() throws -> BuildRecords {
        let root = try PerformanceFixtures.temporaryFolder("records")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = BuildOptions(today: PerformanceFixtures.today)
        options.input = Repository.path("Plans")
        options.output = root.appendingPathComponent("Output").path
        options.theme = PerformanceFixtures.themePath
        let report = try Build.run(options)
        #expect(report.wrote && !report.hasErrors)
        return try #require(BuildRecords.read(folder: BuildCache(output: options.output).folder), "the sample build kept no records")
    }

    static func expectSameRecords(_ a: BuildRecords, _ b: BuildRecords, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.build == b.build && a.faces == b.faces && a.restKey == b.restKey && a.inputEntries == b.inputEntries, sourceLocation: sourceLocation)
        #expect(a.assets == b.assets && a.svgs == b.svgs && a.shared == b.shared, sourceLocation: sourceLocation)
        #expect(a.documents.count == b.documents.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.documents, b.documents) {
            #expect(x.source == y.source && x.id == y.id && x.contentHash == y.contentHash, sourceLocation: sourceLocation)
            #expect(x.face == y.face && x.linkedFiles == y.linkedFiles && x.searchText == y.searchText && x.own == y.own,
                    sourceLocation: sourceLocation)
        }
        #expect(a.referencedBy.map(\.id) == b.referencedBy.map(\.id) && a.referencedBy.map(\.by) == b.referencedBy.map(\.by),
                sourceLocation: sourceLocation)
        #expect(a.supersededBy.map(\.id) == b.supersededBy.map(\.id) && a.supersededBy.map(\.by) == b.supersededBy.map(\.by),
                sourceLocation: sourceLocation)
        #expect(a.systems == b.systems, sourceLocation: sourceLocation)
    }

    /// The two files a build keeps (`records.bin`, `faces.bin`); each test cuts or spoils one and keeps the other whole.
    enum Part: CaseIterable, Sendable {
        case records, faces

        func bytes(of records: BuildRecords) -> [UInt8] {
            self == .records ? records.encoded() : records.encodedFaces()
        }

        /// `bytes` in place of this part, the other part as `records` writes it.
        func decode(_ bytes: [UInt8], beside records: BuildRecords) -> BuildRecords? {
            self == .records ? BuildRecords(decoding: bytes, faces: records.encodedFaces())
                : BuildRecords(decoding: records.encoded(), faces: bytes)
        }
    }

    /// Decodes `bytes` as `part`; when that gives records, they encode to files that decode to themselves.
    static func decodeQuietly(_ bytes: [UInt8], as part: Part, beside records: BuildRecords) -> Bool {
        guard let decoded = part.decode(bytes, beside: records) else { return false }
        let again = (decoded.encoded(), decoded.encodedFaces())
        let twice = BuildRecords(decoding: again.0, faces: again.1)
        #expect(twice?.encoded() == again.0 && twice?.encodedFaces() == again.1)
        return true
    }

    static func prefixLengths(of count: Int, atLeast cases: Int = 2_000) -> [Int] {
        let stride = max(1, count / cases)
        var lengths = Array(Swift.stride(from: 0, to: count, by: stride))
        lengths += (max(0, count - 64)..<count)  // every cut near the end, where the last fields are
        return Array(Set(lengths)).sorted()
    }

    @Test func handMadeRecordsRoundTrip() throws {
        let records = Self.handMade()
        let decoded = try #require(BuildRecords(decoding: records.encoded(), faces: records.encodedFaces()))
        Self.expectSameRecords(records, decoded)
        #expect(decoded.encoded() == records.encoded() && decoded.encodedFaces() == records.encodedFaces())
        // The faces inside decode to the documents.
        var reader = RecordReader(decoded.documents[2].face)
        let plan = try #require(DocumentFace.decode(&reader, body: MarkdownNode(.document)))
        CacheFixtures.expectSameFace(plan, CacheFixtures.fullDocument())
    }

    @Test func sampleRecordsRoundTrip() throws {
        let records = try Self.sampleRecords()
        #expect(records.documents.count == (try InputLoader.load(input: Repository.path("Plans")).files.count), "a record for every document")
        #expect(!records.systems.isEmpty && !records.referencedBy.isEmpty)
        let decoded = try #require(BuildRecords(decoding: records.encoded(), faces: records.encodedFaces()))
        Self.expectSameRecords(records, decoded)
        #expect(decoded.encoded() == records.encoded() && decoded.encodedFaces() == records.encodedFaces())
        for record in decoded.documents {
            var reader = RecordReader(record.face)
            let document = try #require(DocumentFace.decode(&reader, body: MarkdownNode(.document)), "\(record.id)")
            #expect(document.id == record.id && document.source == record.source)
            #expect(DocumentFace.encode(document)[...] == record.face)
        }
    }

    @Test(arguments: Part.allCases)
    func trailingBytesOrAnotherFormatAreRefused(part: Part) {
        let records = Self.handMade()
        let bytes = part.bytes(of: records)
        #expect(part.decode(bytes, beside: records) != nil)
        #expect(part.decode(bytes + [0], beside: records) == nil)
        #expect(part.decode([], beside: records) == nil)
        var other = RecordWriter()
        other.string(part == .records ? "planfolio-records" : "planfolio-faces")
        other.int(BuildRecords.format + 1)
        #expect(part.decode(other.bytes + bytes.dropFirst(other.bytes.count), beside: records) == nil)
    }

    @Test func facesOfAnotherBuildOrCountAreRefused() {
        let records = Self.handMade()
        var other = records
        other.faces = "another-build"
        #expect(BuildRecords(decoding: records.encoded(), faces: other.encodedFaces()) == nil)
        var fewer = records
        fewer.documents.removeLast()
        #expect(BuildRecords(decoding: records.encoded(), faces: fewer.encodedFaces()) == nil)
        #expect(BuildRecords(decoding: fewer.encoded(), faces: records.encodedFaces()) == nil)
    }

    @Test(arguments: Part.allCases)
    func everyCutOfHandMadeRecordsIsRefused(part: Part) {
        let records = Self.handMade()
        let bytes = part.bytes(of: records)
        #expect(bytes.count > 200)
        for length in 0..<bytes.count {
            #expect(part.decode(Array(bytes.prefix(length)), beside: records) == nil, "cut at \(length) of \(bytes.count)")
        }
    }

    @Test(arguments: Part.allCases)
    func cutsOfSampleRecordsAreRefused(part: Part) throws {
        let records = try Self.sampleRecords()
        let bytes = part.bytes(of: records)
        let lengths = Self.prefixLengths(of: bytes.count)
        #expect(lengths.count >= 2_000)
        for length in lengths {
            #expect(part.decode(Array(bytes.prefix(length)), beside: records) == nil, "cut at \(length) of \(bytes.count)")
        }
    }

    @Test(arguments: [false, true], Part.allCases)
    func randomByteCorruptionsNeverTrap(sample: Bool, part: Part) throws {
        let records = sample ? try Self.sampleRecords() : Self.handMade()
        let bytes = part.bytes(of: records)
        var generator = SeededGenerator(seed: (sample ? 0x5A3F_0001 : 0x5A3F_0002) + (part == .faces ? 0x100 : 0))
        var decoded = 0
        for _ in 0..<2_000 {
            var corrupted = bytes
            let index = Int.random(in: corrupted.indices, using: &generator)
            let value = UInt8.random(in: 0...255, using: &generator)
            corrupted[index] = value == corrupted[index] ? value &+ 1 : value
            if Self.decodeQuietly(corrupted, as: part, beside: records) { decoded += 1 }
        }
        // Most corruptions land in a string's text and still decode: the point is that none traps.
        #expect(decoded < 2_000)
    }

    @Test(arguments: Part.allCases)
    func randomMultiByteCorruptionsNeverTrap(part: Part) {
        let records = Self.handMade()
        let bytes = part.bytes(of: records)
        var generator = SeededGenerator(seed: part == .records ? 0xC0FF_EE00 : 0xC0FF_EE01)
        for _ in 0..<2_000 {
            var corrupted = bytes
            for _ in 0..<Int.random(in: 2...8, using: &generator) {
                corrupted[Int.random(in: corrupted.indices, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { corrupted.removeLast(Int.random(in: 0..<corrupted.count, using: &generator)) }
            _ = Self.decodeQuietly(corrupted, as: part, beside: records)
        }
    }

    // MARK: Faces

    static func decodeFace(_ bytes: [UInt8]) -> Document? {
        var reader = RecordReader(bytes)
        let document = DocumentFace.decode(&reader, body: MarkdownNode(.document))
        if let document {
            #expect(!reader.failed)
            // Whatever it read is a face: it writes and reads back the same.
            let again = DocumentFace.encode(document)
            var second = RecordReader(again)
            #expect(DocumentFace.decode(&second, body: MarkdownNode(.document)).map(DocumentFace.encode) == again)
        } else {
            #expect(reader.failed)
        }
        return document
    }

    @Test func everyCutOfAFaceIsRefused() {
        let bytes = DocumentFace.encode(CacheFixtures.fullDocument())
        for length in 0..<bytes.count {
            #expect(Self.decodeFace(Array(bytes.prefix(length))) == nil, "cut at \(length) of \(bytes.count)")
        }
    }

    @Test func randomFaceCorruptionsNeverTrap() throws {
        var faces = [DocumentFace.encode(CacheFixtures.fullDocument())]
        faces += try Self.sampleRecords().documents.map { Array($0.face) }
        var generator = SeededGenerator(seed: 0xFACE)
        for face in faces {
            for _ in 0..<2_000 / faces.count + 1 {
                var corrupted = face
                corrupted[Int.random(in: corrupted.indices, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                _ = Self.decodeFace(corrupted)
            }
        }
        // And every byte of the full face set to each of a few telling values.
        let face = faces[0]
        for index in face.indices {
            for value: UInt8 in [0x00, 0x01, 0x02, 0x03, 0x7F, 0x80, 0xFF] where value != face[index] {
                var corrupted = face
                corrupted[index] = value
                _ = Self.decodeFace(corrupted)
            }
        }
    }
}
