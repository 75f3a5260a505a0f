import Foundation

/// Reads the input folder: the only stage that reads documents from disk.
///
/// Walks the folder in sorted order, skips `README.md` notes and hidden
/// files, refuses symbolic links that lead outside the folder, reads only
/// regular files, and turns files that are too large or not UTF-8 into
/// diagnostics, so that the rest of the portfolio is still checked. SVGs
/// are read here too and handed to `SVGSanitizer`: the site publishes its
/// clean copy of each, never the file.
public enum InputLoader {
    public static let maxFileSize = 8 * 1024 * 1024

    /// Every file of the input folder, each read and checked.
    /// - Parameter input: the input folder as the user gave it; diagnostics name files under it.
    public static func load(input: String) throws(PlanfolioError) -> LoadedInput {
        let listing = try scan(input: input)
        // Reading and checking each file is independent: done on all cores, used in order.
        let documents = listing.entries.filter { $0.role == .document }
        let reads = ConcurrentMap.map(documents) { read($0, input: input) }
        let assets = listing.entries.filter { $0.role == .asset }
        var loaded = LoadedInput(files: [], assets: assets.map(\.path), diagnostics: listing.diagnostics)
        let svgs = assets.filter { ActiveContent.fileExtension($0.path) == "svg" }
        for (entry, outcome) in zip(svgs, ConcurrentMap.map(svgs) { readSVG($0) }) {
            switch outcome {
            case .published(let copy, let leftOut):
                loaded.svgs[entry.path] = .published(leftOut: leftOut)
                loaded.svgCopies[entry.path] = copy
            case .refused(let reason):
                loaded.svgs[entry.path] = .refused(reason)
            }
        }
        for read in reads {
            switch read {
            case .file(let file): loaded.files.append(file)
            case .problem(let diagnostic): loaded.diagnostics.append(diagnostic)
            }
        }
        return loaded
    }

    /// The input folder's files without reading them: each one's role and
    /// `stamp`, so that a build reads only the files that changed since
    /// the last (`BuildSession`).
    public static func scan(input: String) throws(PlanfolioError) -> InputListing {
        var info = stat()
        guard stat(input, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw PlanfolioError("input folder '\(input)' does not exist or is not a folder")
        }
        let rootReal = URL(fileURLWithPath: input).resolvingSymlinksInPath().path
        var listing = InputListing()
        var visited: Set<String> = [rootReal]
        try walk(directory: input, relative: "", rootReal: rootReal, display: input, listing: &listing, visited: &visited)
        listing.entries.sort { $0.path < $1.path }
        return listing
    }

    /// `last` brought up to date for the files at `changed` (absolute
    /// paths; those outside the input folder are passed over): each one
    /// stat-ed again, restamped, dropped when gone, added when new. What a
    /// full `scan` gives when nothing else changed, as a watcher guarantees
    /// (`InputChanges`). Nil when only a scan can say: a changed path that
    /// is a folder (there or gone), a symbolic link or no regular file, a
    /// new file in a folder the listing has no file in, the input folder
    /// itself, a listing that followed symbolic links or had problems, or
    /// more changes than a scan takes longer for.
    static func restamp(_ last: InputListing, changed: InputChanges, input: String) -> InputListing? {
        // Many changes at once (a checkout of another branch): one scan is cheaper than shifting the listing for each.
        guard last.diagnostics.isEmpty, !last.followedLinks, changed.paths.count <= max(64, last.entries.count / 16) else { return nil }
        let root = InputChanges.absolute(input)
        var listing = last
        for path in changed.paths.sorted() {
            guard path.hasPrefix(root + "/") else {
                if path == root || path.isEmpty { return nil }
                continue
            }
            let relative = String(path.dropFirst(root.count + 1))
            let components = relative.split(separator: "/", omittingEmptySubsequences: false)
            // A hidden name, or one in a hidden folder: the scan skips it.
            if isHidden(components) { continue }
            let absolute = PathText.join(input, relative)
            var info = stat()
            let exists = lstat(absolute, &info) == 0
            guard !exists || info.st_mode & S_IFMT == S_IFREG else { return nil }
            let position = listing.lowerBound(relative)
            if position < listing.entries.count && listing.entries[position].path == relative {
                if exists {
                    listing.entries[position].stamp = InputListing.stamp(info)
                } else {
                    listing.entries.remove(at: position)
                }
            } else if !exists {
                // Gone, and no file: a folder gone with files the listing has in it is the scan's to say.
                let under = listing.lowerBound(relative + "/")
                if under < listing.entries.count && listing.entries[under].path.hasPrefix(relative + "/") { return nil }
            } else {
                // New: listed where the scan would have walked, a folder some listed file is in.
                if components.count > 1 {
                    let folder = components.dropLast().joined(separator: "/") + "/"
                    let neighbour = listing.lowerBound(folder)
                    guard neighbour < listing.entries.count, listing.entries[neighbour].path.hasPrefix(folder) else { return nil }
                }
                listing.entries.insert(InputListing.Entry(path: relative, absolute: absolute, role: role(of: String(components.last ?? "")),
                                                          stamp: InputListing.stamp(info)),
                                       at: position)
            }
        }
        return listing
    }

