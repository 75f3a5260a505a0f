import Foundation
@testable import PlanfolioKit

/// A git repository a test makes and scripts: files written under its
/// portfolio folder, commits with fixed authors and dates (so the same
/// script gives the same commit ids), branches, merges, clones. Removed
/// when the test ends. Needs `git` on the PATH (`.ci/deps --test`).
final class GitSandbox {
    let folder: URL
    /// The repository's top.
    let root: URL
    /// The portfolio folder inside it.
    let input: URL
    let prefix: String

    init(prefix: String = "Plans") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-git-\(UUID().uuidString)")
        root = folder.appendingPathComponent("repo")
        self.prefix = prefix
        input = prefix.isEmpty ? root : root.appendingPathComponent(prefix)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    /// Another sandbox's repository cloned (`arguments` as for `git clone`, e.g. `--depth 1`).
    init(cloning other: GitSandbox, _ arguments: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        root = folder.appendingPathComponent("repo")
        prefix = other.prefix
        input = prefix.isEmpty ? root : root.appendingPathComponent(prefix)
        try Self.run(["clone", "-q"] + arguments + ["file://" + other.root.path, root.path], in: folder, date: "2026-01-01T00:00:00+00:00")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    static let authors = ["Dana Ortiz", "Kofi Mbeki", "Leila Rahman"]

    /// `text` written at `path` under the portfolio folder.
    func write(_ path: String, _ text: String) throws {
        let url = input.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: input.appendingPathComponent(path), encoding: .utf8)
    }

    /// The file at `path` with `old` replaced by `new` (which must be there).
    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try read(path)
        guard text.contains(old) else { throw Failure(message: "\(path) does not contain \(old)") }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Everything staged and committed on `day` (noon UTC plus `minute`), by `author`; the commit's id.
    @discardableResult
    func commit(_ message: String, on day: String, minute: Int = 0, author: String = GitSandbox.authors[0]) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, date: String(format: "%@T12:%02d:00+00:00", day, minute), author: author)
        return try head()
    }

    func head() throws -> String {
        try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    func git(_ arguments: String..., date: String = "2026-01-01T00:00:00+00:00", author: String = GitSandbox.authors[0]) throws -> String {
        try Self.run(arguments, in: root, date: date, author: author)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: URL, date: String, author: String = authors[0]) throws -> String {
        let git = try TestPaths.tool("git", install: "apt-get install -y git")
        let process = Process()
        process.executableURL = git
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("GIT_") { environment[key] = nil }
        let email = author.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.org"
        environment["GIT_AUTHOR_NAME"] = author
        environment["GIT_AUTHOR_EMAIL"] = email
        environment["GIT_COMMITTER_NAME"] = author
        environment["GIT_COMMITTER_EMAIL"] = email
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_PROTOCOL_FROM_USER"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: "git \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The documents the history tests commit: a plan on the template whose
/// sections can be edited one at a time, signed on a given day.
enum HistoryFixtures {
    static func plan(id: String = "RP-2026-001", signed: String = "2026-03-02", updated: String? = nil, goal: String = "Disparate impact ratio above 0.8.",
                     summary: String = "The approval rate for older applicants fell.", extraRole: String = "") -> String {
        """
        ---
        id: \(id)
        title: Fix the scorer
        system: Credit Scorer
        date: 2026-03-01
        \(updated.map { "updated: \($0)\n" } ?? "")owner: Dana Ortiz
        ---

        # Fairness Drift Remediation Plan

        ## Problem Summary

        \(summary)

        ## Remediation Goals

        1. \(goal)

        ## Proposed Intervention(s)

        ### Intervention 1: Reweigh

        **Description**: Reweigh the training data.

        **Target Completion Date**: 2026-05-01

        ## Implementation Plan

        ### Phases and Milestones

        | Phase | Key Activities | Deliverable | Deadline | Owner | Status |
        |---|---|---|---|---|---|
        | Design | Plan it | Design note | 2026-04-01 | Dana | done |
        | Build | Do it | Model | 2026-06-01 | Kofi | planned |

        ### Responsibilities

        | Role | Name/Team | Responsibility |
        |---|---|---|
        | Developer | Kofi | Build |

        ## Validation Strategy

        **Validation Period**: 4 weeks

        ## Rollback Plan

        Switch back to the last approved model.

        ## Communication Plan

        Monthly note to the committee.

        ## Approval

        | Role | Name | Signature | Date |
        |---|---|---|---|
        | Plan Owner | Dana Ortiz | /s/ Dana | \(signed) |
        | Technical Lead | Kofi Mbeki | /s/ Kofi | \(signed) |
        | Fairness Assessment Lead | Leila Rahman | /s/ Leila | \(signed) |
        | System Owner/Product Manager | Soren Eriksen | /s/ Soren | \(signed) |
        \(extraRole)
        """
    }

    static func assessment(id: String = "FAF-2026-02-001", value: String = "0.7") -> String {
        """
        ---
        id: \(id)
        title: Assessment of the scorer
        system: Credit Scorer
        date: 2026-02-01
        metrics:
          - name: disparate impact ratio
            group: applicants aged 65 and over
            value: \(value)
            threshold: 0.8
        ---

        # Assessment

        Findings.
        """
    }
}
