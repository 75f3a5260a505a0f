import Foundation
import Testing
@testable import PlanfolioKit

/// `readdir`'s entries read without copying the whole `dirent` (a short
/// name's record can end a page): names of every length and script, and types.
@Suite struct DirectoryEntryTests {
    @Test func namesAndTypesAreReadAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-dirent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["a", "RP-2026-001.md", "é-ü-日本.md", String(repeating: "x", count: 251) + ".md"]
        for name in files { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plans"), withIntermediateDirectories: false)

        let directory = try #require(opendir(folder.path))
        defer { closedir(directory) }
        var found: [String: UInt8] = [:]
        while let entry = readdir(directory) {
            found[DirectoryEntry.name(of: entry)] = DirectoryEntry.type(of: entry)
        }
        #expect(Set(found.keys) == Set(files + ["plans", ".", ".."]))
        // Where the file system does not say (DT_UNKNOWN), callers ask `stat`; here it says.
        for name in files { #expect([UInt8(DT_REG), UInt8(DT_UNKNOWN)].contains(found[name]), "\(name)") }
        #expect([UInt8(DT_DIR), UInt8(DT_UNKNOWN)].contains(found["plans"]))
    }
}