    /// One document file of a listing, read with the loader's checks.
    public static func read(_ entry: InputListing.Entry, input: String) -> Loaded {
        let read = entry.contents.map(decode) ?? read(entry.absolute)
        return read.loaded(path: entry.path, display: displayPath(input: input, path: entry.path))
    }

    /// An SVG's clean copy, or why there is none; a file over the limit is not read.
    public static func readSVG(_ entry: InputListing.Entry) -> SVGSanitizer.Outcome {
        if let contents = entry.contents {
            return contents.count > SVGSanitizer.maxBytes ? .refused("it is larger than 8 MiB (\(contents.count) bytes)") : SVGSanitizer.sanitize(contents)
        }
        switch POSIXFile.readRegular(entry.absolute, limit: SVGSanitizer.maxBytes) {
        case .bytes(let bytes): return SVGSanitizer.sanitize(bytes)
        case .tooLarge(let size): return .refused("it is larger than 8 MiB (\(size) bytes)")
        case .failed: return .refused("it cannot be read")
        }
    }

    /// Whether the loader reads `path` (under the input folder) as a
    /// document: Markdown, not a `README.md` note, in no hidden folder.
    static func isDocumentPath(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.last, !isHidden(components) else { return false }
        return isMarkdown(String(name)) && name.lowercased() != "readme.md"
    }

    /// A path some part of which is hidden (or empty): the walk never reaches it.
    static func isHidden(_ components: [Substring]) -> Bool {
        components.contains { $0.isEmpty || $0.hasPrefix(".") }
    }

    /// What a regular file is to the build, by its name.
    static func role(of name: String) -> InputListing.Role {
        !isMarkdown(name) ? .asset : name.lowercased() == "readme.md" ? .note : .document
    }

    public enum Loaded: Sendable {
        case file(SourceFile)
        case problem(Diagnostic)
    }

    private enum FileRead: Sendable {
        case text(String)
        case tooLarge(Int)
        case unreadable
        case notUTF8

        func loaded(path: String, display: String) -> Loaded {
            switch self {
            case .tooLarge(let size):
                .problem(.error(.fileTooLarge, "file is larger than 8 MiB (\(size) bytes)", file: display, line: 1))
            case .unreadable:
                .problem(.error(.unreadableFile, "file cannot be read", file: display, line: 1))
            case .notUTF8:
                .problem(.error(.unreadableFile, "file is not valid UTF-8", file: display, line: 1))
            case .text(let text):
                .file(SourceFile(path: path, displayPath: display, text: text))
            }
        }
    }

    /// Plain POSIX calls (see `POSIXFile`): through Foundation, reading
    /// 20,000 documents was slow and serial.
    private static func read(_ path: String) -> FileRead {
        // Only a regular file: a FIFO put in the file's place since the walk is refused, never waited on.
        guard let (descriptor, size) = POSIXFile.openRegular(path) else { return .unreadable }
        defer { close(descriptor) }
        if size > maxFileSize { return .tooLarge(size) }
        switch POSIXFile.readToEnd(descriptor, expected: size, limit: maxFileSize) {
        case .failed: return .unreadable
        case .tooLarge(let read): return .tooLarge(read)
        case .bytes(let bytes): return decode(bytes)
        }
    }

    /// A document's bytes read elsewhere (a commit's blob), with the same checks.
    private static func decode(_ bytes: [UInt8]) -> FileRead {
        if bytes.count > maxFileSize { return .tooLarge(bytes.count) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .notUTF8 }
        return .text(text)
    }

