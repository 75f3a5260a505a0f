/// What `TableBudget` and `ReferenceBudget` share when they read a
/// document's bytes before cmark does, and the one way they take a
/// construct out of its reach.
enum BudgetScanning {
    /// Block-quote markers and indentation, which cmark takes off a line
    /// before it looks for a table row or a continued reference definition in it.
    static func isContainerPrefix(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ">")
    }

    /// `text` with a backslash before each of `offsets` (ascending): the
    /// character there is then text to cmark, so the construct it would
    /// have begun (a table's delimiter row, a definition's `[`) stays text,
    /// on the same lines.
    static func neutralised(_ text: String, at offsets: [Int]) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + offsets.count)
            var start = 0
            for offset in offsets {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<offset]))
                out.append(UInt8(ascii: "\\"))
                start = offset
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
