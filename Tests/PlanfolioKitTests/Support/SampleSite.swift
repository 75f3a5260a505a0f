import Foundation
@testable import PlanfolioKit

/// The repository's own files, for tests that check the sample portfolio and the theme.
enum Repository {
    /// The package root, found from this file's path (Tests/PlanfolioKitTests/Support/).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// The sample portfolio, parsed and linked.
    static func samplePortfolio() throws -> (Portfolio, LoadedInput) {
        let loaded = try InputLoader.load(input: path("Plans"))
        let documents = loaded.files.compactMap { DocumentParser.parse($0).0 }
        return (Linker.link(documents).0, loaded)
    }

    /// A status for every document, made up for tests (Compute fills the real one).
    static func madeUpStatus(for portfolio: Portfolio, today: Day) -> PortfolioStatus {
        var status = PortfolioStatus(today: today)
        let lifecycles = Lifecycle.allCases
        for (index, document) in portfolio.documents.enumerated() {
            if document.kind == .plan {
                let roles = SiteConfig.templateRoles.enumerated().map { offset, role in
                    RoleStatus(role: role, name: offset < 2 ? "Signer \(offset)" : "", signature: offset < 2 ? "S\(offset)" : "",
                               date: offset < 2 ? today.adding(days: -10) : nil, required: true, signed: offset < 2, stale: offset == 1, line: 10 + offset)
                }
                let approval = ApprovalStatus(state: .partial, signed: 2, required: 4, stale: true, roles: roles)
                let phases = (document.plan?.phases ?? [Phase(name: "Phase 1", deadline: today.adding(days: 5), line: 20)]).map {
                    PhaseStatus(phase: $0, start: $0.start ?? document.date, overdue: false, dueSoon: true, daysLeft: 5)
                }
                let lifecycle = lifecycles[index % lifecycles.count]
                status.plans[document.id] = PlanStatus(lifecycle: lifecycle, approval: approval, phases: phases,
                                                       open: lifecycle != .completed && lifecycle != .superseded, supersededBy: nil)
            } else {
                status.reviews[document.id] = ReviewStatus(open: index % 2 == 0, breaches: [], supersededBy: nil)
            }
        }
        return status
    }
}
