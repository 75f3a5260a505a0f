import Foundation

/// The few file calls Load and Write need, on plain POSIX descriptors: no
/// temporary files, no attribute copies (Foundation's `attributesOfItem`
/// opens /etc/passwd and /etc/group for every file it looks at), errors
/// with the path and reason.
enum POSIXFile {
    enum ReadResult: Equatable {
        case bytes([UInt8])
        /// More than the limit; at least this many bytes.
        case tooLarge(Int)
        case failed
    }

    /// Everything left to read from `descriptor`, at most `limit` bytes.
    /// `expected` (the size `fstat` gave) sizes the buffer; one byte more is
    /// asked for, so the end shows as a read of 0 without growing it.
    static func readToEnd(_ descriptor: Int32, expected: Int, limit: Int) -> ReadResult {
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0), limit) + 1)
        var offset = 0
        while true {
            if offset == bytes.count {
                // Longer than `expected` (it grew, or is a special file): read on, within the limit.
                guard offset <= limit else { return .tooLarge(offset) }
                bytes += [UInt8](repeating: 0, count: max(4096, bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failed }
            if count == 0 { break }
            offset += count
        }
        if offset > limit { return .tooLarge(offset) }
        bytes.removeSubrange(offset...)
        return .bytes(bytes)
    }

    /// A descriptor of `path` opened for reading, and its size, only when it
    /// is a regular file; nil otherwise. `O_NONBLOCK` keeps a FIFO (or a
    /// device) from holding the open: it is refused before a byte is read.
    static func openRegular(_ path: String) -> (descriptor: Int32, size: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        return (descriptor, Int(info.st_size))
    }

    /// The bytes of the regular file at `path`, at most `limit` of them;
    /// `.failed` when it cannot be opened or is not a regular file.
    static func readRegular(_ path: String, limit: Int) -> ReadResult {
        guard let (descriptor, size) = openRegular(path) else { return .failed }
        defer { close(descriptor) }
        if size > limit { return .tooLarge(size) }
        return readToEnd(descriptor, expected: size, limit: limit)
    }

    /// Feeds the regular file at `path` to `body` a megabyte at a time (so a
    /// file of any size is never held whole); false when it cannot be read.
    static func forEachChunk(of path: String, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard let (descriptor, _) = openRegular(path) else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return false }
            if count == 0 { return true }
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

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
        var flags: Int32 = 0
        guard ioctl(descriptor, FileFlags.get, &flags) == 0, flags & FileFlags.topDirectory == 0 else { return }
        flags |= FileFlags.topDirectory
        _ = ioctl(descriptor, FileFlags.set, &flags)
        #endif
    }

    /// Linux's `<linux/fs.h>`, which Swift does not import: the inode flags `ioctl`s and the top-folder flag.
    private enum FileFlags {
        static let get: UInt = 0x8008_6601  // FS_IOC_GETFLAGS
        static let set: UInt = 0x4008_6602  // FS_IOC_SETFLAGS
        static let topDirectory: Int32 = 0x0002_0000  // FS_TOPDIR_FL
    }

    /// Whether `path` carries the top-folder hint (tests); false where it cannot be read.
    static func hasTopDirectoryHint(_ path: String) -> Bool {
        #if os(Linux)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var flags: Int32 = 0
        return ioctl(descriptor, FileFlags.get, &flags) == 0 && flags & FileFlags.topDirectory != 0
        #else
        return false
        #endif
    }

    /// Writes `bytes` under a temporary name beside `path` and renames it
    /// over `path`, so a reader sees the old file or the whole new one; a
    /// build killed half way leaves only `path.PID.tmp` (`SessionStore`
    /// removes those of dead builds). False when it could not.
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        replace(path, with: [bytes])
    }

    /// Where `path` is written before it is renamed into place: `NAME.PID.tmp`, which
    /// no other process writes and a later one can tell is left over (`SessionStore`).
    static func temporaryPath(for path: String) -> String {
        path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    }

    /// `replace` with the bytes of `parts`, one after the other (none copied into one buffer).
    static func replace(_ path: String, with parts: [[UInt8]]) -> Bool {
        let temporary = temporaryPath(for: path)
        unlink(temporary)
        guard (try? writeNew(temporary, parts)) != nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// A descriptor of the folder at `path` (for the `*at` calls), or -1.
    static func openFolder(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// Creates `path` (which must not exist) holding exactly `bytes`.
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws(PlanfolioError) {
        try writeNew(path, [bytes])
    }

    /// Creates `path` (which must not exist) holding the bytes of `parts`, one after the other.
    static func writeNew(_ path: String, _ parts: [[UInt8]]) throws(PlanfolioError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", path) }
        defer { close(descriptor) }
        for bytes in parts where !writeAll(descriptor, bytes) { throw failure("cannot write", path) }
    }

    /// Writes all of `bytes` at the descriptor's offset; false on a failure.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// `count` bytes of the file from `offset`, or nil when it has fewer or cannot be read.
    static func readRange(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        var complete = true
        // Not zeroed first: every byte is read into (tens of megabytes for a session).
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            complete = done == count
            initialized = done
        }
        return complete ? bytes : nil
    }

    /// True when `path` is a regular file whose bytes are exactly `bytes`; false on any doubt.
    static func hasContents(_ path: String, equalTo bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        return readToEnd(descriptor, expected: bytes.count, limit: bytes.count) == .bytes(bytes)
    }

    private static func failure(_ what: String, _ path: String) -> PlanfolioError {
        PlanfolioError("\(what) '\(path)': \(String(cString: strerror(errno)))")
    }
}

/// An entry `readdir` returned, read without copying the whole `dirent`.
public enum DirectoryEntry {
    /// The name of a `readdir` entry.
    ///
    /// Read through the entry's address, up to its terminating NUL: the
    /// record `readdir` returns is only as long as its name needs
    /// (`d_reclen`), so copying the whole `dirent` (`entry.pointee`, with
    /// its 256-byte `d_name`) can read past the end of readdir's buffer,
    /// and at the end of a page that is a crash.
    public static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let start = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = start.assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: name, count: strlen(start.assumingMemoryBound(to: CChar.self))), as: UTF8.self)
    }

    /// The type of a `readdir` entry (`DT_REG`, `DT_DIR`, `DT_UNKNOWN`, ...),
    /// read alone for the reason `name(of:)` gives.
    public static func type(of entry: UnsafeMutablePointer<dirent>) -> UInt8 {
        (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_type)!).load(as: UInt8.self)
    }
}
