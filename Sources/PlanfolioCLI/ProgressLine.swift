import Foundation
import PlanfolioKit

/// A one-line progress display on standard error, for builds long enough to
/// need one, and only when standard error is a terminal: redirected output
/// and CI logs stay quiet.
///
/// It appears after `delay` seconds, redraws at most every 0.1 s, and is
/// erased before the diagnostics and the summary are printed.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let start = ContinuousClock.now
    private let delay: Duration
    private var lastDrawn: ContinuousClock.Instant?
    private var shown = false

    init(enabled: Bool, delay: Duration = .milliseconds(500)) {
        self.enabled = enabled
        self.delay = delay
    }

    /// On when standard error is a terminal that understands `\r` and erase-line.
    static func forStandardError() -> ProgressLine {
        let terminal = isatty(FileHandle.standardError.fileDescriptor) == 1
        let dumb = ProcessInfo.processInfo.environment["TERM"] == "dumb"
        return ProgressLine(enabled: terminal && !dumb)
    }

    func update(_ progress: BuildProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - start >= delay else { return }
        let final = progress.total > 0 && progress.done == progress.total
        if let lastDrawn, now - lastDrawn < .milliseconds(100), !final { return }
        lastDrawn = now
        shown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.text(progress)).utf8))
    }

    /// Erases the line if anything was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        shown = false
    }

    static func text(_ progress: BuildProgress) -> String {
        switch progress.stage {
        case .reading: "planfolio: reading documents…"
        case .checking: "planfolio: checking \(progress.total) documents…"
        case .history: "planfolio: reading the git history…"
        case .rendering: "planfolio: rendering and writing \(progress.done)/\(progress.total) pages"
        case .writing: "planfolio: putting the new site in place…"
        }
    }
}
