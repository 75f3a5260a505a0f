import Foundation
import Testing
@testable import PlanfolioKit

/// Whole builds of portfolios in git repositories the tests script
/// (`GitSandbox`: fixed authors and dates): signatures judged by what
/// changed, revisions and their pages, `--as-of`, `changes.html`, the
/// fallbacks without usable history, and rebuilds after a commit.
@Suite struct HistoryBuildTests {
    static let today = Day("2026-06-30")!
    static let plan = "plans/RP-2026-001.md"
    static let page = "plans/RP-2026-001.html"

    static func options(_ sandbox: GitSandbox, output: String = "Output", input: URL? = nil) -> BuildOptions {
        var options = BuildOptions(today: today)
        options.input = (input ?? sandbox.input).path
        options.output = sandbox.folder.appendingPathComponent(output).path
        options.theme = PerformanceFixtures.themePath
        return options
    }

    @discardableResult
    static func build(_ options: BuildOptions) throws -> (report: BuildReport, files: [String: Data]) {
        let report = try Build.run(options)
        #expect(!report.hasErrors, "\(report.diagnostics)")
        return (report, try EditedBuildTests.tree(URL(fileURLWithPath: options.output)))
    }

    static func text(_ files: [String: Data], _ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    /// The rows of a page's revision list, newest first.
    static func revisionRows(_ page: String) -> [String] {
        guard let start = page.range(of: "id=\"pf-revisions\""), let end = page.range(of: "</tbody>", range: start.upperBound..<page.endIndex) else {
            return []
        }
        let rows: [String] = page[start.upperBound..<end.lowerBound].components(separatedBy: "<tr")
        return Array(rows.dropFirst(2))
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(x.count, y.count) where index >= x.count || index >= y.count || x[index] != y[index] {
            return "line \(index + 1): \(index < x.count ? String(x[index].prefix(300)) : "<end>") | \(index < y.count ? String(y[index].prefix(300)) : "<end>")"
        }
        return "same lines"
    }

    /// The plan's approval in `portfolio.json`.
    static func approval(_ files: [String: Data], id: String = "RP-2026-001") throws -> [String: Any] {
        let json = try #require(try JSONSerialization.jsonObject(with: files["portfolio.json"] ?? Data()) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        let plan = try #require(documents.first { $0["id"] as? String == id })
        return try #require(plan["approval"] as? [String: Any])
    }

    /// A sandbox with the plan committed after it was signed, and an assessment.
    static func signedPlan() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.write(plan, HistoryFixtures.plan())
        try sandbox.write("assessments/FAF-2026-02-001.md", HistoryFixtures.assessment())
        try sandbox.commit("Add the plan", on: "2026-03-03")
        return sandbox
    }

    @Test func aTypoElsewhereKeepsTheSignatureAGovernedEditVoidsIt() throws {
        let sandbox = try Self.signedPlan()
        try sandbox.edit(Self.plan, "approval rate", "approval rates")
        try sandbox.commit("Fix a typo in the summary", on: "2026-04-01")
        var built = try Self.build(Self.options(sandbox))
        #expect(try Self.approval(built.files)["stale"] as? Bool == false)
        #expect(Self.text(built.files, Self.page).contains("id=\"pf-revisions\""))

        try sandbox.edit(Self.plan, "above 0.8", "above 0.85")
        let governed = try sandbox.commit("Raise the goal", on: "2026-05-01", author: "Kofi Mbeki")
        built = try Self.build(Self.options(sandbox))
        #expect(try Self.approval(built.files)["stale"] as? Bool == true)
        let page = Self.text(built.files, Self.page)
        let revision = "revisions/RP-2026-001-\(governed.prefix(12)).html"
        #expect(page.contains("Stale since 2026-05-01"))
        #expect(page.contains("Remediation Goals changed in <a href=\"../\(revision)\">\(governed.prefix(7))</a>"))
        let diff = Self.text(built.files, revision)
        #expect(diff.contains("Kofi Mbeki"))
        #expect(diff.contains("Governed sections changed"))
        #expect(diff.contains("<tr class=\"diff-added\">") && diff.contains("above 0.85"))
        // The register says the same, linking the same revision.
        #expect(Self.text(built.files, "approvals.html").contains("Remediation Goals changed in <a href=\"\(revision)\">"))
    }

