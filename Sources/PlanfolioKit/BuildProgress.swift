/// How far a build has got, for the command line's progress line.
///
/// The library only says which stage it is in and how many items it has
/// done; it never looks at the clock or the terminal.
public struct BuildProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case reading, checking, history, rendering, writing
    }

    public var stage: Stage
    public var done: Int
    /// 0 when not known.
    public var total: Int

    public init(stage: Stage, done: Int, total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}
