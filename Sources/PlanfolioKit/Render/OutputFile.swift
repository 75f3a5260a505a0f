/// One file of the site: its path under the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: [UInt8]
    /// When set, the file is copied from this path on disk by the Write stage
    /// instead of written from `contents` (evidence files that documents link
    /// to, which may be large and are never changed).
    public var copyFrom: String?

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }

    public init(path: String, copyFrom: String) {
        self.path = path
        self.contents = []
        self.copyFrom = copyFrom
    }
}