    @Test func anotherRoleSigningOrAGovernedEditTheSameDayLeavesSignaturesValid() throws {
        let sandbox = try Self.signedPlan()
        try sandbox.edit(Self.plan, "above 0.8", "above 0.82")
        try sandbox.commit("Goal, the day it was signed", on: "2026-03-02")
        try sandbox.edit(Self.plan, "| Technical Lead | Kofi Mbeki | /s/ Kofi | 2026-03-02 |",
                         "| Technical Lead | Kofi Mbeki | /s/ Kofi | 2026-03-02 |\n| Compliance Officer | Ines | /s/ Ines | 2026-04-02 |")
        try sandbox.commit("Compliance signs", on: "2026-04-02")
        let built = try Self.build(Self.options(sandbox))
        #expect(try Self.approval(built.files)["stale"] as? Bool == false)
    }

    @Test func anUncommittedGovernedEditShowsOnTopAndVoidsSignatures() throws {
        let sandbox = try Self.signedPlan()
        try sandbox.edit(Self.plan, "Switch back", "Switch straight back")
        let built = try Self.build(Self.options(sandbox))
        let rows = Self.revisionRows(Self.text(built.files, Self.page))
        let first = try #require(rows.first)
        #expect(first.contains("RP-2026-001-working.html") && first.contains("working tree"))
        #expect(first.contains("Governed: Rollback Plan"))
        #expect(built.files["revisions/RP-2026-001-working.html"] != nil)
        #expect(try Self.approval(built.files)["stale"] as? Bool == true)
        // Nothing was committed or changed in the repository.
        #expect(try sandbox.git("status", "--porcelain").contains(Self.plan))
    }

    @Test func renamesAreFollowed() throws {
        let sandbox = try Self.signedPlan()
        try sandbox.edit(Self.plan, "Monthly note", "A monthly note")
        try sandbox.commit("Reword", on: "2026-03-10")
        try sandbox.git("mv", "Plans/plans/RP-2026-001.md", "Plans/plans/fix-the-scorer.md")
        let moved = try sandbox.commit("Rename the file", on: "2026-03-20")
        let built = try Self.build(Self.options(sandbox))
        let page = Self.text(built.files, Self.page)
        #expect(page.contains("Renamed from plans/RP-2026-001.md"))
        #expect(page.contains("RP-2026-001-\(moved.prefix(12)).html"))
        #expect(Self.revisionRows(page).count == 3, "added, reworded, renamed")
    }

    @Test func aCommitOnAMergedBranchIsARevisionAndCounts() throws {
        let sandbox = try Self.signedPlan()
        try sandbox.git("checkout", "-q", "-b", "goals")
        try sandbox.edit(Self.plan, "above 0.8", "above 0.9")
        let branch = try sandbox.commit("Raise the goal on a branch", on: "2026-04-10", author: "Leila Rahman")
        try sandbox.git("checkout", "-q", "main")
        try sandbox.edit(Self.plan, "Monthly note", "A monthly note")
        try sandbox.commit("Reword on main", on: "2026-04-11")
        try sandbox.git("merge", "-q", "--no-ff", "-m", "Merge goals", "goals", date: "2026-04-12T12:00:00+00:00")
        let built = try Self.build(Self.options(sandbox))
        let page = Self.text(built.files, Self.page)
        #expect(page.contains("RP-2026-001-\(branch.prefix(12)).html"))
        #expect(page.contains("Raise the goal on a branch"))
        #expect(try Self.approval(built.files)["stale"] as? Bool == true)
        #expect(page.contains("Stale since 2026-04-10"))
    }

