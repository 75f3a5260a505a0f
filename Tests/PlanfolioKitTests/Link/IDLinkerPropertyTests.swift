import PlanfolioMarkdown
import PropertyBased
import Testing
@testable import PlanfolioKit

/// Properties of `IDLinker` over random prose and random sets of ids: it
/// links exactly the whole words that are ids (a simple model says which),
/// never its own page, never inside code, headings, links or images, and
/// the page it writes is always well formed and escaped.
@Suite struct IDLinkerPropertyTests {
    // MARK: Generators

    static func pick(_ pieces: [String]) -> Generator<String, Shrink.None<String?>> {
        Gen<String?>.element(of: pieces).map { $0 ?? "" }
    }

    /// Ids as portfolios spell them, and odder ones: `RP-2026-7`, `v1.2`, `A_b.3`, `x-1.`.
    static let id = zip(pick(["RP", "DIR", "FAF", "v", "x", "A_b", "Q", "rp"]),
                        zip(pick(["-", ".", "_", ""]), Gen.int(in: 0...120)).array(of: 1...3),
                        Gen.int(in: 0...9)).map { head, parts, tail in
        head + parts.map { $0.0 + String($0.1) }.joined() + (tail == 0 ? "." : "")
    }

    /// Words and marks around ids: boundaries that end a word and ones that do not.
    static let glue = ["", " ", "  ", ", ", ". ", "...", "(", ")", "/", "«", "»", "é", "\u{A0}", "x", "0", "-", "_", ".", "'", "\"", "<", ">", "&", "&amp;", "\n"]

    /// What each piece of prose is: 0-3 an id of the set, 4 an id of no set, else glue.
    static let piece = Gen.int(in: 0...9).array(of: 0...24)

    static let ids = Self.id.array(of: 1...5)

    /// Prose from random pieces: mostly the set's ids, separated by glue.
    static func prose(_ choices: [Int], ids: [String], strangers: [String]) -> String {
        var text = ""
        for (position, choice) in choices.enumerated() {
            switch choice {
            case 0...3: text += ids[(choice + position) % ids.count]
            case 4: text += strangers[position % strangers.count]
            default: text += glue[(choice * 7 + position) % glue.count]
            }
        }
        return text
    }

    static func linker(_ ids: [String]) -> IDLinker {
        var targets: [String: IDLinker.Target] = [:]
        for id in ids { targets[id] = .init(path: "docs/\(id).html", title: "About \(id) <&\"'>") }
        return IDLinker(targets: targets)
    }

    /// The model: each longest run of `[A-Za-z0-9._-]` that is an id, else
    /// the run less its trailing dots if that is one; never `selfID`.
    static func expectedMatches(in text: String, ids: Set<String>, selfID: String?) -> [(Range<Int>, String)] {
        let bytes = Array(text.utf8)
        func isIDByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
        var found: [(Range<Int>, String)] = []
        var start = 0
        while start < bytes.count {
            guard isIDByte(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isIDByte(bytes[end]) { end += 1 }
            let run = String(decoding: bytes[start..<end], as: UTF8.self)
            var word = run
            if !ids.contains(word) { while word.hasSuffix(".") { word.removeLast() } }
            if ids.contains(word), word != selfID { found.append((start..<(start + word.utf8.count), word)) }
            start = end
        }
        return found
    }

    // MARK: Properties

    @Test func linksExactlyTheWholeWordsThatAreIDs() async {
        await propertyCheck(count: 400, input: Self.ids, Self.id.array(of: 1...3), Self.piece, Gen.int(in: -1...4)) { ids, strangers, choices, selfIndex in
            let text = Self.prose(choices, ids: ids, strangers: strangers)
            let selfID = selfIndex >= 0 ? ids[selfIndex % ids.count] : nil
            let links = Self.linker(ids).page(selfID: selfID, root: "../").links(in: text)
            let expected = Self.expectedMatches(in: text, ids: Set(ids), selfID: selfID)
            #expect(links.map(\.range) == expected.map(\.0), "in \(text.debugDescription) with \(ids), self \(selfID ?? "none")")
            #expect(links.map(\.url) == expected.map { "../docs/\($0.1).html" })
        }
    }

    /// Markdown around the prose: where ids are linked and where they must not be.
    static let blocks = [
        "Text PROSE\n", "## PROSE\n", "Text `PROSE` and ``ID``\n", "```\nPROSE\n```\n", "    PROSE\n", "Text [PROSE](https://x.example/ID)\n",
        "Text ![PROSE](ID.png)\n", "Text <span title=\"ID\">PROSE</span>\n", "<div>\nID\n</div>\n", "Text *PROSE* **ID**\n", "- PROSE\n- ID\n",
        "> PROSE\n", "| a | b |\n| - | - |\n| PROSE | `ID` |\n", "Text PROSE[^n]\n\n[^n]: ID\n", "Text <https://x.example/ID> www.ID.example\n",
    ]

    @Test func neverLinksInCodeHeadingsLinksOrImagesAndWritesWellFormedEscapedHTML() async {
        await propertyCheck(count: 300, input: Self.ids, Self.piece, Gen.int(in: 0...Int(Int32.max)), Gen.int(in: -1...4)) { ids, choices, layout, selfIndex in
            let selfID = selfIndex >= 0 ? ids[selfIndex % ids.count] : nil
            var markdown = ""
            var rest = layout
            for number in 0..<4 {
                let block = Self.blocks[rest % Self.blocks.count]
                rest /= Self.blocks.count
                let prose = Self.prose(Array(choices.dropFirst(number * 3)), ids: ids, strangers: ["zz-1"])
                markdown += block.replacingOccurrences(of: "PROSE", with: prose.replacingOccurrences(of: "\n", with: " "))
                    .replacingOccurrences(of: "ID", with: ids[number % ids.count]) + "\n"
            }
            let html = HTMLRenderer(linker: Self.linker(ids).page(selfID: selfID, root: "../")).render(MarkdownParser.parse(markdown)).html
            let fragment: HTMLFragment
            switch HTMLFragment.parse(html) {
            case .success(let parsed): fragment = parsed
            case .failure(let problem):
                Issue.record("\(problem)\nfrom Markdown:\n\(markdown)\nHTML:\n\(html)")
                return
            }
            for element in fragment.elements where element.name == "a" && (element.attributes["href"] ?? "").hasPrefix("../docs/") {
                let text = element.text
                #expect(ids.contains(text) && text != selfID, "linked \(text) in:\n\(markdown)")
                #expect(element.attributes["href"] == "../docs/\(text).html")
                #expect(element.attributes["title"] == "About \(text) &lt;&amp;&quot;&#39;&gt;")
                let forbidden = element.ancestors.filter { ["a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"].contains($0) }
                #expect(forbidden.isEmpty, "an id linked inside \(forbidden) in:\n\(markdown)\nHTML:\n\(html)")
            }
        }
    }
}
