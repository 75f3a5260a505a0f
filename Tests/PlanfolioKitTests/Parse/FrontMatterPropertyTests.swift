import Foundation
import PropertyBased
import Testing
@testable import PlanfolioKit

/// Properties of the front matter readers over random YAML: the decoder
/// never traps and blames lines that exist; whatever the flat reader
/// accepts, Yams reads to the same tree; a title of any text comes back as
/// written, and reaches a page only escaped.
@Suite struct FrontMatterPropertyTests {
    // MARK: Generators

    static let keys = ["id", "title", "system", "date", "updated", "owner", "status", "assessment", "investigation",
                       "supersedes", "kind", "tags", "metrics", "name", "group", "value", "x_y", "a.b", "k-1", "Title", "0"]

    /// Plain-scalar starts the flat reader takes, and the rest of a value.
    static let valueStarts = ["a", "Z", "0", "9", "é", "漢", "𝒳", "(", ".", "/", "_", "+", "~", "$", "=", "^", ";", "<", "\u{A0}", "\u{E000}"]
    static let valueBodies = ["a", " ", "b c", ":", "x:y", "-", "'", "\"", "(", ")", "[", "]", "{", "}", ",", ".", "!", "?", "&", "*",
                              "|", ">", "%", "@", "`", "é", "ñ", "—", "✓", "👩‍⚖️", "\u{301}", "\u{200F}", "null", "true", "2026-12-01", "0.12"]
    /// Anything YAML treats specially, for inputs the flat reader must decline or read as Yams does.
    static let noise = ["#", " #c", "\t", "\\", "\\n", ": ", "- ", "? ", "&a ", "*a", "!t ", "!!str ", "[", "]", "{", "}", "|", ">",
                        "'", "\"", "---", "...", "%YAML 1.2", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{1B}", "\r", "  ", " ", "\n", "\n  ",
                        ":", "-", ",", "<<: ", "~"]

    static func pick(_ pieces: [String]) -> Generator<String, Shrink.None<String?>> {
        Gen<String?>.element(of: pieces).map { $0 ?? "" }
    }

    /// A plain or quoted scalar of the shape the flat reader accepts.
    static let flatScalar = zip(pick(valueStarts), pick(valueBodies).array(of: 0...6), Gen.int(in: 0...3)).map { start, body, style in
        // Scalar by scalar: a combining mark after `:` or a quote makes one Character of them.
        let quote: Unicode.Scalar? = style == 1 ? "\"" : style == 2 ? "'" : nil
        var scalars = String.UnicodeScalarView()
        for scalar in (start + body.joined()).unicodeScalars {
            if scalar == " ", scalars.last == ":" { scalars.append("x") }
            scalars.append(scalar == quote ? "_" : scalar)
        }
        if scalars.last == ":" { scalars.append("x") }
        let text = String(scalars)
        return quote.map { String($0) + text + String($0) } ?? text
    }

    /// Front matter of the flat shape: distinct top keys, each with a scalar,
    /// nothing, a list of scalars or a list of one-level mappings, and blank lines.
    static let flatYAML = zip(Gen<[String]>.shuffled(keys), Gen.int(in: 1...6), flatScalar.array(of: 24), Gen.int(in: 0...1_000_000)).map { keys, count, scalars, shape in
        var lines: [String] = []
        var values = scalars.makeIterator()
        var shape = shape
        func next(_ range: Int) -> Int {
            defer { shape /= range }
            return shape % range
        }
        for key in keys.prefix(count) {
            if next(4) == 0 { lines.append("") }
            switch next(4) {
            case 0:
                lines.append("\(key):")
            case 1:
                let indent = String(repeating: " ", count: 2 * next(3))
                lines.append("\(key):")
                for _ in 0...next(3) { lines.append("\(indent)- \(values.next() ?? "v")") }
            case 2:
                let indent = String(repeating: " ", count: 2 * next(2))
                lines.append("\(key):")
                for _ in 0...next(2) {
                    let fields = ["name", "group", "value", "threshold"].prefix(1 + next(4))
                    for (number, field) in fields.enumerated() {
                        lines.append(indent + (number == 0 ? "- " : "  ") + "\(field): \(values.next() ?? "v")")
                    }
                }
            default:
                lines.append("\(key): \(values.next() ?? "v")")
            }
        }
        return lines.joined(separator: "\n") + (next(2) == 0 ? "\n" : "")
    }

    /// Flat-shaped front matter with pieces of YAML syntax inserted at random places.
    static let noisyYAML = zip(flatYAML, pick(noise).array(of: 1...4), Gen.int(in: 0...Int(Int32.max))).map { yaml, pieces, where_ in
        var text = Array(yaml.unicodeScalars)
        var position = where_
        for piece in pieces {
            let at = text.isEmpty ? 0 : position % (text.count + 1)
            text.insert(contentsOf: piece.unicodeScalars, at: at)
            position = position / 7 + 13
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text)
        return String(out)
    }