    @Test func aFileDeletedAndAddedAgainKeepsItsHistory() throws {
        let sandbox = try Self.signedPlan()
        let text = try sandbox.read(Self.plan)
        try FileManager.default.removeItem(at: sandbox.input.appendingPathComponent(Self.plan))
        try sandbox.commit("Remove the plan", on: "2026-04-01")
        try sandbox.write(Self.plan, text)
        try sandbox.commit("Restore the plan", on: "2026-04-05")
        var built = try Self.build(Self.options(sandbox))
        var page = Self.text(built.files, Self.page)
        #expect(page.contains("Deleted") && page.contains("Restore the plan") && page.contains("Add the plan"))
        // The same text again changes no section.
        #expect(try Self.approval(built.files)["stale"] as? Bool == false)

        try FileManager.default.removeItem(at: sandbox.input.appendingPathComponent(Self.plan))
        try sandbox.commit("Remove it again", on: "2026-04-06")
        try sandbox.write(Self.plan, text.replacingOccurrences(of: "above 0.8", with: "above 0.75"))
        try sandbox.commit("Add it back, with another goal", on: "2026-04-07")
        built = try Self.build(Self.options(sandbox))
        page = Self.text(built.files, Self.page)
        #expect(try Self.approval(built.files)["stale"] as? Bool == true)
        #expect(page.contains("Stale since 2026-04-07"))
    }

