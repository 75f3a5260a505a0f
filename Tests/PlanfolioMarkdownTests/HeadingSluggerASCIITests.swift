import Testing
@testable import PlanfolioMarkdown

/// `HeadingSlugger.baseSlug` reads ASCII headings byte by byte: the same
/// slugs as the Unicode-property rule, which is kept here as the reference.
@Suite struct HeadingSluggerASCIITests {
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out += "-"
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func asciiSlugsMatchTheUnicodeRule() {
        var every = ""
        for value in 0..<128 { every.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let samples = [every, "Proposed Intervention(s)", "  Table of Contents  ", "Phase 1: Data_Audit -- v2.0", "A\tB\nC", "",
                       "Kelvin \u{212A}", "Café Ünïcode ½ Ⅻ", "x\u{301}y"]
        for sample in samples {
            #expect(HeadingSlugger.baseSlug(sample) == Self.reference(sample), "\(sample.debugDescription)")
        }
    }
}
