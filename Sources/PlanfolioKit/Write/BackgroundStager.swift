import Dispatch

/// Stages batches of files on a thread of its own while the caller renders
/// the next ones, so writing (mostly kernel time creating files) overlaps
/// rendering instead of following it.
///
/// At most `maxPending` batches wait at a time: rendering blocks rather than
/// pile up pages in memory when the disk is the slower side. After a failure
/// the remaining batches are dropped, the staging folder is removed, and
/// `finish` throws the first error.
public final class BackgroundStager: @unchecked Sendable {
    private let site: SiteStaging
    private let queue = DispatchQueue(label: "planfolio.stager")
    private let slots: DispatchSemaphore
    /// Only read and written on `queue`.
    private var failure: PlanfolioError?

    public init(_ site: SiteStaging, maxPending: Int = 2) {
        self.site = site
        self.slots = DispatchSemaphore(value: max(1, maxPending))
    }

    /// Queues `files` for staging; returns as soon as a slot is free.
    public func add(_ files: [OutputFile]) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            do throws(PlanfolioError) {
                try site.add(files)
            } catch {
                failure = error
            }
        }
    }

    /// Waits for every queued batch, then swaps the site in; throws the first failure instead.
    public func finish() throws(PlanfolioError) -> WriteResult {
        let failed: PlanfolioError? = queue.sync { failure }
        if let failed {
            site.abandon()
            throw failed
        }
        return try site.commit()
    }
}
