import Testing
@testable import PlanfolioKit

/// `MarkdownQueries.normalizedHeading` and `MarkdownTable.normalized` write
/// straight into the result's buffer; they must give what the array-building
/// versions before them gave, kept here as the reference.
@Suite struct NormalizedKeyTests {
    static func referenceNormalizedHeading(_ text: String) -> String {
        let source = text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.lowercased()
        var out: [UInt8] = []
        var pendingSpace = false
        for byte in source.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            let count = out.count
            if byte == UInt8(ascii: ")"), count >= 3, out[count - 2] == UInt8(ascii: "s"), out[count - 3] == UInt8(ascii: "(") {
                out.removeLast(3)
                out.append(UInt8(ascii: "s"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func referenceNormalized(_ header: String) -> String {
        var out: [UInt8] = []
        for byte in header.utf8 {
            guard byte < 0x80 else { return String(header.lowercased().filter { !$0.isWhitespace }) }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { continue }
            out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let samples: [String] = [
        "", " ", "\t\t", "a", " A ", "Proposed Intervention(s)", "Proposed Intervention(S)", "(s)", "s)", "((s))", "(s)(s)",
        "Intervention (s)", "  Phases   and\tMilestones  ", "TABLE OF CONTENTS", "Name / Team", "Name/Team", "Target\nCompletion\r\nDate",
        "Ärztin (S)", "Tomás Rivera (ML Lead)", "ÉTÉ  été", "İstanbul", "straße", "x\u{00A0}y", "a\u{2003}b", "Σ (s)", "(ß)",
        "123 Abc-XYZ_", "Long heading that is well over fifteen bytes, so not a small string (s)",
    ]

    /// The samples, plus every short string over a small alphabet of the
    /// bytes the rules look at.
    static var inputs: [String] {
        let alphabet = ["(", "s", "S", ")", " ", "\t", "A", "é", "\n"]
        var out = samples
        var level = [""]
        for _ in 0..<4 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            out += level
        }
        return out
    }

    @Test func normalizedHeadingMatchesTheReference() {
        for input in Self.inputs {
            #expect(MarkdownQueries.normalizedHeading(input) == Self.referenceNormalizedHeading(input), "\(input.debugDescription)")
            // A bridged or sliced string is not always contiguous UTF-8 in place.
            let sliced = String(("<" + input + ">").dropFirst().dropLast())
            #expect(MarkdownQueries.normalizedHeading(sliced) == Self.referenceNormalizedHeading(input), "\(input.debugDescription) sliced")
        }
    }

    @Test func tableNormalizedMatchesTheReference() {
        for input in Self.inputs {
            #expect(MarkdownTable.normalized(input) == Self.referenceNormalized(input), "\(input.debugDescription)")
        }
    }

    @Test func trimmedWhitespaceMatchesCharacterTrimming() {
        for input in Self.inputs {
            let reference = ByteWiseTextTests.referenceTrimmedWhitespace(input)
            #expect(input.trimmedWhitespace == reference, "\(input.debugDescription)")
            let sub = ("x" + input + "y").dropFirst().dropLast()
            #expect(sub.trimmedWhitespace == ByteWiseTextTests.referenceTrimmedWhitespace(sub), "\(input.debugDescription) as a Substring")
        }
    }
}
