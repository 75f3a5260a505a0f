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
    /// Set on `queue` by the first job.
    private var site: SiteStaging?
    private let queue = DispatchQueue(label: "planfolio.stager")
    private let slots: DispatchSemaphore
    /// Only read and written on `queue`.
    private var failure: PlanfolioError?

    public init(_ site: SiteStaging, maxPending: Int = 2) {
        self.site = site
        self.slots = DispatchSemaphore(value: max(1, maxPending))
    }

    /// The staging folder is made by `opening` on the stager's thread,
    /// while the caller renders the first files.
    public init(maxPending: Int = 2, opening: @escaping @Sendable () throws(PlanfolioError) -> SiteStaging) {
        self.slots = DispatchSemaphore(value: max(1, maxPending))
        queue.async { [self] in
            do throws(PlanfolioError) {
                site = try opening()
            } catch {
                failure = error
            }
        }
    }

    /// A stager whose staging folder starts as the current site in
    /// `output`: the spare brought up to date, or else every file linked.
    public static func startFromCurrentSite(output: String) -> BackgroundStager {
        BackgroundStager { () throws(PlanfolioError) -> SiteStaging in
            let staging = try SiteStaging.open(output: output, reusingSpare: true)
            if !staging.reusedSpare {
                do throws(PlanfolioError) { try staging.linkPrevious() } catch {
                    staging.abandon()
                    throw error
                }
            }
            return staging
        }
    }

    /// For a stager from `startFromCurrentSite` whose build wrote nothing
    /// (errors, or no file changed): its staging folder, a copy of the
    /// current site, is kept as the spare for the next build, and the
    /// output's `OutputStamp.entries` are returned, since linking its files
    /// changed their change times (see `SiteStaging.outputEntries` for
    /// `previousEntries`). nil, and nothing done, once `finish` ran.
    public func keepUnusedAsSpare(previousEntries: [String]?) -> [String]? {
        queue.sync {
            guard let site, site.keepAsSpare() else { return nil }
            return site.outputEntries(previousEntries: previousEntries)
        }
    }

    /// Throws the staging folder away once the jobs before this call are
    /// done (a whole new site is staged instead); the output is left as it was.
    public func abandon() {
        queue.sync { site?.abandon() }
    }

    /// Queues `files` for staging; returns as soon as a slot is free.
    public func add(_ files: [OutputFile]) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil, let site else { return }
            do throws(PlanfolioError) {
                try site.add(files)
            } catch {
                failure = error
            }
        }
    }

    /// Waits for every queued batch, then swaps the site in; throws the first failure instead.
    public func finish() throws(PlanfolioError) -> WriteResult {
        try finish(removing: [], keepingSpare: false).result
    }

    /// Waits for every queued batch, removes `removing` (paths of the
    /// current site the new one no longer has, for a site staged from the
    /// current one), swaps the site in and stamps the output; throws the
    /// first failure instead. `keepingSpare`: see `SiteStaging.commit`;
    /// `linkingSpare`: see `SiteStaging.keepLinkedSpare`;
    /// `previousEntries`: see `SiteStaging.outputEntries`.
    public func finish(removing: [String], keepingSpare: Bool, linkingSpare: Bool = false, previousEntries: [String]? = nil)
        throws(PlanfolioError) -> (result: WriteResult, entries: [String]?, changed: [String]) {
        let (failed, site): (PlanfolioError?, SiteStaging?) = queue.sync { (failure, self.site) }
        guard let site else { throw failed ?? PlanfolioError("the staging folder was not made") }
        if let failed {
            site.abandon()
            throw failed
        }
        try site.remove(removing)
        let result = try site.commit(keepingSpare: keepingSpare)
        site.recordSpare()
        if linkingSpare { site.keepLinkedSpare() }
        return (result, site.outputEntries(previousEntries: previousEntries), site.writtenPaths)
    }
}
