import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// The page models and `TemplateKey` agree: every stored member of a model
/// is reachable under its own name, every part whose members a model
/// shares is reachable through it, and every key is some model's member.
@Suite struct TemplateKeyTests {
    /// Every page of the site, as models, for each portfolio and status of `PageModelEquivalenceTests`.
    static func pages() throws -> [(String, any TemplateValue)] {
        var pages: [(String, any TemplateValue)] = []
        for test in try PageModelEquivalenceTests.cases() {
            let portfolio = test.portfolio, status = test.status
            let frame = PageFrame(PageContext(site: .init(title: "T", today: PageModelEquivalenceTests.today, generator: "g"),
                                              path: "index.html", title: "T", section: "index"))
            pages.append(("frame", Page(frame: frame, content: SearchPage())))
            pages.append(("dashboard", DashboardPage(portfolio: portfolio, status: status, config: test.config, root: "")))
            pages.append(("timeline", TimelinePage(portfolio: portfolio, status: status, root: "")))
            pages.append(("approvals", ApprovalsPage(portfolio: portfolio, status: status, config: test.config, root: "")))
            pages.append(("systems", SystemsPage(portfolio: portfolio, root: "", status: status)))
            for kind in DocumentKind.allCases { pages.append(("\(kind) list", ListPage(kind: kind, portfolio: portfolio, root: "", status: status))) }
            for system in portfolio.systems { pages.append((system.name, SystemPage(system: system, portfolio: portfolio, root: "../", status: status))) }
            for document in portfolio.documents {
                let blocks = BodyOutline.blocks(of: document.body)
                let panels = PlanPanel.panels(for: document, status: status)
                let (segments, body) = BodySplitter.render(blocks, layout: PlanBodyLayout.place(panels, in: blocks, plan: document.plan),
                                                           panels: panels, linker: nil)
                pages.append((document.id, DocumentPage(document, body: body, segments: segments, portfolio: portfolio, status: status, root: "../")))
            }
            pages += HistoryPageModels.pages(portfolio: portfolio, status: status)
        }
        return pages
    }

    /// `value` and every value reachable from it by a member or an element.
    static func walk(_ value: any TemplateValue, depth: Int = 0, _ visit: (any TemplateValue, [TemplateKey]) -> Void) {
        guard depth < 12 else { return }
        let present = TemplateKey.allCases.filter { value.member(TemplateName($0.rawValue)) != nil }
        visit(value, present)
        for key in present {
            if let member = value.member(TemplateName(key.rawValue)) { walk(member, depth: depth + 1, visit) }
        }
        value.forEachElement { walk($0, depth: depth + 1, visit) }
    }

    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    static func text(_ value: any TemplateValue) -> String {
        var bytes: [UInt8] = []
        value.appendText(to: &bytes, escaped: false)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func everyStoredMemberIsReachableUnderItsName() throws {
        for (page, root) in try Self.pages() {
            Self.walk(root) { value, present in
                for child in Mirror(reflecting: value).children {
                    guard let label = child.label else { continue }
                    let stored = Self.unwrapped(child.value)
                    if TemplateKey(rawValue: label) != nil {
                        let member = value.member(TemplateName(label))
                        guard let stored else {
                            #expect(member == nil, "\(page): \(type(of: value)).\(label) is nil but a member")
                            continue
                        }
                        guard let member, let stored = stored as? any TemplateValue else {
                            Issue.record("\(page): \(type(of: value)).\(label) is stored but no member")
                            continue
                        }
                        #expect(member.section == stored.section && Self.text(member) == Self.text(stored),
                                "\(page): \(type(of: value)).\(label) is not the member of that name")
                    } else if let part = stored as? any TemplateValue {
                        // A part whose members the model shares (`DocumentPage.links`, `ListPage.Row.planColumns`, ...).
                        for key in TemplateKey.allCases where part.member(TemplateName(key.rawValue)) != nil {
                            #expect(present.contains(key), "\(page): \(type(of: value)).\(label).\(key) is not reachable")
                        }
                    }
                }
            }
        }
    }

    @Test func everyKeyIsSomeModelsMember() throws {
        var seen: Set<TemplateKey> = []
        for (_, root) in try Self.pages() {
            Self.walk(root) { _, present in seen.formUnion(present) }
        }
        #expect(TemplateKey.allCases.filter { !seen.contains($0) } == [])
    }

    /// docs/theme.md is where a theme's author finds the names: each is there, as code.
    @Test func everyKeyIsDocumented() throws {
        let doc = try String(contentsOfFile: Repository.path("docs/theme.md"), encoding: .utf8)
        #expect(TemplateKey.allCases.filter { !doc.contains("`\($0.rawValue)`") } == [])
    }

    @Test func namesAreMatchedToKeysWhenParsed() {
        #expect(MustacheName("plan.hasPhases").parts.map(\.key) == [.plan, .hasPhases])
        #expect(MustacheName("plan.nope").parts.map(\.key) == [.plan, nil])
        #expect(MustacheName("plan.nope").parts.map(\.text) == ["plan", "nope"])
        #expect(MustacheName(".").parts.isEmpty)
    }
}
