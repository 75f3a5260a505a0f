import Foundation
import PlanfolioKit

/// With `PLANFOLIO_TIMINGS=1`, prints how long each stage of the build took,
/// from the progress events the library reports: the clock stays in the CLI.
final class StageTimer: @unchecked Sendable {
    private let lock = NSLock()
    private let clock = ContinuousClock()
    private var current: (stage: BuildProgress.Stage, since: ContinuousClock.Instant)?
    private var lines: [String] = []
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    static func fromEnvironment() -> StageTimer {
        StageTimer(enabled: ProcessInfo.processInfo.environment["PLANFOLIO_TIMINGS"] == "1")
    }

    func update(_ progress: BuildProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if current?.stage == progress.stage { return }
        close()
        current = (progress.stage, clock.now)
    }

    /// The finished report, one `planfolio: timing: STAGE N.NN s` line per stage.
    func finish() -> String {
        guard enabled else { return "" }
        lock.lock()
        defer { lock.unlock() }
        close()
        return lines.map { $0 + "\n" }.joined()
    }

    private func close() {
        guard let current else { return }
        let elapsed = clock.now - current.since
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        lines.append("planfolio: timing: \(current.stage.rawValue) \(BuildSummary.formatSeconds(seconds)) s")
        self.current = nil
    }
}
