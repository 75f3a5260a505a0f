import PlanfolioKit

/// Where a watch backend reports to (`InotifyBackend`, `PollingBackend`).
protocol WatchBackend: AnyObject, Sendable {
    /// How it watches, for the start-up line.
    var name: String { get }
    /// Stops watching; returns once its thread has ended.
    func stop()
}

/// Watches what `planfolio serve` builds from and hands out each burst of
/// changes once it is over: inotify on Linux, polling elsewhere or when
/// inotify cannot watch everything.
///
/// Paths are reported absolute; `""` stands for "something changed"
/// (inotify's queue overflowed). Editors' swap and backup files, hidden
/// names and `excluded` folders (serve's own output) are never reported.
public final class FileWatcher: Sendable {
    public enum Backend: Sendable {
        /// inotify where there is one, else polling every 250 ms.
        case automatic
        case polling(interval: Duration)
    }

    private let buffer: ChangeBuffer
    private let backend: any WatchBackend
    /// Why inotify was not used, when `Backend.automatic` fell back to polling.
    public let fallbackReason: String?

    /// `quiet`: how long a burst must be still before it is handed out;
    /// `settle`: the same after the end of a save (a file closed after
    /// writing or renamed into place, which only inotify tells).
    public init(targets: [WatchTarget], excluding excluded: [String] = [], quiet: Duration = .milliseconds(50),
                settle: Duration = .milliseconds(10), backend: Backend = .automatic) {
        let buffer = ChangeBuffer(quiet: quiet, settle: settle, longest: max(quiet * 10, .milliseconds(500)))
        self.buffer = buffer
        let excluded = excluded.map(WatchPath.absolute)
        var reason: String?
        switch backend {
        case .polling(let interval):
            self.backend = PollingBackend(targets: targets, excluded: excluded, interval: interval, buffer: buffer)
        case .automatic:
            #if canImport(Glibc)
            do {
                self.backend = try InotifyBackend(targets: targets, excluded: excluded, buffer: buffer)
            } catch {
                reason = "\(error)"
                self.backend = PollingBackend(targets: targets, excluded: excluded, interval: .milliseconds(250), buffer: buffer)
            }
            #else
            self.backend = PollingBackend(targets: targets, excluded: excluded, interval: .milliseconds(250), buffer: buffer)
            #endif
        }
        fallbackReason = reason
    }

    /// How the watch works: `inotify` or `polling every …`.
    public var method: String { backend.name }

    /// One burst of changes.
    public struct Burst: Sendable, Equatable {
        /// The files (and folders) that changed.
        public var paths: Set<String>
        /// A folder came, went or moved, or the watch cannot tell what
        /// changed (polling; inotify lost events): the input must be listed
        /// anew. False when every change was to files in known folders.
        public var structural: Bool
        /// Files the watcher passes over (editors' backups) that came or
        /// went since the last burst: no reason to rebuild, but a listing
        /// taken from `paths` must look at them too.
        public var quiet: Set<String> = []
    }

    /// The next burst of changed paths, once it is over; nil when `timeout`
    /// passes first or the watcher is stopped.
    public func next(timeout: Duration? = nil) -> Set<String>? {
        buffer.next(timeout: timeout)
    }

    /// `next`, with whether the burst was structural.
    public func nextBurst(timeout: Duration? = nil) -> Burst? {
        buffer.nextBurst(timeout: timeout)
    }

    /// Stops the watch and wakes a waiting `next` (which returns nil).
    public func stop() {
        backend.stop()
        buffer.stop()
    }
}
