import Testing
@testable import PlanfolioKit

@Suite("System slugs")
struct SystemSluggerTests {
    @Test(arguments: [
        ("Credit Limit Recommender", "credit-limit-recommender"),
        ("  Motor   Claims -- Triage!  ", "motor-claims-triage"),
        ("Évaluation des crédits à la consommation", "evaluation-des-credits-a-la-consommation"),
        ("Straße Ørsted Æther", "strasse-orsted-aether"),
        ("GPT-4o / v2.1", "gpt-4o-v2-1"),
        ("../../etc/passwd", "etc-passwd"),
        ("信用评分", "system"),
        ("???", "system"),
        ("", "system"),
    ])
    func baseSlug(name: String, expected: String) {
        #expect(SystemSlugger.baseSlug(name) == expected)
    }

    @Test func longNamesAreCutAtAWord() {
        let slug = SystemSlugger.baseSlug(String(repeating: "word ", count: 40))
        #expect(slug.count <= SystemSlugger.maxLength)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasPrefix("word-word"))
    }

    @Test func namesThatDifferInCaseOrPunctuationGetDistinctSlugsInNameOrder() {
        let names = ["credit scorer", "Credit Scorer", "Credit-Scorer!", "Credit Scorer 2"]
        let slugs = SystemSlugger.slugs(for: names)
        #expect(Set(slugs).count == names.count)
        // Order: "Credit Scorer" < "credit scorer" (same lowercase, exact order), then "Credit Scorer 2", then "Credit-Scorer!".
        #expect(slugs == ["credit-scorer-3", "credit-scorer", "credit-scorer-4", "credit-scorer-2"])
    }

    @Test func slugsDoNotDependOnInputOrder() {
        let names = ["B", "b", "a", "A", "a!"]
        let forward = Dictionary(uniqueKeysWithValues: zip(names, SystemSlugger.slugs(for: names)))
        let reversed = Array(names.reversed())
        let backward = Dictionary(uniqueKeysWithValues: zip(reversed, SystemSlugger.slugs(for: reversed)))
        #expect(forward == backward)
        #expect(forward["A"] == "a")
        #expect(forward["a"] == "a-2")
    }

    @Test func everySlugIsASafeFileName() {
        let names = ["", ".", "..", "/", "a/b", "CON", "x\u{0}y", "emoji 🎉 system", "-lead-", "ÀÉÎ"]
        for slug in SystemSlugger.slugs(for: names) {
            #expect(!slug.isEmpty)
            #expect(slug.allSatisfy { ($0.isASCII && $0.isLetter && $0.isLowercase) || ($0.isASCII && $0.isNumber) || $0 == "-" })
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"))
        }
    }
}
