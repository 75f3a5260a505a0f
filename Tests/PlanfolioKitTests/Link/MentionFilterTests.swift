import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// `MentionFilter` never says no to an id the page's prose holds as a word,
/// and it survives being written and read back.
@Suite struct MentionFilterTests {
    /// Every word the linker links on the page built from `source` is one the filter may mention.
    static func expectEveryLinkedIDMayBeMentioned(_ source: String, ids: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let filter = MentionFilter(source: source, salt: "plans/test.md")
        var targets: [String: IDLinker.Target] = [:]
        for id in ids { targets[id] = IDLinker.Target(path: "plans/\(id).html", title: id) }
        let linker = IDLinker(targets: targets).page(selfID: nil, root: "")
        let html = HTMLRenderer(linker: linker).render(MarkdownParser.parse(source)).html
        for id in ids where html.contains("href=\"plans/\(id).html\"") {
            #expect(filter.mayMention(id), "\(id) is linked on the page but the filter says no", sourceLocation: sourceLocation)
        }
    }

    @Test func everyWordOfTheTextMayBeMentioned() {
        let filter = MentionFilter(source: """
            # About RP-2026-001

            See DIR-2026-004. And *FAF-2026-03-001* in a list:

            - item with [RP-2026-009](x.md) and ![alt FAF-9](img.png)

            | col |
            |---|
            | RP-7 |
            """, salt: "plans/test.md")
        for id in ["RP-2026-001", "DIR-2026-004", "DIR-2026-004.", "FAF-2026-03-001", "RP-2026-009", "FAF-9", "RP-7", "See", "col"] {
            #expect(filter.mayMention(id), "\(id)")
        }
        let absent = (0..<200).map { "RP-ABSENT-\($0)" }
        #expect(absent.filter(filter.mayMention).count < 20)
    }

    /// What the page shows differently from the text: an escape is read past, a character reference makes every word possible.
    @Test func escapesAndCharacterReferences() {
        #expect(MentionFilter(source: "See RP\\-2026\\-001 now.\n", salt: "a.md").mayMention("RP-2026-001"))
        let referenced = MentionFilter(source: "See RP&#45;2026&#45;001 now.\n", salt: "a.md")
        #expect(referenced.mayMention("RP-2026-001") && referenced.mayMention("anything-else"))
        Self.expectEveryLinkedIDMayBeMentioned("See RP\\-2026\\-001, RP&#45;7 and RP&hyphen;8 now.\n", ids: ["RP-2026-001", "RP-7", "RP-8"])
    }

    @Test func linkedIDsOfTheSampleMayBeMentioned() throws {
        let (portfolio, loaded) = try Repository.samplePortfolio()
        let ids = portfolio.documents.map(\.id)
        for file in loaded.files { Self.expectEveryLinkedIDMayBeMentioned(file.text, ids: ids) }
    }

    /// Documents written on one template share most of their words. 100
    /// copies of a sample plan under other ids are each asked about 5,000 ids
    /// none of them holds: a false yes costs a page rendered for nothing at
    /// every retitle, so none of those ids may draw one from many copies at once.
    @Test func documentsOnOneTemplateDoNotShareTheirFalseYeses() throws {
        let template = try String(contentsOfFile: Repository.path("Plans/plans/RP-2026-002.md"), encoding: .utf8)
        let filters = (0..<100).map { copy in
            let id = "RP-2027-\(1_000 + copy)"
            return MentionFilter(source: template.replacingOccurrences(of: "RP-2026-002", with: id), salt: "plans/\(id).md")
        }
        var yeses: [Int] = []
        for number in 0..<5_000 {
            let id = "RP-2028-\(10_000 + number)"
            yeses.append(filters.count { $0.mayMention(id) })
        }
        let total = yeses.reduce(0, +)
        #expect(Double(total) / Double(100 * 5_000) < 0.01, "\(total) false yeses in \(100 * 5_000)")
        #expect(yeses.max()! <= 5, "one id draws a false yes from \(yeses.max()!) of 100 copies")
    }

    @Test func roundTripsThroughItsBytes() {
        let filter = MentionFilter(source: "Mentions RP-2026-001 and DIR-2026-004.\n", salt: "a.md")
        let again = MentionFilter(bytes: filter.bytes)
        #expect(again == filter)
        #expect(again.mayMention("RP-2026-001") && again.mayMention("DIR-2026-004"))
        // Bytes that are no filter give one that says yes to everything: a page is rendered again rather than left stale.
        #expect(MentionFilter(bytes: [1, 2, 3]).mayMention("anything"))
    }

    /// A restored session's filters are slices of its bytes, read where they lie.
    @Test func aFilterReadInPlaceFromLargerBytesAnswersTheSame() {
        let filter = MentionFilter(source: "Mentions RP-2026-001 and DIR-2026-004.\n", salt: "a.md")
        let around = [UInt8](repeating: 0xAB, count: 13) + Array(filter.bytes) + [UInt8](repeating: 0x00, count: 7)
        let slice = around[13..<(13 + filter.bytes.count)]
        let inPlace = MentionFilter(bytes: slice)
        for id in ["RP-2026-001", "DIR-2026-004"] + (0..<2_000).map({ "RP-2099-\($0)" }) {
            #expect(inPlace.mayMention(id) == filter.mayMention(id), "\(id)")
        }
    }
}
