import Foundation
import Testing
import Yams

/// `docs/planfolio-workflow.yml` (shown in docs/ci.md) must be valid YAML and
/// call only subcommands and options the built binary really has.
@Suite struct WorkflowFileTests {
    static let workflow = BuiltBinary.packageRoot.appendingPathComponent("docs/planfolio-workflow.yml")

    func runScripts() throws -> [String] {
        let text = try String(contentsOf: Self.workflow, encoding: .utf8)
        let root = try #require(try Yams.load(yaml: text) as? [AnyHashable: Any])
        #expect(root["name"] is String)
        // YAML 1.1 readers take a bare `on` key for `true`; either way the triggers must be there.
        #expect(root["on"] != nil || root[true] != nil)
        let jobs = try #require(root["jobs"] as? [AnyHashable: Any])
        var scripts: [String] = []
        for (_, job) in jobs {
            let steps = try #require((job as? [AnyHashable: Any])?["steps"] as? [Any])
            scripts += steps.compactMap { ($0 as? [AnyHashable: Any])?["run"] as? String }
        }
        return scripts
    }

    /// Every `planfolio SUBCOMMAND --option` in the workflow, continuation lines joined.
    func invocations() throws -> [[String]] {
        var calls: [[String]] = []
        for script in try runScripts() {
            let joined = script.replacingOccurrences(of: "\\\n", with: " ")
            for line in joined.split(separator: "\n") {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                // The command itself: `planfolio` first on the line, or a path to the binary (not `--product planfolio`).
                guard let start = words.indices.first(where: { words[$0].hasSuffix("/planfolio") || (words[$0] == "planfolio" && $0 == 0) }) else { continue }
                calls.append(Array(words[(start + 1)...]).prefix { !["|", "||", "&&", ">", ";"].contains($0) }.map { $0 })
            }
        }
        return calls
    }

    @Test func namesRealSubcommandsAndOptions() throws {
        let calls = try invocations()
        #expect(calls.count >= 3, "\(calls)")
        let forms = calls.compactMap { call in call.firstIndex(of: "--diagnostics").map { call[$0 + 1] } }
        #expect(forms.contains("github"))
        #expect(forms.contains("sarif"))
        #expect(calls.contains { $0.first == "build" })
        let folder = try TemporaryFolder()
        for call in calls {
            let subcommand = try #require(call.first)
            #expect(["build", "check", "new"].contains(subcommand), "\(call)")
            let help = try BuiltBinary.run([subcommand, "--help"], in: folder.url)
            #expect(help.status == 0)
            for option in call.dropFirst() where option.hasPrefix("--") {
                let name = String(option.split(separator: "=").first ?? "")
                #expect(help.stdout.contains(name + " ") || help.stdout.contains(name + "\n"), "planfolio \(subcommand) has no option \(name)")
            }
        }
    }

    /// A shallow checkout (actions/checkout's default) has no history to judge signatures by (PF040).
    @Test func everyCheckoutFetchesTheWholeHistory() throws {
        let text = try String(contentsOf: Self.workflow, encoding: .utf8)
        let root = try #require(try Yams.load(yaml: text) as? [AnyHashable: Any])
        let jobs = try #require(root["jobs"] as? [AnyHashable: Any])
        var checkouts = 0
        for (_, job) in jobs {
            let steps = try #require((job as? [AnyHashable: Any])?["steps"] as? [Any])
            for case let step as [AnyHashable: Any] in steps where (step["uses"] as? String)?.hasPrefix("actions/checkout") == true {
                checkouts += 1
                let with = step["with"] as? [AnyHashable: Any]
                #expect(with?["fetch-depth"] as? Int == 0, "\(step)")
            }
        }
        #expect(checkouts >= 2)
    }

    @Test func docsShowTheSameWorkflow() throws {
        let doc = try String(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        let workflow = try String(contentsOf: Self.workflow, encoding: .utf8)
        #expect(doc.contains("```yaml\n" + workflow + "```"), "docs/ci.md must show docs/planfolio-workflow.yml verbatim")
    }
}
