/// SHA-1 (FIPS 180-4), for one purpose: the id git gives a file's bytes
/// (`blobID`), so a build can tell whether a document in the working tree
/// is the one the last commit holds without asking git about every file.
/// Not used for anything that needs a secure hash.
enum SHA1 {
    /// Git's id of a blob holding `bytes` ("blob SIZE\0" + bytes), in lowercase hex.
    static func blobID(_ bytes: [UInt8]) -> String {
        var state = State()
        state.update(Array("blob \(bytes.count)\0".utf8))
        state.update(bytes)
        return state.finish()
    }

    /// The SHA-1 of `bytes` in lowercase hex.
    static func hex(_ bytes: [UInt8]) -> String {
        var state = State()
        state.update(bytes)
        return state.finish()
    }

    private struct State {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var buffer: [UInt8] = []
        var length: UInt64 = 0

        mutating func update(_ bytes: [UInt8]) {
            length &+= UInt64(bytes.count)
            var offset = 0
            if !buffer.isEmpty {
                let take = min(64 - buffer.count, bytes.count)
                buffer += bytes[0..<take]
                offset = take
                if buffer.count == 64 {
                    let block = buffer
                    block.withUnsafeBufferPointer { compress($0.baseAddress!) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            bytes.withUnsafeBufferPointer { pointer in
                guard let base = pointer.baseAddress else { return }
                while offset + 64 <= bytes.count {
                    compress(base + offset)
                    offset += 64
                }
            }
            if offset < bytes.count { buffer += bytes[offset...] }
        }

        mutating func finish() -> String {
            var tail = buffer
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let bits = length &* 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            tail.withUnsafeBufferPointer { pointer in
                var offset = 0
                while offset < pointer.count {
                    compress(pointer.baseAddress! + offset)
                    offset += 64
                }
            }
            let digits: [UInt8] = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(40)
            for word in [h.0, h.1, h.2, h.3, h.4] {
                for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
            }
            return String(decoding: out, as: UTF8.self)
        }

        private mutating func compress(_ block: UnsafePointer<UInt8>) {
            var (a, b, c, d, e) = h
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
                for index in 0..<16 {
                    let at = block + index * 4
                    w[index] = UInt32(at[0]) << 24 | UInt32(at[1]) << 16 | UInt32(at[2]) << 8 | UInt32(at[3])
                }
                for t in 16..<80 {
                    let mixed = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
                    w[t] = mixed << 1 | mixed >> 31
                }
                @inline(__always) func round(_ f: UInt32, _ k: UInt32, _ word: UInt32) {
                    let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ word
                    e = d
                    d = c
                    c = b << 30 | b >> 2
                    b = a
                    a = temp
                }
                for t in 0..<20 { round((b & c) | (~b & d), 0x5A82_7999, w[t]) }
                for t in 20..<40 { round(b ^ c ^ d, 0x6ED9_EBA1, w[t]) }
                for t in 40..<60 { round((b & c) | (b & d) | (c & d), 0x8F1B_BCDC, w[t]) }
                for t in 60..<80 { round(b ^ c ^ d, 0xCA62_C1D6, w[t]) }
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
    }
}
