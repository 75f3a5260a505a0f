import Foundation
import Testing
@testable import PlanfolioKit

/// `StatusComputer.compute(only:)`, which the incremental rebuild uses for
/// the pages it renders: every status it gives is the one the whole
/// computation gives, for the documents asked for and the ones their pages
/// show (the documents they reference).
@Suite struct StatusComputerOnlyTests {
    /// Days before, inside and after the sample's timelines, so that phases are due, overdue and done.
    static let days = ["2026-03-01", "2026-11-25", "2027-06-01"].compactMap(Day.init)

    static func referenced(by document: Document) -> [String] {
        [document.references.assessment, document.references.investigation, document.references.supersedes].compactMap { $0?.value }
    }

    static func expectSame(_ id: String, _ part: PortfolioStatus, _ full: PortfolioStatus, _ note: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(part.plans[id] != nil || part.reviews[id] != nil || (full.plans[id] == nil && full.reviews[id] == nil),
                "\(note): \(id) has no status", sourceLocation: sourceLocation)
        #expect(part.plans[id] == full.plans[id], "\(note): plan status of \(id)", sourceLocation: sourceLocation)
        #expect(part.reviews[id] == full.reviews[id], "\(note): review status of \(id)", sourceLocation: sourceLocation)
    }

    @Test func theSampleHasChainsToCheck() throws {
        let (portfolio, loaded) = try Repository.samplePortfolio()
        #expect(portfolio.documents.count == loaded.files.count, "every sample file is a document")
        let plans = portfolio.documents(of: .plan)
        #expect(plans.contains { $0.references.supersedes != nil })
        #expect(plans.contains { $0.references.investigation != nil })
        #expect(portfolio.documents(of: .investigation).contains { $0.references.assessment != nil })
    }

    @Test(arguments: days)
    func eachDocumentAloneHasItsFullStatus(today: Day) throws {
        let (portfolio, _) = try Repository.samplePortfolio()
        let config = SiteConfig()
        let (full, fullDiagnostics) = StatusComputer.compute(portfolio: portfolio, config: config, today: today)
        #expect(full.plans.count + full.reviews.count == portfolio.documents.count)
        for document in portfolio.documents {
            let (part, diagnostics) = StatusComputer.compute(portfolio: portfolio, config: config, today: today, only: [document.id])
            Self.expectSame(document.id, part, full, "only \(document.id) on \(today)")
            #expect(part.today == full.today)
            // Nothing is reported that the whole computation does not report.
            #expect(diagnostics.allSatisfy(fullDiagnostics.contains), "only \(document.id) on \(today)")
            #expect(part.plans.count + part.reviews.count < full.plans.count + full.reviews.count, "only \(document.id) computes less")
        }
    }

    /// As a build from a restored session asks: an edited document and those it references, whose chain cards its page shows.
    @Test(arguments: days)
    func aDocumentAndWhatItReferencesHaveTheirFullStatus(today: Day) throws {
        let (portfolio, _) = try Repository.samplePortfolio()
        let config = SiteConfig()
        let (full, _) = StatusComputer.compute(portfolio: portfolio, config: config, today: today)
        var checked = 0
        for document in portfolio.documents {
            let shown = Set([document.id] + Self.referenced(by: document))
            let (part, _) = StatusComputer.compute(portfolio: portfolio, config: config, today: today, only: shown)
            for id in shown where portfolio[id] != nil {
                Self.expectSame(id, part, full, "\(document.id) and its references on \(today)")
                if id != document.id { checked += 1 }
            }
        }
        #expect(checked >= 10, "the sample's references were checked")
    }

    @Test(arguments: days)
    func everyPairOfDocumentsHasItsFullStatus(today: Day) throws {
        // Several edited documents at once.
        let (portfolio, _) = try Repository.samplePortfolio()
        let config = SiteConfig()
        let (full, _) = StatusComputer.compute(portfolio: portfolio, config: config, today: today)
        let ids = portfolio.documents.map(\.id)
        for (index, first) in ids.enumerated() {
            for second in ids[(index + 1)...] {
                let (part, _) = StatusComputer.compute(portfolio: portfolio, config: config, today: today, only: [first, second])
                Self.expectSame(first, part, full, "\(first)+\(second)")
                Self.expectSame(second, part, full, "\(first)+\(second)")
            }
        }
    }

    @Test func anUnknownOrEmptyOnlyComputesNothing() throws {
        let (portfolio, _) = try Repository.samplePortfolio()
        let today = Self.days[1]
        for only: Set<String> in [[], ["NO-SUCH-ID"]] {
            let (part, diagnostics) = StatusComputer.compute(portfolio: portfolio, config: SiteConfig(), today: today, only: only)
            #expect(part.plans.isEmpty && part.reviews.isEmpty && diagnostics.isEmpty, "\(only)")
        }
        let (all, _) = StatusComputer.compute(portfolio: portfolio, config: SiteConfig(), today: today, only: Set(portfolio.documents.map(\.id)))
        let (full, _) = StatusComputer.compute(portfolio: portfolio, config: SiteConfig(), today: today)
        #expect(all.plans == full.plans && all.reviews == full.reviews)
    }
}
