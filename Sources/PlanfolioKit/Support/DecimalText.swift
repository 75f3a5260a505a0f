/// Numbers as text, digit by digit: the one digit writer, for the charts'
/// coordinates (one decimal) and metric values (three decimals), JSON's
/// integers and `Day.description`'s zero-padded parts.
///
/// The charts write a few hundred numbers each; `String(Int)` and
/// interpolation cost hundreds of instructions a number, these a few dozen,
/// and a result of at most 15 bytes is a small `String` (no allocation).
/// The rules are those the charts always used: `scaled / 10^decimals`,
/// trailing zeros of the fraction dropped (and the point with them), "-"
/// only before a number that is not zero. `DecimalTextTests` pins them
/// against the interpolating versions they replace.
enum DecimalText {
    /// The longest text: a sign, 19 digits, a point.
    static let maximumLength = 21

    /// `scaled / 10^decimals` as text: `(1250, 3)` is `1.25`, `(-40, 1)` is `-4`.
    static func string(scaled: Int, decimals: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            let count = write(scaled: scaled, decimals: decimals, into: buffer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// Writes the text at the start of `buffer` (at least `maximumLength`
    /// bytes) and returns its length. `decimals` is 0...18.
    static func write(scaled: Int, decimals: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var divisor: UInt = 1
        for _ in 0..<decimals { divisor *= 10 }
        let magnitude = scaled.magnitude
        var count = 0
        if scaled < 0 {
            buffer[0] = UInt8(ascii: "-")
            count = 1
        }
        count += writeDigits(magnitude / divisor, width: 1, into: buffer, at: count)
        var fraction = magnitude % divisor
        var width = decimals
        while width > 0 && fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        if width > 0 {
            buffer[count] = UInt8(ascii: ".")
            count += 1
            count += writeDigits(fraction, width: width, into: buffer, at: count)
        }
        return count
    }

    /// `value`'s decimal digits, zero-padded on the left to at least `width`,
    /// at `index` of `buffer` (room for them is the caller's); returns how many.
    static func writeDigits(_ value: UInt, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        length = max(length, width)
        var position = index + length
        rest = value
        repeat {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while position > index
        return length
    }
}
