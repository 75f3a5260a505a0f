import Foundation
import Testing
@testable import PlanfolioKit

/// `POSIXFile.readToEnd`: the one read loop behind the loader and the writer's compare.
@Suite struct POSIXFileReadTests {
    func read(_ contents: [UInt8], expected: Int, limit: Int) throws -> POSIXFile.ReadResult {
        let folder = try PerformanceFixtures.temporaryFolder("posix-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("f").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents)))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        return POSIXFile.readToEnd(descriptor, expected: expected, limit: limit)
    }

    @Test func readsExactlyTheFile() throws {
        let bytes = (0..<10_000).map { UInt8($0 % 251) }
        #expect(try read(bytes, expected: bytes.count, limit: 1 << 20) == .bytes(bytes))
        #expect(try read([], expected: 0, limit: 10) == .bytes([]))
    }

    @Test func readsOnPastAnExpectedSizeThatWasTooSmall() throws {
        let bytes = (0..<9_000).map { UInt8($0 % 7) }
        #expect(try read(bytes, expected: 100, limit: 1 << 20) == .bytes(bytes))
    }

    @Test func stopsPastTheLimit() throws {
        let bytes = [UInt8](repeating: 65, count: 11)
        #expect(try read(bytes, expected: 11, limit: 11) == .bytes(bytes))
        guard case .tooLarge(let seen) = try read(bytes, expected: 11, limit: 10) else {
            Issue.record("11 bytes with a limit of 10 must be too large")
            return
        }
        #expect(seen > 10)
        guard case .tooLarge = try read(bytes, expected: 2, limit: 10) else {
            Issue.record("a file longer than expected and than the limit must be too large")
            return
        }
    }

    @Test func comparesContents() throws {
        let folder = try PerformanceFixtures.temporaryFolder("posix-compare")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("f").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("abc".utf8)))
        #expect(POSIXFile.hasContents(path, equalTo: Array("abc".utf8)))
        #expect(!POSIXFile.hasContents(path, equalTo: Array("abd".utf8)))
        #expect(!POSIXFile.hasContents(path, equalTo: Array("ab".utf8)))
        #expect(!POSIXFile.hasContents(folder.appendingPathComponent("missing").path, equalTo: []))
    }
}
