import Foundation
import Testing

/// The history options as a user meets them: `--since`, `--as-of` and
/// `--no-history` in `--help`, bad values as usage errors, and a build run
/// from a sub-folder of the repository with a relative input folder.
@Suite struct HistoryEndToEndTests {
    /// A repository with the sample portfolio under `docs/governance/Plans`, committed on fixed days.
    static func repository() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.path("docs/governance"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BuiltBinary.packageRoot.appendingPathComponent("Plans"), to: folder.path("docs/governance/Plans"))
        try git(["init", "-q", "-b", "main"], in: folder.url)
        try git(["add", "-A"], in: folder.url)
        try git(["commit", "-q", "-m", "The portfolio"], in: folder.url, date: "2026-10-01T09:00:00+00:00")
        return folder
    }

    static func git(_ arguments: [String], in folder: URL, date: String = "2026-10-01T09:00:00+00:00") throws {
        let process = Process()
        process.executableURL = try Tools.find("git", install: "apt-get install -y git")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        for (key, value) in ["GIT_AUTHOR_NAME": "Dana Ortiz", "GIT_AUTHOR_EMAIL": "dana@example.org", "GIT_COMMITTER_NAME": "Dana Ortiz",
                             "GIT_COMMITTER_EMAIL": "dana@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                             "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"] {
            environment[key] = value
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func helpNamesTheHistoryOptions() throws {
        for command in ["build", "check", "serve"] {
            let help = try BuiltBinary.run([command, "--help"])
            for option in ["--since", "--as-of", "--no-history"] {
                #expect(help.stdout.contains(option), "\(command) --help has no \(option)")
            }
        }
    }

    @Test func aBuildFromASubFolderFindsTheRepository() throws {
        let folder = try Self.repository()
        let result = try BuiltBinary.run(["build", "--input", "governance/Plans", "--output", "../Output", "--today", "2026-11-25",
                                          "--theme", BuiltBinary.packageRoot.appendingPathComponent("Theme").path], in: folder.path("docs"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("PF040") && !result.stderr.contains("git history"), "\(result.stderr)")
        let page = String(decoding: (try? Data(contentsOf: folder.path("Output/plans/RP-2026-009.html"))) ?? Data(), as: UTF8.self)
        #expect(page.contains("id=\"pf-revisions\"") && page.contains("The portfolio"))
        #expect(FileManager.default.fileExists(atPath: folder.path("Output/changes.html").path))
    }

    @Test(arguments: [["--since", "2026-02-30"], ["--as-of", "-x"], ["--as-of", "no-such-tag"], ["--as-of", "2020-01-01"],
                      ["--since", "no-such-tag"], ["--as-of", "HEAD", "--no-history"]])
    func badHistoryOptionsAreUsageErrors(_ options: [String]) throws {
        let folder = try Self.repository()
        let result = try BuiltBinary.run(["build", "--input", "docs/governance/Plans", "--today", "2026-11-25"] + options, in: folder.url)
        #expect(result.status == 2, "\(options): \(result.stderr)")
        #expect(result.stderr.contains("planfolio: error:"))
    }

    @Test func asOfOutsideARepositoryIsAUsageError() throws {
        let folder = try TemporaryFolder()
        try folder.copySample()
        let result = try BuiltBinary.run(["check", "--as-of", "HEAD", "--today", "2026-11-25"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not in a git repository"))
    }
}
