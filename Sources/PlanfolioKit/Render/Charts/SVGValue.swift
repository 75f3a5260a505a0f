/// An SVG attribute value: text, or a number written the same way on every
/// machine, or one of the two composite values the charts repeat (a
/// pattern fill, a diamond's path) that `SVGWriter` writes without making a
/// `String` first.
enum SVGValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    case string(String)
    /// Text written in the code (a colour, a class): escaped like `string`, never copied into a `String`.
    case literal(StaticString)
    case number(Double)
    /// `url(#PREFIX-NAME)`: one of the patterns `ChartStyle.definitions` made with that prefix.
    case pattern(prefix: String, name: ChartPattern)
    /// The path of a diamond of radius `r` around (`x`, `y`): `M x y-r L x+r y L x y+r L x-r y Z`, letters unspaced.
    case diamond(x: Double, y: Double, r: Double)

    init(stringLiteral value: StaticString) { self = .literal(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }

    /// `value` appended to `out` with at most one decimal, no exponent, no
    /// "-0": stable output for byte-identical builds.
    static func append(_ value: Double, to out: inout ByteBuffer) {
        out.write(atMost: DecimalText.maximumLength) { DecimalText.write(scaled: tenths(value), decimals: 1, into: $0) }
    }

    /// `value` in tenths, rounded half away from zero; 0 for NaN and
    /// infinities, and held within ±10^15 so that no coordinate a document's
    /// numbers lead to can overflow `Int`.
    private static func tenths(_ value: Double) -> Int {
        value.isFinite ? Int(min(max((value * 10).rounded(), -1e15), 1e15)) : 0
    }

    /// `M x y-r L x+r y L x y+r L x-r y Z` without spaces around the letters, appended to `out`.
    static func appendDiamond(x: Double, y: Double, r: Double, to out: inout ByteBuffer) {
        out.append(UInt8(ascii: "M"))
        append(x, to: &out)
        out.append(UInt8(ascii: " "))
        append(y - r, to: &out)
        out.append(UInt8(ascii: "L"))
        append(x + r, to: &out)
        out.append(UInt8(ascii: " "))
        append(y, to: &out)
        out.append(UInt8(ascii: "L"))
        append(x, to: &out)
        out.append(UInt8(ascii: " "))
        append(y + r, to: &out)
        out.append(UInt8(ascii: "L"))
        append(x - r, to: &out)
        out.append(UInt8(ascii: " "))
        append(y, to: &out)
        out.append(UInt8(ascii: "Z"))
    }
}

extension SVGValue {
    static func n(_ value: Double) -> SVGValue { .number(value) }
    static func n(_ value: Int) -> SVGValue { .number(Double(value)) }
}