    @Test func aShallowCloneFallsBackToTheUpdatedRuleWithOneWarning() throws {
        let origin = try Self.signedPlan()
        try origin.edit(Self.plan, "above 0.8", "above 0.85")
        try origin.edit(Self.plan, "date: 2026-03-01\n", "date: 2026-03-01\nupdated: 2026-05-01\n")
        try origin.commit("Raise the goal", on: "2026-05-01")
        let clone = try GitSandbox(cloning: origin, ["--depth", "1"])
        let built = try Self.build(Self.options(clone))
        let warnings = built.report.diagnostics.filter { $0.code == .historyUnavailable }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("shallow clone") == true)
        // Signed before `updated`: stale by the old rule, and no page shows history.
        #expect(try Self.approval(built.files)["stale"] as? Bool == true)
        #expect(built.files["changes.html"] == nil)
        #expect(!Self.text(built.files, Self.page).contains("pf-revisions"))
        #expect(Self.text(built.files, Self.page).contains("Stale since 2026-05-01"))
    }

    @Test func aFolderInNoRepositoryWarnsOnceAndNoHistorySaysItIsMeant() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfolio-nogit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("Plans")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try Data(HistoryFixtures.plan(updated: "2026-04-01").utf8).write(to: input.appendingPathComponent(Self.plan))
        var options = BuildOptions(today: Self.today)
        options.input = input.path
        options.output = folder.appendingPathComponent("Output").path
        options.theme = PerformanceFixtures.themePath
        let report = try Build.run(options)
        #expect(report.diagnostics.filter { $0.code == .historyUnavailable }.count == 1)
        #expect(report.diagnostics.first { $0.code == .historyUnavailable }?.message.contains("not in a git repository") == true)
        options.history.enabled = false
        #expect(try Build.run(options).diagnostics.allSatisfy { $0.code != .historyUnavailable })
    }

    @Test func aPlanNeverCommittedIsJudgedByUpdatedAndSaysSo() throws {
        let sandbox = try Self.signedPlan()
        try sandbox.write("plans/RP-2026-002.md", HistoryFixtures.plan(id: "RP-2026-002", updated: "2026-04-01"))
        let built = try Self.build(Self.options(sandbox))
        let warnings = built.report.diagnostics.filter { $0.code == .notCommitted }
        #expect(warnings.map(\.file) == [sandbox.input.appendingPathComponent("plans/RP-2026-002.md").path])
        #expect(try Self.approval(built.files, id: "RP-2026-002")["stale"] as? Bool == true)
        #expect(try Self.approval(built.files)["stale"] as? Bool == false)
        #expect(Self.text(built.files, "plans/RP-2026-002.html").contains("New file"))
    }

    @Test func asOfAtSeveralPointsEqualsABuildOfACheckout() throws {
        let sandbox = try Self.signedPlan()
        var points = [try sandbox.head()]
        try sandbox.edit(Self.plan, "approval rate", "approval rates")
        try sandbox.write("assessments/FAF-2026-02-001.md", HistoryFixtures.assessment(value: "0.75"))
        points.append(try sandbox.commit("Typo, new measurement", on: "2026-04-01"))
        try sandbox.git("mv", "Plans/plans/RP-2026-001.md", "Plans/plans/scorer.md")
        try sandbox.edit("plans/scorer.md", "above 0.8", "above 0.85")
        points.append(try sandbox.commit("Rename and raise the goal", on: "2026-05-01"))
        try sandbox.edit("plans/scorer.md", "Monthly", "Weekly")
        try sandbox.commit("Weekly notes", on: "2026-06-01")
        try sandbox.write("plans/draft.md", "not committed")
        let before = try sandbox.git("status", "--porcelain")

        for (index, commit) in points.enumerated() {
            var asOf = Self.options(sandbox, output: "AsOf\(index)")
            asOf.history.asOf = commit
            let built = try Self.build(asOf)
            try sandbox.git("worktree", "add", "-q", "--detach", sandbox.folder.appendingPathComponent("checkout\(index)").path, commit)
            let checkout = sandbox.folder.appendingPathComponent("checkout\(index)/Plans")
            let reference = try Self.build(Self.options(sandbox, output: "Checkout\(index)", input: checkout))
            #expect(built.files.keys.sorted() == reference.files.keys.sorted(), "at \(commit)")
            for path in EditedBuildTests.differences(built.files, reference.files).sorted() {
                Issue.record("at point \(index), \(path) differs from the checkout's build: \(Self.firstDifference(Self.text(built.files, path), Self.text(reference.files, path)))")
            }
            #expect(!built.files.isEmpty)
        }
        // The day of a point names the same commit.
        var byDay = Self.options(sandbox, output: "ByDay")
        byDay.history.asOf = "2026-04-01"
        let byCommit = Self.options(sandbox, output: "AsOf1")
        #expect(try Self.build(byDay).files == (try EditedBuildTests.tree(URL(fileURLWithPath: byCommit.output))))
        // The working tree is as it was.
        #expect(try sandbox.git("status", "--porcelain") == before)
    }

    @Test func asOfMovesTodayToItsCommitsDayWhenTodayCameFromTheClock() throws {
        let sandbox = try Self.signedPlan()
        var options = Self.options(sandbox)
        options.history.asOf = try sandbox.head()
        options.todayFromClock = true
        let built = try Self.build(options)
        #expect(Self.text(built.files, "index.html").contains("datetime=\"2026-03-03\""))
    }

    @Test func changesPageComparesThePortfolioThen() throws {
        let sandbox = try Self.signedPlan()
        try sandbox.write("plans/RP-2026-003.md", HistoryFixtures.plan(id: "RP-2026-003"))
        try sandbox.commit("Another plan", on: "2026-04-01")
        try sandbox.edit(Self.plan, "| 2026-06-01 | Kofi |", "| 2026-06-15 | Kofi |")
        try sandbox.write("assessments/FAF-2026-02-001.md", HistoryFixtures.assessment(value: "0.6").replacingOccurrences(of: "threshold: 0.8", with: "threshold: 0.8\n  - name: selection rate ratio\n    group: women\n    value: 0.5\n    threshold: 0.8"))
        try FileManager.default.removeItem(at: sandbox.input.appendingPathComponent("plans/RP-2026-003.md"))
        try sandbox.write("plans/RP-2026-004.md", HistoryFixtures.plan(id: "RP-2026-004"))
        try sandbox.commit("Move a deadline, a new breach, swap a plan", on: "2026-06-20")
        var options = Self.options(sandbox)
        options.history.since = "2026-05-01"
        options.config.baseURL = "https://example.org/portfolio/"
        options.baseURL = "https://example.org/portfolio/"
        let built = try Self.build(options)
        let page = Self.text(built.files, "changes.html")
        #expect(page.contains("What changed since 2026-05-01"))
        #expect(page.contains("id=\"pf-changes-added\"") && page.contains(">RP-2026-004</a>"))
        #expect(page.contains("id=\"pf-changes-removed\"") && page.contains("RP-2026-003"))
        #expect(page.contains("Build") && page.contains("14 days later"))
        #expect(page.contains("selection rate ratio"))
        let feed = Self.text(built.files, "changes.xml")
        #expect(feed.contains("<entry>") && feed.contains("https://example.org/portfolio/plans/RP-2026-001.html"))
        // Every page links it.
        #expect(Self.text(built.files, "index.html").contains("href=\"changes.html\""))
    }

    @Test func aCommitRebuildsWhatItReachesAndEqualsAColdBuild() throws {
        let sandbox = try Self.signedPlan()
        let options = Self.options(sandbox)
        try Self.build(options)
        // Nothing moved: nothing rendered.
        #expect(try Build.run(options).mode == .unchanged)
        try sandbox.edit(Self.plan, "approval rate", "approval rates")
        let typo = try sandbox.commit("Typo", on: "2026-04-01")
        let after = try Build.run(options)
        guard case .partial = after.mode else {
            Issue.record("a commit gave a \(after.mode) build")
            return
        }
        let changed = Set(after.changedFiles ?? [])
        #expect(changed.contains(Self.page))
        #expect(changed.contains("revisions/RP-2026-001-\(typo.prefix(12)).html"))
        #expect(!changed.contains("assessments/FAF-2026-02-001.html"))
        // HEAD moving alone (a commit of another folder) renders no document's pages: only changes.html names that commit.
        try Data("notes".utf8).write(to: sandbox.root.appendingPathComponent("NOTES.txt"))
        try sandbox.commit("Notes outside the portfolio", on: "2026-04-02")
        let moved = try Build.run(options)
        #expect(Set(moved.changedFiles ?? ["everything"]).isSubset(of: ["changes.html"]), "\(moved.mode) \(moved.changedFiles ?? [])")
        var cold = Self.options(sandbox, output: "Cold")
        cold.useCache = false
        let warm = try EditedBuildTests.tree(URL(fileURLWithPath: options.output))
        let reference = try Self.build(cold).files
        for path in EditedBuildTests.differences(warm, reference).sorted() {
            Issue.record("\(path) differs from a cold build: \(Self.firstDifference(Self.text(warm, path), Self.text(reference, path)))")
        }
    }

    @Test func anInputFolderDeepInTheRepository() throws {
        let sandbox = try GitSandbox(prefix: "docs/governance/Plans")
        try sandbox.write(Self.plan, HistoryFixtures.plan())
        let added = try sandbox.commit("Add the plan", on: "2026-03-03")
        var built = try Self.build(Self.options(sandbox))
        // Its one commit: the document's own page is that version, so there is no page besides it.
        let rows = Self.revisionRows(Self.text(built.files, Self.page))
        #expect(rows.count == 1 && rows[0].contains("Add the plan") && rows[0].contains("unchanged since"))
        #expect(built.files["revisions/RP-2026-001-\(added.prefix(12)).html"] == nil)
        try sandbox.edit(Self.plan, "Monthly", "Weekly")
        let edited = try sandbox.commit("Weekly notes", on: "2026-03-04")
        built = try Self.build(Self.options(sandbox))
        #expect(built.files["revisions/RP-2026-001-\(added.prefix(12)).html"] != nil, "changed since: the first version has its page")
        #expect(built.files["revisions/RP-2026-001-\(edited.prefix(12)).html"] != nil)
        #expect(Self.text(built.files, Self.page).contains("RP-2026-001-\(added.prefix(12)).html"))
    }
}
