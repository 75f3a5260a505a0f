/// What the Write stage did: how many files it wrote and how many it kept.
public struct WriteResult: Sendable, Equatable {
    /// Files whose bytes were new or changed, written fresh.
    public var written = 0
    /// Files identical to the previous site's, hard-linked from it (same inode and modification time).
    public var unchanged = 0

    public init(written: Int = 0, unchanged: Int = 0) {
        self.written = written
        self.unchanged = unchanged
    }
}