    /// Text of any kind but control characters: letters of several scripts,
    /// combining marks, markup characters, emoji, spaces.
    static let anyTitle = pick([
        "a", "Z", "7", " ", "  ", "<", ">", "&", "\"", "'", "&amp;", "<script>", "</h1>", "{{x}}", "\\", "/", "#", ":", "- ", "*", "`",
        "é", "e\u{301}", "ß", "İ", "漢字", "עברית", "\u{200F}", "\u{202E}", "\u{A0}", "\u{2028}", "👩‍⚖️", "🏳️‍🌈", "\u{FFFD}", "\u{E000}",
    ]).array(of: 1...12).map { $0.joined() }

    /// `text` as a YAML double-quoted scalar.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}": out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: Properties

    @Test func theDecoderNeverTrapsAndBlamesOnlyLinesThatExist() async {
        func check(_ yaml: String) {
            let firstLine = 2
            let lineCount = yaml.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
            let (_, diagnostics) = FrontMatterDecoder.decode(yaml, firstLine: firstLine, file: "p.md")
            for diagnostic in diagnostics {
                #expect((firstLine...(firstLine + lineCount)).contains(diagnostic.line), "\(diagnostic) for:\n\(yaml)")
            }
        }
        await propertyCheck(count: 300, input: Self.noisyYAML) { check($0) }
        await propertyCheck(count: 100, input: Self.flatYAML) { check($0) }
        await propertyCheck(count: 200, input: Gen.ascii.string(of: 0...120)) { check($0) }
        await propertyCheck(count: 200, input: Gen.latin1.string(of: 0...120)) { check($0) }
    }

    @Test func theFlatReaderAcceptsEveryFlatFrontMatterAsYamsReadsIt() async {
        await propertyCheck(count: 300, input: Self.flatYAML) { yaml in
            let flat = FlatFrontMatterReader.read(yaml)
            #expect(flat != nil, "the flat reader declined flat front matter:\n\(yaml)")
            if let flat { #expect(flat == (try? FrontMatterDecoder.composeWithYams(yaml)), "differs from Yams:\n\(yaml)") }
        }
    }

    @Test func whateverTheFlatReaderAcceptsYamsReadsTheSame() async {
        var accepted = 0
        await propertyCheck(count: 500, input: Self.noisyYAML) { yaml in
            guard let flat = FlatFrontMatterReader.read(yaml) else { return }
            accepted += 1
            let yams: FrontMatterNode?
            do { yams = try FrontMatterDecoder.composeWithYams(yaml) } catch {
                Issue.record("the flat reader accepted YAML that Yams rejects (\(error)):\n\(yaml)")
                return
            }
            #expect(flat == yams, "differs from Yams:\n\(yaml)")
        }
        // Some noise (spaces, a `:` or `-` inside a value) leaves the shape flat.
        #expect(accepted > 0)
    }

    @Test func aTitleOfAnyTextIsReadAsWritten() async {
        await propertyCheck(count: 300, input: Self.anyTitle) { title in
            let yaml = "id: DIR-1\ntitle: \(Self.doubleQuoted(title))\n"
            let (frontMatter, diagnostics) = FrontMatterDecoder.decode(yaml, firstLine: 2, file: "p.md")
            #expect(diagnostics.isEmpty, "\(diagnostics) for \(yaml)")
            let expected = title.trimmedLikeFoundationWhitespaces
            #expect(frontMatter.title?.value == (expected.isEmpty ? nil : expected), "for \(yaml)")
        }
    }

    @Test func aTitleReachesThePageEscapedAndPortfolioJSONAsWritten() async {
        await propertyCheck(count: 25, input: Self.anyTitle.filter { !$0.trimmedLikeFoundationWhitespaces.isEmpty }) { title in
            let text = "---\nid: DIR-2026-001\ntitle: \(Self.doubleQuoted(title))\n---\n\nBody.\n"
            let input = LoadedInput(files: [SourceFile(path: "investigations/DIR-2026-001.md", text: text)])
            var options = BuildOptions(today: Day(year: 2026, month: 12, day: 1)!)
            options.threads = 1
            let (report, files) = Build.site(from: input, theme: .builtIn, options: options)
            #expect(!report.hasErrors, "\(report.diagnostics)")
            let expected = title.trimmedLikeFoundationWhitespaces
            let escaped = expected.htmlEscaped
            #expect(!escaped.contains(where: { "<>\"'".contains($0) }))
            #expect(Self.unescaped(escaped) == expected)
            let page = files.first { $0.path == "investigations/DIR-2026-001.html" }.map { String(decoding: $0.contents, as: UTF8.self) }
            #expect(page?.contains("<h1>\(escaped)</h1>") == true, "title \(expected) not on the page escaped")
            let json = files.first { $0.path == "portfolio.json" }.flatMap { try? JSONSerialization.jsonObject(with: Data($0.contents)) }
            let documents = (json as? [String: Any])?["documents"] as? [[String: Any]]
            #expect(documents?.first?["title"] as? String == expected)
        }
    }

    /// The five entities `htmlEscaped` writes, turned back.
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
