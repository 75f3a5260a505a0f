import Testing
@testable import PlanfolioKit

/// `ByteBuffer` grows past its capacity and keeps every byte in order.
@Suite struct ByteBufferTests {
    @Test func growsAndKeepsBytesInOrder() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<200 {
            let byte = UInt8(truncatingIfNeeded: round)
            buffer.append(byte)
            expected.append(byte)
            // Pieces of 0 to 39 bytes, past the capacity again and again.
            let piece = (0..<(round % 40)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            piece.withUnsafeBufferPointer { buffer.append($0) }
            expected += piece
            buffer.append(repeating: 0x20, count: round % 5)
            expected += [UInt8](repeating: 0x20, count: round % 5)
        }
        buffer.append([1, 2, 3])
        expected += [1, 2, 3]
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
    }

    @Test func emptyPiecesAddNothing() {
        var buffer = ByteBuffer(capacity: 0)
        buffer.append([])
        buffer.append(repeating: 0x41, count: 0)
        buffer.append(UnsafeBufferPointer<UInt8>(start: nil, count: 0))
        #expect(buffer.array.isEmpty)
    }
}
