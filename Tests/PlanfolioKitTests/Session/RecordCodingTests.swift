import Foundation
import Testing
@testable import PlanfolioKit

/// `RecordWriter` / `RecordReader`: every value comes back as written, and
/// no input, however short or wrong, makes the reader trap.
@Suite struct RecordCodingTests {
    /// 0, ±1, the extremes, and every power of two with its neighbours.
    static let edgeInts: [Int] = {
        var values: [Int] = [0, 1, -1, 63, 64, -64, -65, 127, 128, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for shift in 0..<63 {
            let power = 1 << shift
            values += [power, power - 1, power + 1, -power, -power - 1, -power + 1]
        }
        return values
    }()

    static func roundTrip(_ write: (inout RecordWriter) -> Void) -> RecordReader {
        var writer = RecordWriter()
        write(&writer)
        return RecordReader(writer.bytes)
    }

    @Test func varintsRoundTripOverEdgeValues() {
        for value in Self.edgeInts {
            var reader = Self.roundTrip { $0.int(value) }
            let read = reader.int()
            #expect(read == value, "\(value) came back as \(read)")
            #expect(!reader.failed && reader.isAtEnd)
        }
    }

    @Test func varintsRoundTripInOneRun() {
        var writer = RecordWriter()
        for value in Self.edgeInts { writer.int(value) }
        var reader = RecordReader(writer.bytes)
        let read = Self.edgeInts.map { _ in reader.int() }
        #expect(read == Self.edgeInts)
        #expect(!reader.failed && reader.isAtEnd)
    }

    @Test func smallVarintsOfEitherSignTakeOneByte() {
        for value in -64...63 {
            var writer = RecordWriter()
            writer.int(value)
            #expect(writer.bytes.count == 1, "\(value)")
        }
        var writer = RecordWriter()
        writer.int(Int.min)
        #expect(writer.bytes.count == 10)
    }

    @Test func doublesKeepTheirBitPattern() {
        let signallingNaN = Double(bitPattern: 0x7FF0_0000_0000_0001)
        let payloadNaN = Double(bitPattern: 0xFFF8_0000_DEAD_BEEF)
        let values: [Double] = [0, -0.0, 1, -1, .pi, .infinity, -.infinity, .nan, signallingNaN, payloadNaN,
                                .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.leastNormalMagnitude, 0.1]
        for value in values {
            var reader = Self.roundTrip { $0.double(value) }
            let read = reader.double()
            #expect(read.bitPattern == value.bitPattern, "\(value) (\(String(value.bitPattern, radix: 16)))")
            #expect(!reader.failed && reader.isAtEnd)
        }
        // -0.0 and 0.0 are equal as numbers, not as bytes.
        var negative = RecordWriter(), positive = RecordWriter()
        negative.double(-0.0)
        positive.double(0.0)
        #expect(negative.bytes != positive.bytes)
        #expect(negative.bytes.count == 8)
    }

    @Test func stringsRoundTrip() {
        let values = ["", "a", "plain ASCII", "Zoë — “quoted” ✓ 日本語 🇪🇺", "nul\u{0}inside\u{0}", "\u{0}", "line\nbreak\r\n",
                      String(repeating: "x", count: 300)]
        var writer = RecordWriter()
        for value in values { writer.string(value) }
        var reader = RecordReader(writer.bytes)
        for value in values {
            let read = reader.string()
            #expect(read == value)
            #expect(read.utf8.elementsEqual(value.utf8))
        }
        #expect(!reader.failed && reader.isAtEnd)
    }

    @Test func rawBoolsOptionalsAndArraysRoundTrip() {
        var writer = RecordWriter()
        writer.raw([])
        writer.raw([0, 255, 128, 7])
        writer.bool(true)
        writer.bool(false)
        writer.optional(nil as Int?) { $0.int($1) }
        writer.optional(-42 as Int?) { $0.int($1) }
        writer.optional("" as String?) { $0.string($1) }
        writer.array([] as [String]) { $0.string($1) }
        writer.array([[1, 2], [], [Int.min]]) { writer, inner in writer.array(inner) { $0.int($1) } }
        writer.array([nil, "b"] as [String?]) { writer, item in writer.optional(item) { $0.string($1) } }
        var reader = RecordReader(writer.bytes)
        #expect(reader.raw() == [])
        #expect(reader.raw() == [0, 255, 128, 7])
        #expect(reader.bool() == true)
        #expect(reader.bool() == false)
        #expect(reader.optional { $0.int() } == nil)
        #expect(reader.optional { $0.int() } == -42)
        #expect(reader.optional { $0.string() } == "")
        #expect(reader.array { $0.string() } == [])
        #expect(reader.array { reader in reader.array { $0.int() } } == [[1, 2], [], [Int.min]])
        #expect(reader.array { reader in reader.optional { $0.string() } } == [nil, "b"])
        #expect(!reader.failed && reader.isAtEnd)
    }

    @Test func enumerationsRoundTripAndUnknownValuesFail() {
        var writer = RecordWriter()
        writer.string(DocumentKind.investigation.rawValue)
        writer.string("memo")
        var reader = RecordReader(writer.bytes)
        #expect(reader.enumeration(DocumentKind.self) == .investigation)
        #expect(!reader.failed)
        #expect(reader.enumeration(DocumentKind.self) == nil)
        #expect(reader.failed)
    }

    @Test func badTagsFail() {
        var bool = RecordReader([2])
        _ = bool.bool()
        #expect(bool.failed)
        var optional = RecordReader([7, 0])
        #expect(optional.optional { $0.int() } == nil)
        #expect(optional.failed)
    }

    @Test func aVarintLongerThanTenBytesFails() {
        var reader = RecordReader(Array(repeating: 0xFF, count: 11) + [0])
        #expect(reader.int() == 0)
        #expect(reader.failed)
    }

    @Test func countRefusesMoreThanIsLeft() {
        // Three bytes follow the count: 3 is allowed, 4 is not.
        var writer = RecordWriter()
        writer.int(3)
        var fits = RecordReader(writer.bytes + [1, 2, 3])
        #expect(fits.count() == 3)
        #expect(!fits.failed)

        var writer4 = RecordWriter()
        writer4.int(4)
        var tooMany = RecordReader(writer4.bytes + [1, 2, 3])
        #expect(tooMany.count() == 0)
        #expect(tooMany.failed)

        for claimed in [-1, Int.min, Int.max, 1 << 40] {
            var bad = RecordWriter()
            bad.int(claimed)
            var reader = RecordReader(bad.bytes + [0, 0])
            #expect(reader.count() == 0, "\(claimed)")
            #expect(reader.failed, "\(claimed)")
        }
    }

    @Test func hugeCountsDoNotAllocateOrTrap() {
        // An array, string or raw that claims more elements than there are bytes fails at once.
        for read in [{ (reader: inout RecordReader) in _ = reader.array { $0.int() } },
                     { (reader: inout RecordReader) in _ = reader.string() },
                     { (reader: inout RecordReader) in _ = reader.raw() }] {
            var writer = RecordWriter()
            writer.int(Int.max)
            var reader = RecordReader(writer.bytes + [1, 1, 1])
            read(&reader)
            #expect(reader.failed)
        }
    }

    /// A run of every kind of value, cut at every length and overwritten at
    /// every byte: the reader never traps, and a cut run always fails.
    @Test func truncatedAndCorruptedInputNeverTraps() {
        var writer = RecordWriter()
        writer.string("héllo\u{0}")
        writer.int(Int.min)
        writer.double(-.nan)
        writer.optional("x" as String?) { $0.string($1) }
        writer.array([1, -300, 70_000]) { $0.int($1) }
        writer.raw([9, 8, 7])
        writer.bool(true)
        writer.string(DocumentKind.plan.rawValue)
        let bytes = writer.bytes
        func readAll(_ reader: inout RecordReader) {
            _ = reader.string()
            _ = reader.int()
            _ = reader.double()
            _ = reader.optional { $0.string() }
            _ = reader.array { $0.int() }
            _ = reader.raw()
            _ = reader.bool()
            _ = reader.enumeration(DocumentKind.self)
        }
        var whole = RecordReader(bytes)
        readAll(&whole)
        #expect(!whole.failed && whole.isAtEnd)
        for length in 0..<bytes.count {
            var reader = RecordReader(Array(bytes.prefix(length)))
            readAll(&reader)
            #expect(reader.failed, "cut at \(length)")
            // A window that ends early (`to:`) behaves like a cut.
            var window = RecordReader(bytes, to: length)
            readAll(&window)
            #expect(window.failed, "window to \(length)")
        }
        for index in bytes.indices {
            for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF] {
                var corrupted = bytes
                corrupted[index] = value
                var reader = RecordReader(corrupted)
                readAll(&reader)
                _ = reader.failed
            }
        }
    }

    @Test func readsAfterAFailureKeepFailingQuietly() {
        var reader = RecordReader([])
        #expect(reader.byte() == 0)
        #expect(reader.failed)
        #expect(reader.string() == "")
        #expect(reader.raw() == [])
        #expect(reader.double() == 0)
        #expect(reader.array { $0.int() } == [])
        #expect(reader.failed && reader.isAtEnd)
    }

    @Test func aStartOutsideTheBytesFailsWithoutTrapping() {
        for start in [-1, -8, Int.min / 2, 5, 100] {
            var reader = RecordReader([1, 2, 3, 4], from: start)
            #expect(reader.failed, "\(start)")
            _ = reader.byte()
            _ = reader.double()
            _ = reader.string()
            _ = reader.raw()
            #expect(reader.failed, "\(start)")
        }
    }

    @Test func sameValuesGiveTheSameBytes() {
        func write() -> [UInt8] {
            var writer = RecordWriter()
            writer.string("ü")
            writer.int(-12_345)
            writer.double(2.5)
            writer.array(["a", "b"]) { $0.string($1) }
            return writer.bytes
        }
        #expect(write() == write())
        #expect(!write().isEmpty)
    }
}
