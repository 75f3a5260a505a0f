import Foundation
import Testing

/// The built binary on the sample portfolio and on a broken copy of it.
@Suite struct SamplePortfolioEndToEndTests {
    let plans = BuiltBinary.packageRoot.appendingPathComponent("Plans")
    let theme = BuiltBinary.packageRoot.appendingPathComponent("Theme")

    func build(_ input: URL, to output: URL, extra: [String] = []) throws -> BuiltBinary.Result {
        try BuiltBinary.run(["build", "--input", input.path, "--output", output.path, "--theme", theme.path, "--today", "2026-11-25"] + extra)
    }

    @Test func buildsTheSamplePortfolio() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        let result = try build(plans, to: output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains(": error:"))
        let files = BuiltBinary.snapshot(output)
        for page in ["index.html", "plans.html", "investigations.html", "assessments.html",
                     "plans/RP-2026-009.html", "plans/RP-2026-010.html", "assessments/FAF-2026-03-001.html",
                     "investigations/DIR-2026-004.html", "assets/style.css", ".planfolio"] {
            #expect(files[page] != nil, "missing \(page)")
        }
        let plan = String(decoding: files["plans/RP-2026-010.html"] ?? Data(), as: UTF8.self)
        // The plan with no front matter: id, system and owner come from Assessment Information.
        #expect(plan.contains("RP-2026-010"))
        #expect(plan.contains("Patient Readmission Risk"))
        #expect(plan.contains("<table>"))
        #expect(plan.contains("id=\"assessment-information\""))
        let index = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("href=\"plans/RP-2026-009.html\""))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("one"), second = folder.appendingPathComponent("two")
        #expect(try build(plans, to: first).status == 0)
        #expect(try build(plans, to: second).status == 0)
        let a = BuiltBinary.snapshot(first), b = BuiltBinary.snapshot(second)
        #expect(a.count > 10)
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys where a[key] != b[key] {
            Issue.record("\(key) differs between two builds")
        }
    }

    @Test func brokenPortfolioReportsEveryProblemAndWritesNothing() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("Plans")
        try FileManager.default.copyItem(at: plans, to: input)
        let output = folder.appendingPathComponent("Output")
        #expect(try build(input, to: output).status == 0)
        let before = BuiltBinary.snapshot(output)

        func write(_ path: String, _ text: String) throws {
            let url = input.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("plans/broken-yaml.md", "---\nid: RP-9001\ntitle: [unclosed\n---\n")
        try write("plans/no-id.md", "---\ntitle: Nothing\n---\n# Nothing\n")
        try write("plans/bad-id.md", "---\nid: \"RP 9002\"\n---\n")
        try write("plans/duplicate.md", "---\nid: RP-2026-009\n---\n")
        try write("plans/bad-date.md", "---\nid: RP-9003\ndate: 2026-06-31\n---\n")
        try write("notes/what.md", "---\nid: NOTE-1\n---\n")
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: input.appendingPathComponent("plans/binary.md"))

        let result = try build(input, to: output)
        #expect(result.status == 1)
        let expected = [
            "plans/broken-yaml.md:3: error:",
            "plans/no-id.md:1: error:",
            "plans/bad-id.md:2: error:",
            "plans/duplicate.md:2: error: id 'RP-2026-009' is already used",
            "plans/bad-date.md:3: error:",
            "notes/what.md:1: error:",
            "plans/binary.md:1: error: file is not valid UTF-8",
        ]
        for line in expected {
            #expect(result.stderr.contains(line), "expected '\(line)' in:\n\(result.stderr)")
        }
        #expect(result.stderr.contains("nothing written"))
        #expect(BuiltBinary.snapshot(output) == before, "the last good site must stay as it was")

        let check = try BuiltBinary.run(["check", "--input", input.path, "--theme", theme.path, "--today", "2026-11-25"], in: folder)
        #expect(check.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output.check").path))
    }

    @Test func checkWritesNothing() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BuiltBinary.run(["check", "--input", plans.path, "--theme", theme.path, "--output", folder.appendingPathComponent("Output").path, "--today", "2026-11-25"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(BuiltBinary.snapshot(folder).isEmpty)
    }

    @Test func usageAndIOFailuresExitTwo() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try BuiltBinary.run(["build", "--input", folder.appendingPathComponent("nowhere").path]).status == 2)
        #expect(try BuiltBinary.run(["build", "--today", "2026-02-30", "--input", plans.path]).status == 2)
        #expect(try BuiltBinary.run(["build", "--no-such-option"]).status != 0)
        // An output folder planfolio did not write is never replaced.
        let foreign = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("important.txt"))
        let refused = try build(plans, to: foreign)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not written by planfolio"))
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("important.txt").path))
    }
}
