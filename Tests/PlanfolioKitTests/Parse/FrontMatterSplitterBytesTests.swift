import Testing
@testable import PlanfolioKit

/// `FrontMatterSplitter.split` finds the closing line on bytes; it must
/// split every file exactly as the `Substring` version before it
/// (`splitByCharacters`, kept for this test) did.
@Suite struct FrontMatterSplitterBytesTests {
    static let files: [String] = [
        "", "---", "---\n", "--- \n", "---\n---\n", "---\n---", "---\n...\n", "---\nid: a\n---\nbody\n", "---\nid: a\n--- \t\nbody",
        "---\nid: a\n", "---\nid: a\n----\nno close\n", "---\nid: a\n -- \n---\n", "---\r\nid: a\r\n---\r\nbody\r\n", "---\rid: a\r---\rbody",
        "\u{FEFF}---\nid: a\n---\n# Title\n", "# no front matter\n---\n", "---\ntitle: é\u{301}\n---\n\u{301}body", "---\nx: \"---\"\n---\n",
        "---\na: 1\n---\u{301}\n---\n", "---\n\n\n...  \nbody\n\n", "---\nid: a\n---\n", "--- \nid: a\n...", "---\n---\n---\n",
    ]

    @Test(arguments: files)
    func splitsAsBefore(_ file: String) {
        #expect(FrontMatterSplitter.split(file) == FrontMatterSplitter.splitByCharacters(file))
    }

    @Test func closesAtTheFirstClosingLine() {
        let split = FrontMatterSplitter.split("---\nid: a\n--- \nbody ---\n---\n")
        #expect(split.yaml == "id: a\n")
        #expect(split.body == "body ---\n---\n")
        #expect(split.bodyFirstLine == 4)
    }
}
