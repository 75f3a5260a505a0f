import Foundation
import Testing

/// Validates SARIF text against the official 2.1.0 schema with Python's
/// `jsonschema` (installed by `.ci/run`). The schema comes from the shared
/// data folder beside the clone (`../shared/data/`).
enum SARIFSchema {
    static let schemaURL: URL? = {
        let candidates = [
            BuiltBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/sarif-schema-2.1.0.json"),
            URL(fileURLWithPath: "/work/shared/data/sarif-schema-2.1.0.json"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// The first `python3` on PATH, the one `.ci/run` installs `jsonschema` into.
    static let python: String? = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        + ["/usr/bin/python3", "/usr/local/bin/python3"]).first { FileManager.default.isExecutableFile(atPath: $0) }

    static let script = """
    import json, sys
    import jsonschema
    schema = json.load(open(sys.argv[1]))
    log = json.load(open(sys.argv[2]))
    cls = jsonschema.validators.validator_for(schema)
    errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.path))
    for e in errors:
        print("/".join(str(p) for p in e.path), e.message)
    sys.exit(1 if errors else 0)
    """

    /// Records an issue for each schema violation. Returns false (with a visible message) only when python3 is absent.
    @discardableResult
    static func validate(_ sarif: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        guard let python else {
            print("SKIPPED: SARIF schema validation needs python3, which is not installed")
            return false
        }
        guard let schemaURL else {
            Issue.record("the SARIF schema was not found at ../shared/data/sarif-schema-2.1.0.json", sourceLocation: sourceLocation)
            return false
        }
        let folder = try TemporaryFolder("sarif")
        try folder.write("log.sarif", sarif)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, schemaURL.path, folder.path("log.sarif").path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SARIF does not validate against the 2.1.0 schema:\n\(text)", sourceLocation: sourceLocation)
        return true
    }
}
