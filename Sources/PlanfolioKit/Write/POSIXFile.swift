import Foundation

/// The few file calls the Write stage needs, on plain POSIX descriptors:
/// no temporary files, no attribute copies, errors with the path and reason.
enum POSIXFile {
    static func makeDirectory(_ path: String) throws(PlanfolioError) {
        guard mkdir(path, 0o755) == 0 else { throw failure("cannot create folder", path) }
    }

    /// Best effort, Linux only: marks a folder as the top of a directory
    /// hierarchy (`chattr +T`, `FS_TOPDIR_FL`) for the ext2/3/4 Orlov
    /// allocator, which then spreads the folders made in it over block
    /// groups instead of keeping them near their parent. planfolio marks its
    /// work folder so each staging folder (and the site's files in it) lands
    /// away from the inodes of a site deleted moments ago: on an ext4 without
    /// a journal, every new file's inode search otherwise walks past each
    /// inode freed in the last minute (`recently_deleted`), which cost 7 s of
    /// kernel time at 20,000 documents (docs/performance.md). Only a
    /// placement hint: elsewhere, or when refused, nothing changes.
    static func hintTopDirectory(_ path: String) {
        #if os(Linux)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let getFlags: UInt = 0x8008_6601  // FS_IOC_GETFLAGS
        let setFlags: UInt = 0x4008_6602  // FS_IOC_SETFLAGS
        let topDirectory: Int32 = 0x0002_0000  // FS_TOPDIR_FL
        var flags: Int32 = 0
        guard ioctl(descriptor, getFlags, &flags) == 0, flags & topDirectory == 0 else { return }
        flags |= topDirectory
        _ = ioctl(descriptor, setFlags, &flags)
        #endif
    }

    /// Whether `path` carries the top-folder hint (tests); false where it cannot be read.
    static func hasTopDirectoryHint(_ path: String) -> Bool {
        #if os(Linux)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var flags: Int32 = 0
        return ioctl(descriptor, UInt(0x8008_6601), &flags) == 0 && flags & 0x0002_0000 != 0
        #else
        return false
        #endif
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
