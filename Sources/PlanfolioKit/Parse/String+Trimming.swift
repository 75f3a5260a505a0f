/// Trimming in plain Swift for the Parse stage's per-cell and per-line work.
///
/// Foundation's `trimmingCharacters(in:)` goes through NSString on Linux and
/// was most of the plan template reader's time; these do the same for the
/// whitespace the reader trims, without leaving the standard library.
extension StringProtocol {
    /// Without leading and trailing whitespace (spaces, tabs, line ends).
    var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
