import Foundation
import Testing

/// Validates SARIF text against the official 2.1.0 schema with Python's
/// `jsonschema` (installed by `.ci/browser-deps`). The schema is vendored in
/// `Tests/Fixtures/sarif/` with its OASIS notice.
enum SARIFSchema {
    static let schemaURL = BuiltBinary.packageRoot.appendingPathComponent("Tests/Fixtures/sarif/sarif-schema-2.1.0.json")

    static let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        sys.exit("python3 has no jsonschema: python3 -m pip install jsonschema (.ci/browser-deps installs it)")
    schema = json.load(open(sys.argv[1]))
    log = json.load(open(sys.argv[2]))
    cls = jsonschema.validators.validator_for(schema)
    errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.path))
    for e in errors:
        print("/".join(str(p) for p in e.path), e.message)
    sys.exit(1 if errors else 0)
    """

    /// Records an issue for each schema violation, or for what is missing to check.
    static func validate(_ sarif: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let python = try Tools.python3()
        let folder = try TemporaryFolder("sarif")
        try folder.write("log.sarif", sarif)
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, schemaURL.path, folder.path("log.sarif").path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SARIF does not validate against the 2.1.0 schema:\n\(text)", sourceLocation: sourceLocation)
    }
}
