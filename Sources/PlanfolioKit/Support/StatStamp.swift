#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size, inode, modification and change time as text, written
/// digit by digit: every build writes one for each file of the input and
/// of the site (40,000 at 20,000 documents), and string interpolation of
/// the six numbers cost more than the system calls that read them.
enum StatStamp {
    /// `size ino mtime ctime` with `separator` between the fields, times as `seconds.nanoseconds`.
    static func append(_ info: stat, separator: UInt8, to bytes: inout [UInt8]) {
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        decimal(Int64(info.st_size), to: &bytes)
        bytes.append(separator)
        decimal(Int64(truncatingIfNeeded: info.st_ino), to: &bytes)
        bytes.append(separator)
        decimal(Int64(modified.tv_sec), to: &bytes)
        bytes.append(UInt8(ascii: "."))
        decimal(Int64(modified.tv_nsec), to: &bytes)
        bytes.append(separator)
        decimal(Int64(changed.tv_sec), to: &bytes)
        bytes.append(UInt8(ascii: "."))
        decimal(Int64(changed.tv_nsec), to: &bytes)
    }

    /// `value` in decimal, with a `-` when negative.
    static func decimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            let slots = buffer.bindMemory(to: UInt64.self)
            repeat {
                slots[count] = rest % 10
                rest /= 10
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(UInt8(ascii: "0") + UInt8(slots[index])) }
        }
    }
}
