import Foundation

/// Gathers the paths a watch backend reports and hands them out in bursts:
/// a burst ends when nothing has been reported for `quiet` (an editor's
/// save is several events within a few milliseconds), or for `settle` when
/// the last report was the end of a save (a file closed after writing, or
/// renamed into place), or `longest` after it began, so a file written
/// without pause still gets built.
final class ChangeBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: Set<String> = []
    /// Some change of the burst was to a folder (or events were lost).
    private var structural = false
    /// `addQuietly`'s paths since the last burst.
    private var passengers: Set<String> = []
    private var firstAt: ContinuousClock.Instant?
    private var lastAt: ContinuousClock.Instant?
    private var lastSettled = false
    private var stopped = false
    private let clock = ContinuousClock()
    let quiet: Duration
    let settle: Duration
    let longest: Duration

    init(quiet: Duration, settle: Duration? = nil, longest: Duration) {
        self.quiet = quiet
        self.settle = min(settle ?? quiet, quiet)
        self.longest = longest
    }

    /// `settled`: the last of these paths was written completely (closed after writing, or renamed into place).
    /// `structural`: some of them are folders that came, went or moved, or events were lost.
    func add(_ paths: some Sequence<String>, settled: Bool = false, structural: Bool = false) {
        condition.lock()
        defer { condition.unlock() }
        if structural { self.structural = true }
        var added = false
        for path in paths {
            pending.insert(path)
            added = true
        }
        guard added else { return }
        let now = clock.now
        if firstAt == nil { firstAt = now }
        lastAt = now
        lastSettled = settled
        condition.broadcast()
    }

    /// Paths that go with the next burst but start none (files the watcher
    /// passes over, which a listing must still see come and go).
    func addQuietly(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        condition.lock()
        passengers.formUnion(paths)
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next burst of changed paths once it is over; nil when `timeout`
    /// passes first or the watch is stopped.
    func next(timeout: Duration?) -> Set<String>? {
        nextBurst(timeout: timeout)?.paths
    }

    /// `next`, with whether the burst was structural (`FileWatcher.Burst`).
    func nextBurst(timeout: Duration?) -> FileWatcher.Burst? {
        let deadline = timeout.map { clock.now + $0 }
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            let now = clock.now
            if let firstAt, let lastAt {
                let due = min(lastAt + (lastSettled ? settle : quiet), firstAt + longest)
                if now >= due {
                    let burst = FileWatcher.Burst(paths: pending, structural: structural, quiet: passengers.subtracting(pending))
                    pending = []
                    passengers = []
                    structural = false
                    self.firstAt = nil
                    self.lastAt = nil
                    return burst
                }
                if let deadline, deadline <= now { return nil }
                wait(until: deadline.map { min($0, due) } ?? due, now: now)
            } else {
                if let deadline {
                    if deadline <= now { return nil }
                    wait(until: deadline, now: now)
                } else {
                    condition.wait()
                }
            }
        }
        return nil
    }

    private func wait(until instant: ContinuousClock.Instant, now: ContinuousClock.Instant) {
        let left = now.duration(to: instant)
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        _ = condition.wait(until: Date(timeIntervalSinceNow: max(0, seconds)))
    }
}
