import Foundation
import Testing
@testable import PlanfolioKit

/// Builds the sample portfolio in memory and follows every link on every page.
@Suite("Every link of the built sample site resolves")
struct SiteLinkTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func buildSample() throws -> [OutputFile] {
        let loaded = try InputLoader.load(input: repository.appendingPathComponent("Plans").path)
        let theme = try ThemeFiles.load(from: repository.appendingPathComponent("Theme").path)
        let (report, files) = Build.site(from: loaded, theme: theme, options: BuildOptions(today: Day(year: 2026, month: 11, day: 25)!))
        #expect(!report.hasErrors, "\(report.diagnostics.filter { $0.severity == .error })")
        return files
    }

    /// A broken link: the page it is on and the URL as written.
    struct Broken: CustomStringConvertible {
        var page: String
        var url: String
        var reason: String
        var description: String { "\(page): \(url) (\(reason))" }
    }

    static func brokenLinks(in files: [OutputFile]) -> [Broken] {
        var pages: [String: String] = [:]
        for file in files where file.path.hasSuffix(".html") {
            pages[file.path] = String(decoding: file.contents, as: UTF8.self)
        }
        let written = Set(files.map(\.path))
        var anchorCache: [String: Set<String>] = [:]
        func anchors(_ path: String) -> Set<String> {
            if let cached = anchorCache[path] { return cached }
            let found = Set(matches(of: #"\sid="([^"]*)""#, in: pages[path] ?? "").map(unescape))
            anchorCache[path] = found
            return found
        }
        var broken: [Broken] = []
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) {
            for raw in matches(of: #"\s(?:href|src)="([^"]*)""#, in: html) {
                let url = unescape(raw)
                if let scheme = url.firstMatch(of: /^([A-Za-z][A-Za-z0-9+.-]*):/)?.1 {
                    if !["http", "https", "mailto"].contains(scheme.lowercased()) {
                        broken.append(Broken(page: page, url: url, reason: "scheme not allowed"))
                    }
                    continue
                }
                let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let pathPart = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
                guard !url.isEmpty, !url.hasPrefix("/") else {
                    broken.append(Broken(page: page, url: url, reason: "empty or absolute"))
                    continue
                }
                let target: String
                if pathPart.isEmpty {
                    target = page
                } else if let resolved = resolve(pathPart, from: page) {
                    target = resolved
                } else {
                    broken.append(Broken(page: page, url: url, reason: "leaves the site"))
                    continue
                }
                guard written.contains(target) else {
                    broken.append(Broken(page: page, url: url, reason: "no file \(target)"))
                    continue
                }
                // `#key=value` is filter state for the list pages' script (the dashboard's
                // counts link to `plans.html#lifecycle=overdue`), not an anchor.
                if let fragment, !fragment.contains("="), !anchors(target).contains(fragment) {
                    broken.append(Broken(page: page, url: url, reason: "no id '\(fragment)' in \(target)"))
                }
            }
        }
        return broken
    }

    /// `relative` resolved against the folder of `page`, or nil if it climbs above the site root.
    static func resolve(_ relative: String, from page: String) -> String? {
        var components = page.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".", "": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func everyRelativeLinkAndFragmentResolves() throws {
        let files = try Self.buildSample()
        #expect(files.contains { $0.path == "systems.html" })
        #expect(files.contains { $0.path == "systems/credit-limit-recommender.html" })
        // The evidence files the investigations link to are published under files/.
        #expect(files.contains { $0.path.hasPrefix("files/") && $0.path.contains("/evidence/") })
        let broken = Self.brokenLinks(in: files)
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test func theCheckerFindsBrokenLinks() {
        let page = ##"<a href="plans/X.html">x</a><a href="#nowhere">y</a><a href="../../up.html">z</a><img src="a.png"><a href="javascript:alert(1)">j</a><a href="index.html#here">k</a><a href="index.html#lifecycle=draft">f</a><p id="here"></p>"##
        let files = [OutputFile(path: "index.html", text: page), OutputFile(path: "a.png", text: "")]
        let broken = Self.brokenLinks(in: files).map(\.url)
        #expect(broken == ["plans/X.html", "#nowhere", "../../up.html", "javascript:alert(1)"])
    }

    @Test func samplePagesCarryTheLinks() throws {
        let files = try Self.buildSample()
        func page(_ path: String) -> String {
            files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        }
        let superseded = page("plans/RP-2026-002.html")
        #expect(superseded.contains(#"<p class="superseded-notice" role="note"><strong>Superseded by <a href="../plans/RP-2026-009.html">RP-2026-009</a></strong>"#))
        #expect(superseded.contains(#"<h2 id="pf-referenced-by">Referenced by</h2>"#))
        let assessment = page("assessments/FAF-2026-03-001.html")
        #expect(assessment.contains("<h3>Investigations</h3>"))
        #expect(assessment.contains("<h3>Plans</h3>"))
        #expect(assessment.contains(#"<a href="../plans/RP-2026-009.html">RP-2026-009</a>"#))
        #expect(page("index.html").contains(#"<a href="systems.html">Systems</a>"#))
        let system = page("systems/credit-limit-recommender.html")
        // The superseded RP-2026-002 is shown struck through.
        let order = [">FAF-2026-03-001</a>", ">DIR-2026-004</a>", ">RP-2026-009</a>", "><s>RP-2026-002</s></a>"].map { system.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }
}
