import Foundation

/// File-name parts for system pages (`systems/SLUG.html`): stable, readable
/// and unique.
///
/// A slug is the name's words in lowercase ASCII joined by `-`, diacritics
/// folded (`Évaluation` → `evaluation`), at most 60 characters, `system`
/// when nothing is left. Two names with the same slug (they differ only in
/// case or punctuation) are told apart by a suffix `-2`, `-3`, ... given in
/// the order of the names (case-insensitive, then exact), so the first keeps
/// the plain slug and the result depends only on the set of names.
enum SystemSlugger {
    static let maxLength = 60

    /// Slugs for `names` (distinct), in the same order.
    static func slugs(for names: [String]) -> [String] {
        let order = names.indices.sorted { nameOrder(names[$0], names[$1]) }
        let bases = names.map(baseSlug)
        var used = Set(bases)
        var claimed: Set<String> = []
        var slugs = [String](repeating: "", count: names.count)
        for index in order {
            let base = bases[index]
            if !claimed.contains(base) {
                claimed.insert(base)
                slugs[index] = base
                continue
            }
            var number = 2
            while used.contains("\(base)-\(number)") { number += 1 }
            let slug = "\(base)-\(number)"
            used.insert(slug)
            claimed.insert(slug)
            slugs[index] = slug
        }
        return slugs
    }

    /// Case-insensitive, then exact: the order system lists and slug suffixes use.
    static func nameOrder(_ a: String, _ b: String) -> Bool {
        let (la, lb) = (a.lowercased(), b.lowercased())
        if la != lb { return la < lb }
        return a < b
    }

    /// The slug of one name, before collisions are resolved.
    static func baseSlug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in folded.unicodeScalars {
            if let replacement = replacements[scalar] {
                word += replacement
            } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil, !scalar.isASCII {
                // A letter with no ASCII form: dropped, without splitting the word.
                continue
            } else {
                endWord()
            }
        }
        endWord()
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maxLength {
                if slug.isEmpty { slug = String(word.prefix(maxLength)) }
                break
            }
            slug = next
        }
        return slug.isEmpty ? "system" : slug.lowercased()
    }

    /// Letters that folding leaves alone but that have a usual ASCII spelling.
    private static let replacements: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i",
    ]
}
