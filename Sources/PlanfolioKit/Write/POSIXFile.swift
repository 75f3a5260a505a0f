import Foundation

/// The few file calls the Write stage needs, on plain POSIX descriptors:
/// no temporary files, no attribute copies, errors with the path and reason.
enum POSIXFile {
    static func makeDirectory(_ path: String) throws(PlanfolioError) {
        guard mkdir(path, 0o755) == 0 else { throw failure("cannot create folder", path) }
    }

    /// Creates `path` (which must not exist) holding exactly `bytes`.
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws(PlanfolioError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write", path)
            }
            offset += count
        }
    }

    /// True when `path` is a regular file whose bytes are exactly `bytes`; false on any doubt.
    static func hasContents(_ path: String, equalTo bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < existing.count {
            let count = existing.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return existing == bytes
    }

    private static func failure(_ what: String, _ path: String) -> PlanfolioError {
        PlanfolioError("\(what) '\(path)': \(String(cString: strerror(errno)))")
    }
}
