import Foundation
import Testing
@testable import PlanfolioKit

@Suite struct PortfolioJSONTests {
    let today = Day("2026-11-25")!

    @Test func sampleValidatesAgainstTheSchema() throws {
        let (portfolio, _) = try Repository.samplePortfolio()
        let computed = StatusComputer.compute(portfolio: portfolio, config: SiteConfig(), today: today).0
        for status in [computed, Repository.madeUpStatus(for: portfolio, today: today)] {
            let text = PortfolioJSON.text(portfolio: portfolio, status: status, generator: SiteRenderer.generator)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-\(UUID().uuidString).json")
            try Data(text.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try Self.validate(file.path, schema: Repository.path("docs/portfolio.schema.json"))
            #expect(result.status == 0, Comment(rawValue: result.output))
        }
    }

    @Test func schemaRejectsAPlanWithoutComputedStatus() throws {
        let (portfolio, _) = try Repository.samplePortfolio()
        let text = PortfolioJSON.text(portfolio: portfolio, status: PortfolioStatus(today: today), generator: "g")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nostatus-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.validate(file.path, schema: Repository.path("docs/portfolio.schema.json"))
        #expect(result.status != 0)
    }

    @Test func schemaRejectsAWrongFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try Data(#"{"generator":"x","today":"2026-1-1","documents":[],"systems":[]}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.validate(file.path, schema: Repository.path("docs/portfolio.schema.json"))
        #expect(result.status != 0)
    }

    @Test func orderAndShape() throws {
        let (portfolio, _) = try Repository.samplePortfolio()
        let status = Repository.madeUpStatus(for: portfolio, today: today)
        let text = PortfolioJSON.text(portfolio: portfolio, status: status, generator: "planfolio test")
        #expect(text.hasPrefix("{\n  \"generator\": \"planfolio test\",\n  \"today\": \"2026-11-25\",\n  \"documents\": ["))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        let keys = documents.map { "\($0["kind"] ?? "")/\($0["id"] ?? "")" }
        #expect(keys == portfolio.documents.map { "\($0.kind.rawValue)/\($0.id)" })
        #expect(documents.map { $0["kind"] as? String ?? "" } == documents.map { $0["kind"] as? String ?? "" }.sorted { DocumentKind(rawValue: $0)! < DocumentKind(rawValue: $1)! })
        let plan = try #require(documents.first { $0["kind"] as? String == "plan" })
        let approval = try #require(plan["approval"] as? [String: Any])
        #expect(approval["state"] as? String == "partial")
        #expect(approval["signed"] as? Int == 2)
        // Deterministic: the same inputs give the same bytes.
        #expect(PortfolioJSON.text(portfolio: portfolio, status: status, generator: "planfolio test") == text)
    }

    @Test func absentValuesAreNull() throws {
        let document = Document(id: "RP-1", kind: .plan, title: "T", source: "plans/RP-1.md", displayPath: "Plans/plans/RP-1.md", body: .init(.document))
        let text = PortfolioJSON.text(portfolio: Portfolio(documents: [document]), status: PortfolioStatus(today: today), generator: "g", pretty: false)
        #expect(text.contains(#""system":null,"date":null,"updated":null,"owner":null,"tags":[]"#))
        #expect(text.contains(#""references":{"assessment":null,"investigation":null,"supersedes":null},"referencedBy":[]"#))
        #expect(text.contains(#""lifecycle":null,"approval":null,"phases":[],"interventions":[],"validationPeriod":null"#))
    }

    /// Runs python3 with the `jsonschema` package (which `.ci/browser-deps` installs).
    static func validate(_ file: String, schema: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try TestPaths.tool("python3", install: TestPaths.python3Install)
        process.arguments = ["-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit("python3 has no jsonschema: python3 -m pip install jsonschema (.ci/browser-deps installs it)")
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors[:5]: print(list(e.absolute_path), e.message[:300])
            sys.exit(1 if errors else 0)
            """, schema, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
