/// A failure of the environment rather than of the documents: a folder that
/// cannot be read or written, a bad option. The command line maps it to exit 2.
public struct PlanfolioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
