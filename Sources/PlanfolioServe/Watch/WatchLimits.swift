/// Bounds on what one watch walks, so a folder tree with a link cycle or a
/// huge checkout cannot make the watcher loop or exhaust the kernel's watches.
enum WatchLimits {
    /// Folders deeper than this under a target are not watched.
    static let depth = 64
    /// Folders watched in all; past it the watcher falls back to polling.
    static let folders = 100_000
}
