import Foundation
import Testing
@testable import PlanfolioKit

/// Evidence SVGs: what is published is a copy written from a real parse
/// through the allow-list, whatever the original tries.
@Suite struct SVGSanitizerTests {
    static let open = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">"#

    /// The published copy, or a failed expectation.
    func copy(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        copy(Array(text.utf8), sourceLocation: sourceLocation)
    }

    func copy(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard case .published(let copy, _) = SVGSanitizer.sanitize(bytes) else {
            Issue.record("refused: \(SVGSanitizer.sanitize(bytes))", sourceLocation: sourceLocation)
            return nil
        }
        #expect(SVGAllowList.violations(in: copy).isEmpty, sourceLocation: sourceLocation)
        return String(decoding: copy, as: UTF8.self)
    }

    /// The ways past string matching the issue lists, each with what must not survive.
    @Test(arguments: [
        (#"<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>"#, "alert"),
        (#"<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>"#, "alert"),
        ("<rect width=\"5\" height=\"5\" onload\n=\"alert(1)\"/>", "alert"),
        (#"<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>"#, "avascript"),
        (#"<animate attributeName="href" to="javascript:alert(1)"/>"#, "javascript"),
        (#"<set attributeName="href" to="javascript:alert(1)"/>"#, "javascript"),
        (#"<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></foreignObject>"#, "alert"),
        (#"<foreignObject><meta xmlns="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=https://evil.example/"/></foreignObject>"#, "evil"),
        (#"<image href="http://evil.example/p.png"/>"#, "evil"),
        (#"<use href="&#104;ttp://evil.example/x.svg#a"/>"#, "evil"),
        (#"<style>rect { fill: url( http://evil.example/p ) } @import url(//evil.example/x.css);</style>"#, "evil"),
        (#"<rect width="5" height="5" style="fill: url( http://evil.example/p ); stroke: red"/>"#, "evil"),
        (#"<rect width="5" height="5" fill="u\72l(http://evil.example/p)"/>"#, "evil"),
        (#"<rect width="5" height="5" mask="url('//evil.example/m')"/>"#, "evil"),
        (#"<a href="https://evil.example/"><text>click</text></a>"#, "evil"),
        (#"<rect svg:onclick="alert(1)" xmlns:svg="http://www.w3.org/2000/svg" width="5" height="5"/>"#, "alert"),
        (#"<rect ONCLICK="alert(1)" width="5" height="5"/>"#, "alert"),
        (#"<![CDATA[</text><script>alert(1)</script>]]>"#, "<script"),
        (#"<?xml-stylesheet href="http://evil.example/x.xsl"?><rect width="5" height="5"/>"#, "evil"),
    ])
    func activeContentNeverSurvives(inner: String, marker: String) throws {
        let published = try #require(copy(Self.open + inner + "</svg>"))
        #expect(!published.lowercased().contains(marker), "\(published)")
        #expect(!published.contains("<script"))
        #expect(!published.lowercased().contains("javascript:"))
    }

    @Test func whatDrawsIsKeptAndWhatActsIsNamedInTheWarning() throws {
        let text = Self.open + """
            <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>\
            <rect x="1" y="1" width="8" height="8" fill="url(#g)" style="stroke: blue; background: url(http://e.example/)" onload="x()"/>\
            <use xlink:href="#g"/><text x="1" y="9">a &lt; b &amp; "c"</text><script>x()</script></svg>
            """
        guard case .published(let bytes, let leftOut) = SVGSanitizer.sanitize(Array(text.utf8)) else {
            Issue.record("refused")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\
            <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>\
            <rect x="1" y="1" width="8" height="8" fill="url(#g)" style="stroke:blue"/>\
            <use href="#g"/><text x="1" y="9">a &lt; b &amp; &quot;c&quot;</text></svg>

            """)
        #expect(leftOut == ["script", "event handlers", "links, images and references outside the file"])
    }

    @Test func theSampleEvidenceSVGIsPublishedUnchanged() throws {
        let url = GoldenSiteTests.packageRoot.appendingPathComponent("Plans/investigations/evidence/DIR-2026-004-approval-rates.svg")
        let original = Array(try Data(contentsOf: url))
        #expect(SVGSanitizer.sanitize(original) == .published(original, leftOut: []))
    }

    @Test func utf16FilesAreReadAndWrittenAsUTF8() throws {
        let text = Self.open + "<text>ünï</text><script>alert(1)</script></svg>"
        let expected = try #require(copy(text))
        var little: [UInt8] = [0xFF, 0xFE], big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(copy(little) == expected)
        #expect(copy(big) == expected)
        // A UTF-16 file's own declaration cannot switch the decoder.
        #expect(copy(#"<?xml version="1.0" encoding="UTF-16"?>"# + text) == expected)
    }

    @Test(arguments: [
        ("<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>", "well-formed"),
        ("not xml at all", "well-formed"),
        ("", "well-formed"),
        ("<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>", "root element is <html>"),
        ("<svg><script>alert(1)</script></svg>", "not <svg> in the SVG namespace"),
        ("<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><svg xmlns='http://www.w3.org/2000/svg'><text>&b;</text></svg>", "declares entities"),
        ("<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text></svg>", "declares entities"),
        ("<!DOCTYPE svg [<!ENTITY % p SYSTEM 'http://evil.example/x.dtd'> %p;]><svg xmlns='http://www.w3.org/2000/svg'/>", "declares entities"),
        ("<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'><svg xmlns='http://www.w3.org/2000/svg'><text>&nbsp;</text></svg>", "nbsp"),
        ("<svg xmlns='http://www.w3.org/2000/svg'><text>&nbsp;</text></svg>", "nbsp"),
        ("<svg xmlns='http://www.w3.org/2000/svg'><svg:script>alert(1)</svg:script></svg>", "well-formed"),
    ])
    func refused(text: String, reason: String) {
        guard case .refused(let why) = SVGSanitizer.sanitize(Array(text.utf8)) else {
            Issue.record("published \(String(reflecting: text))")
            return
        }
        #expect(why.contains(reason), "\(why)")
    }

    @Test func theStandardSVGDoctypeIsAcceptedAndNotCopied() throws {
        let published = try #require(copy("<?xml version='1.0' standalone='no'?>\n<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'>\n" + Self.open + "<!-- c --></svg>"))
        #expect(!published.contains("DOCTYPE") && !published.contains("<?") && !published.contains("<!--"))
    }

    @Test func bytesThatAreNeitherUTF8NorUTF16AreRefused() {
        #expect(SVGSanitizer.sanitize(Array(Self.open.utf8) + [0xE9] + Array("</svg>".utf8)) == .refused("it is not UTF-8 or UTF-16 text"))
        #expect(SVGSanitizer.sanitize([0xFF, 0xFE, 0x3C]) == .refused("it is not UTF-8 or UTF-16 text"), "odd UTF-16 length")
        #expect(SVGSanitizer.sanitize([0xFF, 0xFE, 0x00, 0xD8, 0x3C, 0x00]) == .refused("it is not UTF-8 or UTF-16 text"), "lone surrogate")
    }

    @Test func depthAndElementBudgetsRefuseWithoutRecursion() {
        let deep = Self.open + String(repeating: "<g>", count: 100_000) + String(repeating: "</g>", count: 100_000) + "</svg>"
        guard case .refused(let why) = SVGSanitizer.sanitize(Array(deep.utf8)) else {
            Issue.record("published")
            return
        }
        #expect(why.contains("deep"))
        let many = Self.open + String(repeating: "<g/>", count: SVGSanitizer.maxElements) + "</svg>"
        #expect(SVGSanitizer.sanitize(Array(many.utf8)) == .refused("it has more than \(SVGSanitizer.maxElements) elements"))
        let enough = Self.open + String(repeating: "<g>", count: SVGSanitizer.maxDepth - 1) + String(repeating: "</g>", count: SVGSanitizer.maxDepth - 1) + "</svg>"
        #expect(copy(enough) != nil)
    }

    @Test func aCopyIsItsOwnCopy() throws {
        let text = Self.open + #"<a href="x"><g onload="x" style="fill:red;cursor:url(x)"><text xml:space="preserve"> a </text></g></a><rect width="1" height="1" class="c" id="&#233;"/></svg>"#
        let once = try #require(copy(text))
        #expect(copy(once) == once)
    }

    /// The checker the attack corpus relies on must see what the sanitiser
    /// removes: a raw attack file is full of violations.
    @Test func theCheckerFindsActiveContentInAnUncleanFile() {
        let raw = Self.open + #"<script>alert(1)</script><rect onload="x" width="1" height="1" fill="url(http://e/)"/><use href="http://e/x.svg#a"/><!--c--></svg>"#
        let violations = SVGAllowList.violations(in: Array(raw.utf8))
        #expect(violations.count == 5, "\(violations)")
    }

    /// Random damage to a real SVG: never a crash, and whatever is published passes the checker.
    @Test func damagedFilesNeverCrashAndNeverPublishActiveContent() throws {
        let url = GoldenSiteTests.packageRoot.appendingPathComponent("Plans/investigations/evidence/DIR-2026-004-approval-rates.svg")
        let original = Array(try Data(contentsOf: url))
        let insertions = ["<script>", "</g>", "<g>", "&#106;", " onload='x'", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "<![CDATA[", "]]>",
                          "<foreignObject>", " href='http://e/'", "\u{0}", "\u{FEFF}", "xmlns:s='http://www.w3.org/2000/svg'", "<s:script>"]
        var generator = SeededGenerator(seed: 0x5A_17)
        var published = 0
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let at = Int.random(in: 0...bytes.count, using: &generator)
                if Bool.random(using: &generator) {
                    bytes.insert(contentsOf: Array(insertions.randomElement(using: &generator)!.utf8), at: at)
                } else if at < bytes.count {
                    bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...20, using: &generator)))
                }
            }
            if case .published(let copy, _) = SVGSanitizer.sanitize(bytes) {
                published += 1
                #expect(SVGAllowList.violations(in: copy).isEmpty)
                #expect(!String(decoding: copy, as: UTF8.self).contains("script"))
            }
        }
        #expect(published > 0)
    }
}
