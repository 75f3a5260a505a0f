import Foundation
import Testing
import PlanfolioMarkdown
@testable import PlanfolioKit

/// The small parts the build session is made of: digests, status bytes,
/// stamps written digit by digit, the list of removed paths.
@Suite struct SessionPartsTests {
    @Test func digestsRoundTripThroughRecords() {
        var hasher = StableHasher()
        hasher.combine("planfolio")
        let digest = hasher.digest()
        #expect(digest.hex == hasher.finalize())
        var writer = RecordWriter()
        writer.digest(digest)
        writer.digest(.none)
        #expect(writer.bytes.count == 32)
        var reader = RecordReader(writer.bytes)
        #expect(reader.digest() == digest)
        #expect(reader.digest() == .none)
        #expect(!reader.failed && reader.isAtEnd)
        // Fifteen bytes are no digest.
        var short = RecordReader(Array(writer.bytes.prefix(15)))
        _ = short.digest()
        #expect(short.failed)
    }

    @Test(arguments: [Int64(0), 1, 9, 10, 99, 1_000_000_007, -1, -42, Int64.max, Int64.min])
    func decimalsAreWhatSwiftWrites(_ value: Int64) {
        var bytes: [UInt8] = []
        StatStamp.decimal(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    @Test func aStampChangesWhenTheFileDoes() throws {
        let folder = try PerformanceFixtures.temporaryFolder("stamp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.md")
        try Data("one".utf8).write(to: file)
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        let first = InputListing.stamp(info)
        #expect(first.split(separator: " ").count == 4 && first.hasPrefix("3 "))
        try Data("three".utf8).write(to: file)
        #expect(stat(file.path, &info) == 0)
        #expect(InputListing.stamp(info) != first)
    }

    @Test func removedPathsOfTwoSortedLists() {
        #expect(Build.removed(from: ["a", "b", "c", "d"], keeping: ["b", "d", "e"]) == ["a", "c"])
        #expect(Build.removed(from: [], keeping: ["a"]) == [])
        #expect(Build.removed(from: ["a"], keeping: []) == ["a"])
        #expect(Build.removed(from: ["a", "b"], keeping: ["a", "b"]) == [])
    }

    /// Every stored field of the status types, as `StatusBytes` writes them:
    /// a field added to one of them must be written too (or a page showing it
    /// would keep its old key).
    static let statusFields: [String: Set<String>] = [
        "PlanStatus": ["lifecycle", "approval", "phases", "open", "supersededBy"],
        "ApprovalStatus": ["state", "signed", "required", "stale", "roles"],
        "RoleStatus": ["role", "name", "signature", "date", "required", "signed", "stale", "staleSince", "line"],
        "PhaseStatus": ["phase", "start", "overdue", "dueSoon", "daysLeft"],
        "ReviewStatus": ["open", "breaches", "supersededBy"],
    ]

    @Test func statusTypesStoreExactlyTheFieldsTheirBytesHold() {
        let role = RoleStatus(role: "r", name: "n", signature: "s", date: nil, required: true, signed: false, stale: false, line: nil)
        let approval = ApprovalStatus(state: .partial, signed: 1, required: 2, stale: false, roles: [role])
        let phase = PhaseStatus(phase: Phase(name: "p", deadline: nil, line: 1), start: nil, overdue: false, dueSoon: false, daysLeft: nil)
        let plan = PlanStatus(lifecycle: .draft, approval: approval, phases: [phase], open: true, supersededBy: nil)
        let review = ReviewStatus(open: true, breaches: [], supersededBy: nil)
        let held: [(String, Any)] = [("PlanStatus", plan), ("ApprovalStatus", approval), ("RoleStatus", role),
                                     ("PhaseStatus", phase), ("ReviewStatus", review)]
        for (name, value) in held {
            #expect(Set(Mirror(reflecting: value).children.compactMap(\.label)) == Self.statusFields[name], "\(name)")
        }
    }

    @Test func statusBytesTellEveryFieldApart() {
        let role = RoleStatus(role: "Plan Owner", name: "Ana", signature: "/s/", date: Day("2026-01-02"), required: true, signed: true,
                              stale: false, line: 40)
        let phase = PhaseStatus(phase: Phase(name: "Fix", deadline: Day("2026-03-01"), line: 30), start: Day("2026-01-01"),
                                overdue: false, dueSoon: true, daysLeft: 12)
        let base = PlanStatus(lifecycle: .inProgress, approval: ApprovalStatus(state: .approved, signed: 1, required: 1, stale: false, roles: [role]),
                              phases: [phase], open: true, supersededBy: nil)
        func bytes(_ plan: PlanStatus) -> [UInt8] { StatusBytes.of("RP-1", in: PortfolioStatus(today: Day("2026-01-10")!, plans: ["RP-1": plan])) }
        var variants: [PlanStatus] = []
        var changed = base; changed.lifecycle = .overdue; variants.append(changed)
        changed = base; changed.open = false; variants.append(changed)
        changed = base; changed.supersededBy = "RP-2"; variants.append(changed)
        changed = base; changed.approval.stale = true; variants.append(changed)
        changed = base; changed.approval.roles[0].date = Day("2026-01-03"); variants.append(changed)
        changed = base; changed.approval.roles[0].line = 41; variants.append(changed)
        changed = base; changed.phases[0].overdue = true; variants.append(changed)
        changed = base; changed.phases[0].daysLeft = 11; variants.append(changed)
        changed = base; changed.phases[0].phase.owner = "Bo"; variants.append(changed)
        let all = [bytes(base)] + variants.map(bytes)
        #expect(Set(all).count == all.count)
        #expect(bytes(base) == bytes(base))
        // No status at all, and a review's, differ from a plan's.
        let review = StatusBytes.of("FAF-1", in: PortfolioStatus(today: Day("2026-01-10")!, reviews: ["FAF-1": ReviewStatus(open: true, breaches: [0], supersededBy: nil)]))
        #expect(review != bytes(base) && StatusBytes.of("X", in: PortfolioStatus(today: Day("2026-01-10")!)) != review)
    }
}
