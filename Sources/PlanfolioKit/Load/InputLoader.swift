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

    /// - Parameter input: the input folder as the user gave it; diagnostics name files under it.
    public static func load(input: String) throws(PlanfolioError) -> LoadedInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlanfolioError("input folder '\(input)' does not exist or is not a folder")
        }
        let rootReal = URL(fileURLWithPath: input).resolvingSymlinksInPath().path
        var entries: [(path: String, absolute: String)] = []
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = [rootReal]
        try walk(directory: input, relative: "", rootReal: rootReal, display: input,
                 entries: &entries, diagnostics: &diagnostics, visited: &visited)
        entries.sort { $0.path < $1.path }

        // Reading and checking each file is independent: done on all cores, used in order.
        let reads = ConcurrentMap.map(entries) { entry -> EntryRead in
            let name = PathText.lastComponent(entry.path)
            if isMarkdown(name) { return name.lowercased() == "readme.md" ? .none : .document(read(entry.absolute)) }
            return ActiveContent.fileExtension(name) == "svg" ? .svg(readSVG(entry.absolute)) : .none
        }
        var loaded = LoadedInput(files: [])
        for (entry, read) in zip(entries, reads) {
            let name = PathText.lastComponent(entry.path)
            guard isMarkdown(name) else {
                loaded.assets.append(entry.path)
                switch read {
                case .svg(.published(let copy, let leftOut)):
                    loaded.svgs[entry.path] = .published(leftOut: leftOut)
                    loaded.svgCopies[entry.path] = copy
                case .svg(.refused(let reason)):
                    loaded.svgs[entry.path] = .refused(reason)
                default:
                    break
                }
                continue
            }
            guard case .document(let read) = read else { continue }  // README.md
            switch read.loaded(path: entry.path, display: displayPath(input: input, path: entry.path)) {
            case .file(let file): loaded.files.append(file)
            case .problem(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        loaded.diagnostics = diagnostics
        return loaded
    }

    private enum EntryRead {
        case document(FileRead)
        case svg(SVGSanitizer.Outcome)
        case none
    }

    /// An SVG's clean copy, or why there is none; a file over the limit is not read.
    private static func readSVG(_ path: String) -> SVGSanitizer.Outcome {
        switch POSIXFile.readRegular(path, limit: SVGSanitizer.maxBytes) {
        case .bytes(let bytes): SVGSanitizer.sanitize(bytes)
        case .tooLarge(let size): .refused("it is larger than 8 MiB (\(size) bytes)")
        case .failed: .refused("it cannot be read")
        }
    }

    /// Whether the loader reads `path` (under the input folder) as a
    /// document: Markdown, not a `README.md` note, in no hidden folder.
    static func isDocumentPath(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.last, !components.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) else { return false }
        return isMarkdown(String(name)) && name.lowercased() != "readme.md"
    }

    /// One document file read again with `load`'s checks, for a rebuild
    /// that reads only the files that changed (`IncrementalBuild`).
    static func loadDocument(input: String, path: String) -> Loaded {
        read(PathText.join(input, path)).loaded(path: path, display: displayPath(input: input, path: path))
    }

    enum Loaded {
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
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { return .notUTF8 }
            return .text(text)
        }
    }

    public static func displayPath(input: String, path: String) -> String {
        if input == "." || input.isEmpty { return path }
        return input.hasSuffix("/") ? input + path : input + "/" + path
    }

    static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    private static func walk(
        directory: String, relative: String, rootReal: String, display: String,
        entries: inout [(path: String, absolute: String)], diagnostics: inout [Diagnostic],
        visited: inout Set<String>
    ) throws(PlanfolioError) {
        let fileManager = FileManager.default
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw PlanfolioError("cannot read folder '\(directory)': \(error.localizedDescription)")
        }
        for name in names where !name.hasPrefix(".") {
            let absolute = PathText.join(directory, name)
            let path = relative.isEmpty ? name : relative + "/" + name
            var target = absolute
            var linkInfo = stat()
            if lstat(absolute, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK {
                let real = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
                guard real == rootReal || real.hasPrefix(rootReal + "/") else {
                    diagnostics.append(.warning(.symlinkOutsideInput,
                        "symbolic link leads outside the input folder and is not followed",
                        file: displayPath(input: display, path: path), line: 1))
                    continue
                }
                target = real
            }
            var info = stat()  // follows a link inside the folder to what it names
            guard stat(target, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let real = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
                guard visited.insert(real).inserted else { continue }
                try walk(directory: target, relative: path, rootReal: rootReal, display: display,
                         entries: &entries, diagnostics: &diagnostics, visited: &visited)
            case S_IFREG:
                entries.append((path, target))
            default:
                // A FIFO, socket or device: opening one can block for ever or
                // read without end, so it is never opened. Only a file named
                // like a document is worth a word.
                if isDocumentPath(path) {
                    diagnostics.append(.error(.unreadableFile,
                        "is not a regular file (a FIFO, socket or device) and is not read",
                        file: displayPath(input: display, path: path), line: 1))
                }
            }
        }
    }
}
