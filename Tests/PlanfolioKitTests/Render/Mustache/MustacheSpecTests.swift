import Foundation
import Testing
@testable import PlanfolioKit

/// The official Mustache spec (github.com/mustache/spec), run as-is.
///
/// The JSON files under `Tests/Fixtures/mustache-spec/` are the spec's own,
/// unchanged (README.md there says which commit); every test of every file
/// renders its template over its data, with its partials, through
/// planfolio's engine and must give `expected` byte for byte. The features
/// left out by design (lambdas, dynamic names) are not vendored as passing:
/// docs/theme.md lists them and `MustacheOmissionTests` checks they fail.
@Suite struct MustacheSpecTests {
    /// The vendored spec files: every required module and the inheritance extension.
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    static let folder = Repository.path("Tests/Fixtures/mustache-spec")

    /// One test of a spec file.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var index: Int
        var name: String
        var desc: String
        var data: SpecJSON
        var template: String
        var partials: [String: String]
        var expected: String

        var testDescription: String { "\(file) #\(index + 1): \(name)" }
    }

    /// A spec file as it is written: its tests, each with the fields the runner reads.
    private struct SpecFile: Decodable {
        struct Test: Decodable {
            var name: String
            var desc: String
            var data: SpecJSON
            var template: String
            var partials: [String: String]?
            var expected: String
        }
        var tests: [Test]
    }

    static func cases(in file: String) throws -> [Case] {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("\(file).json")
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        return spec.tests.enumerated().map { index, test in
            Case(file: file, index: index, name: test.name, desc: test.desc, data: test.data,
                 template: test.template, partials: test.partials ?? [:], expected: test.expected)
        }
    }

    static func allCases() throws -> [Case] {
        try files.flatMap { try cases(in: $0) }
    }

    /// Renders a case the way the spec's runner does: the template and its partials in one library, the data at the root.
    static func render(_ test: Case) throws -> String? {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in test.partials { templates[name] = try MustacheTemplate(text) }
        let main = "\u{0}spec template"  // a name no partial can have
        templates[main] = try MustacheTemplate(test.template)
        return MustacheLibrary(templates: templates).render(main, test.data.value)
    }

    @Test(arguments: try allCases())
    func specTest(_ test: Case) throws {
        let output = try Self.render(test)
        #expect(output == test.expected, "\(test.desc)\ntemplate: \(test.template.debugDescription)")
    }

    /// Each vendored file is there and holds tests, and no other spec file lies beside them unrun.
    @Test func everyVendoredFileIsRun() throws {
        for file in Self.files { #expect(try !Self.cases(in: file).isEmpty, "\(file).json") }
        let vendored = try FileManager.default.contentsOfDirectory(atPath: Self.folder)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }
        #expect(vendored.sorted() == Self.files.sorted())
    }
}

/// A JSON value as the spec's files hold it, read into the `JSONValue`
/// planfolio's engine renders (integers apart from other numbers, as the
/// spec's runners print them).
enum SpecJSON: Decodable, Sendable {
    case null, bool(Bool), int(Int), double(Double), string(String)
    case list([SpecJSON]), object([String: SpecJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([SpecJSON].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: SpecJSON].self))
        }
    }

    /// An object's keys sorted: each spec object has distinct keys, so their order changes no lookup.
    var value: JSONValue {
        switch self {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .int(let int): .int(int)
        case .double(let double): .double(double)
        case .string(let string): .string(string)
        case .list(let list): .array(list.map(\.value))
        case .object(let object): .object(object.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) })
        }
    }
}
