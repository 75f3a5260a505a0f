import PropertyBased
import Testing
@testable import PlanfolioKit

/// Properties of system page slugs over random system names of any script:
/// never empty, lowercase ASCII words joined by single `-`, unique, and
/// depending only on the set of names (not their order); a slug is its own slug.
@Suite struct SystemSluggerPropertyTests {
    static let pieces = [
        "Credit", "credit", "CREDIT", "Limit", " ", "  ", "-", "--", "_", ".", "/", "..", "!", "?", "&", "<", "'", "\"", "1", "2", "4o",
        "Évaluation", "Straße", "Ørsted", "Æ", "İ", "ı", "ǅ", "Ｃｒｅｄｉｔ", "信用", "١٢", "Ⅻ", "👩‍⚖️", "\u{301}", "\u{A0}", "\t", "\n",
        String(repeating: "long", count: 20),
    ]
    static let name = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...8).map { $0.joined() }
    static let names = name.array(of: 1...10).map { Array(Set($0)).sorted() }

    static func isSlugShaped(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
            && slug.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }

    @Test func slugsAreLowercaseASCIIWordsAndUnique() async {
        await propertyCheck(count: 400, input: Self.names) { names in
            let slugs = SystemSlugger.slugs(for: names)
            #expect(slugs.count == names.count)
            for (name, slug) in zip(names, slugs) {
                #expect(Self.isSlugShaped(slug), "\(slug.debugDescription) for \(name.debugDescription)")
                let base = SystemSlugger.baseSlug(name)
                #expect(base.count <= SystemSlugger.maxLength)
                #expect(slug == base || slug.hasPrefix(base + "-"), "\(slug) is not \(base) with a suffix")
            }
            #expect(Set(slugs).count == slugs.count, "repeated slugs \(slugs) for \(names)")
        }
    }

    @Test func slugsDependOnlyOnTheSetOfNames() async {
        await propertyCheck(count: 300, input: Self.names, Gen.int(in: 0...Int(Int32.max))) { names, seed in
            var shuffled = names
            var state = UInt64(seed)
            for index in shuffled.indices.reversed() where index > 0 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                shuffled.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
            }
            let forward = Dictionary(uniqueKeysWithValues: zip(names, SystemSlugger.slugs(for: names)))
            let backward = Dictionary(uniqueKeysWithValues: zip(shuffled, SystemSlugger.slugs(for: shuffled)))
            #expect(forward == backward)
        }
    }

    @Test func aSlugIsItsOwnSlug() async {
        await propertyCheck(count: 300, input: Self.name) { name in
            let slug = SystemSlugger.baseSlug(name)
            #expect(SystemSlugger.baseSlug(slug) == slug, "\(name.debugDescription) gives \(slug)")
        }
    }
}