    public static func displayPath(input: String, path: String) -> String {
        if input == "." || input.isEmpty { return path }
        return input.hasSuffix("/") ? input + path : input + "/" + path
    }

    static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// Walks one folder: sorted names, hidden ones skipped; a symbolic link
    /// is followed only when it stays inside the input folder, and a folder
    /// is entered once however many links lead to it. Only regular files
    /// and folders count: a FIFO, socket or device named like a document is
    /// never opened (reading a FIFO would wait forever).
    private static func walk(directory: String, relative: String, rootReal: String, display: String,
                             listing: inout InputListing, visited: inout Set<String>) throws(PlanfolioError) {
        guard let folder = opendir(directory) else {
            throw PlanfolioError("cannot read folder '\(directory)': \(String(cString: strerror(errno)))")
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = DirectoryEntry.name(of: entry)
            if !name.hasPrefix(".") { names.append(name) }
        }
        names.sort()
        for name in names {
            let absolute = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var target = absolute
            var info = stat()
            // Relative to the open folder: the kernel looks up one name, not every folder of the path again.
            guard fstatat(dirfd(folder), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK {
                let real = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
                guard real == rootReal || real.hasPrefix(rootReal + "/") else {
                    listing.diagnostics.append(.warning(.symlinkOutsideInput,
                        "symbolic link leads outside the input folder and is not followed",
                        file: displayPath(input: display, path: path), line: 1))
                    continue
                }
                target = real
                listing.followedLinks = true
                guard stat(target, &info) == 0 else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let real = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
                guard visited.insert(real).inserted else { continue }
                try walk(directory: target, relative: path, rootReal: rootReal, display: display, listing: &listing, visited: &visited)
            case S_IFREG:
                listing.entries.append(InputListing.Entry(path: path, absolute: target, role: role(of: name), stamp: InputListing.stamp(info)))
            default:
                // A FIFO, socket or device: opening one can block for ever or
                // read without end, so it is never opened. Only a file named
                // like a document is worth a word.
                if isDocumentPath(path) {
                    listing.diagnostics.append(.error(.unreadableFile,
                        "is not a regular file (a FIFO, socket or device) and is not read",
                        file: displayPath(input: display, path: path), line: 1))
                }
            }
        }
    }
}

/// What `InputLoader.scan` found in the input folder: every regular file
/// with its role and a stamp that changes whenever the file does.
public struct InputListing: Sendable {
    public enum Role: Sendable {
        /// A Markdown file that is a document.
        case document
        /// A `README.md`: a note about the folder, never read.
        case note
        /// Any other file: an image or evidence a document may link to.
        case asset
    }

    public struct Entry: Sendable {
        /// Path under the input folder, with `/` separators.
        public var path: String
        /// Where the file is read from (a symbolic link's target).
        public var absolute: String
        public var role: Role
        /// Size, inode, modification and change time: any write to the file
        /// changes its change time, which no tool can set back. For a
        /// commit's file (`--as-of`), `git:` and its blob id.
        public var stamp: String
        /// The file's bytes when the input is a commit's tree (`--as-of`),
        /// read from git's objects; nil for a file read from disk.
        public var contents: [UInt8]? = nil
    }

    /// Sorted by path.
    public var entries: [Entry] = []

    /// Some file or folder was reached through a symbolic link.
    public var followedLinks = false

    /// The first entry whose path is not before `path`.
    func lowerBound(_ path: String) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }
    /// Symbolic links that lead outside the input folder.
    public var diagnostics: [Diagnostic] = []

    static func stamp(_ info: stat) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        StatStamp.append(info, separator: UInt8(ascii: " "), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The files a watcher saw change since the last build on a session, when
/// every change was to the bytes of files already there (no file added,
/// removed or renamed, no folder changed): `serve` passes them so that a
/// rebuild restamps these instead of listing the whole input folder. A
/// watcher that cannot say so passes none (`BuildOptions.inputChanges` nil).
public struct InputChanges: Sendable, Equatable {
    /// Absolute paths, as the watcher reports them; paths outside the input folder are left alone.
    public var paths: Set<String>

    public init(paths: Set<String>) {
        self.paths = paths
    }

    /// `path` made absolute and standardized, without a trailing `/`: how watchers report paths.
    public static func absolute(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }
}
