import Foundation

/// For tests only: kills the process with SIGKILL at a named step of the
/// write, so a test can show that a build killed there leaves a whole site
/// (the last good one, or the new one complete) without racing a signal
/// against the build. The command line arms it from `PLANFOLIO_FAULT`
/// (docs/ci.md, "Fault injection"); unarmed, `reach` does nothing.
public enum FaultSeam {
    public enum Step: String, CaseIterable, Sendable {
        /// `SiteStaging.add` has staged one file: the staging folder holds part of the new site.
        case midStaging = "mid-staging"
        /// Every file is staged and the output is not yet swapped.
        case beforeSwap = "before-swap"
        /// The new site is in place; the old one is not yet removed and the session is not yet kept.
        case afterSwap = "after-swap"
    }

    private final class Armed: @unchecked Sendable {
        let lock = NSLock()
        var step: Step?
    }

    private static let armed = Armed()

    /// Arms the seam for `step` (nil disarms it). Called once, before the build starts.
    public static func arm(_ step: Step?) {
        armed.lock.withLock { armed.step = step }
    }

    /// Kills the process here when the seam is armed for `step`.
    static func reach(_ step: Step) {
        if armed.lock.withLock({ armed.step }) == step { raise(SIGKILL) }
    }
}
