import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file's bytes with plain `open`/`write`/`close`.
///
/// Foundation's `Data.write(to:)` on Linux calls `fsync` on every file,
/// and also reads extended attributes; with 20,000 pages that was most of a
/// build's wall time (docs/performance.md). The site is written into a
/// staging folder that is renamed into place only when complete, so a killed
/// build still never leaves a half-written site; what is given up is only
/// durability across a power cut, as with Hugo and every other generator.
enum FileBytes {
    static func write(_ bytes: [UInt8], to path: String) throws(PlanfolioError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", path) }
        var written = 0
        let failed: Bool = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                written += result
            }
            return false
        }
        let writeError = errno
        if close(descriptor) != 0 && !failed { throw failure("cannot write", path) }
        if failed {
            errno = writeError
            throw failure("cannot write", path)
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
        #else
        Darwin.write(descriptor, pointer, count)
        #endif
    }

    private static func failure(_ what: String, _ path: String) -> PlanfolioError {
        PlanfolioError("\(what) '\(path)': \(String(cString: strerror(errno)))")
    }
}
