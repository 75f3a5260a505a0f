/// Why a template does not parse, and where (1-based line and column of the tag).
struct MustacheParseError: Error, Sendable, Equatable {
    let message: String
    let line: Int
    let column: Int
    /// The template line the error is on, for the diagnostic.
    let lineText: String
}
