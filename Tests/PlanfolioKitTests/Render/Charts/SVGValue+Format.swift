@testable import PlanfolioKit

extension SVGValue {
    /// The text `append` writes for `value`, as a `String` for the tests to
    /// compare (planfolio itself only ever appends numbers to a chart's buffer).
    static func format(_ value: Double) -> String {
        var buffer = ByteBuffer(capacity: DecimalText.maximumLength)
        append(value, to: &buffer)
        return String(decoding: buffer.array, as: UTF8.self)
    }
}
