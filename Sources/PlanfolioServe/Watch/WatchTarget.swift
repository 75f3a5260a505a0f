/// Something `planfolio serve` watches: a folder and everything under it
/// (the input, the theme), or one file (`planfolio.yml`).
///
/// Either may be missing when the watch starts or vanish later; each is
/// also watched from its parent folder by name, so it is picked up again
/// when it comes (back).
public struct WatchTarget: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case tree
        case file
    }

    /// Absolute and without `.` or `..` parts, so reported paths start with it.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = WatchPath.absolute(path)
        self.kind = kind
    }

    public static func tree(_ path: String) -> WatchTarget { WatchTarget(path: path, kind: .tree) }
    public static func file(_ path: String) -> WatchTarget { WatchTarget(path: path, kind: .file) }

    var parent: String { WatchPath.parent(of: path) }
    var name: String { WatchPath.name(of: path) }
}
