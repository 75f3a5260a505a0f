import PlanfolioKit

/// A fuzz input read as a small portfolio, so that one byte string can hold
/// several documents, a config and evidence files.
///
/// Lines of the form `@@@ PATH` start a file at PATH under the input folder;
/// whatever comes before the first such line is `plans/fuzz.md`. A file
/// named `planfolio.yml` is the config; `*.md`/`*.markdown` files are
/// documents; anything else is an asset (an SVG one goes through the
/// loader's sanitizer, which publishes a clean copy or refuses it). Paths are taken as a file system would
/// have them: hidden and empty components, `README.md`, paths seen already
/// and more than `maximumFiles` files are left out, as the loader would
/// never see them.
struct FuzzPortfolio {
    static let marker: [UInt8] = Array("@@@ ".utf8)
    static let defaultPath = "plans/fuzz.md"
    static let inputFolder = "Plans"
    static let maximumFiles = 16
    /// A fixed today, so that a finding replays the same way any day.
    static let today = Day(year: 2026, month: 12, day: 1)!

    var files: [(path: String, bytes: [UInt8])] = []

    init(_ bytes: [UInt8]) {
        var seen: Set<String> = []
        for (rawPath, content) in Self.sections(of: bytes) where files.count < Self.maximumFiles {
            guard let path = Self.normalizedPath(rawPath), seen.insert(path).inserted else { continue }
            files.append((path, content))
        }
    }

    /// The input split at marker lines: (path as written, content) pairs.
    static func sections(of bytes: [UInt8]) -> [(path: [UInt8], content: [UInt8])] {
        var starts: [Int] = []  // where each marker line begins
        var index = 0
        while index + marker.count <= bytes.count {
            if (index == 0 || bytes[index - 1] == UInt8(ascii: "\n")), bytes[index..<index + marker.count].elementsEqual(marker) {
                starts.append(index)
            }
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            index = newline + 1
        }
        var sections: [(path: [UInt8], content: [UInt8])] = []
        let firstEnd = starts.first.map { max(0, $0 - 1) } ?? bytes.count
        if firstEnd > 0 || starts.isEmpty { sections.append((Array(defaultPath.utf8), Array(bytes[0..<firstEnd]))) }
        for (number, start) in starts.enumerated() {
            let lineEnd = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
            var path = Array(bytes[(start + marker.count)..<lineEnd])
            if path.last == UInt8(ascii: "\r") { path.removeLast() }
            sections.append((path, lineEnd < end ? Array(bytes[(lineEnd + 1)..<end]) : []))
        }
        return sections
    }

    /// The path as the loader would list it, or nil when it would not see the file.
    static func normalizedPath(_ raw: [UInt8]) -> String? {
        guard raw.count <= 200, !raw.contains(0), let text = String(validating: raw, as: UTF8.self) else { return nil }
        // By bytes: a combining mark after `/` makes one Character of them.
        let components = text.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        guard let name = components.last, !components.contains(where: { $0.utf8.first == UInt8(ascii: ".") }) else { return nil }
        guard name.lowercased() != "readme.md" else { return nil }
        return components.joined(separator: "/")
    }

    static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// What `InputLoader.load` and `ConfigLoader.load` would have made of these files on disk.
    func loaded() -> (LoadedInput, config: SiteConfig) {
        var input = LoadedInput(files: [])
        var config = SiteConfig()
        for (path, bytes) in files.sorted(by: { $0.path < $1.path }) {
            let display = InputLoader.displayPath(input: Self.inputFolder, path: path)
            if path == ConfigLoader.fileName {
                if let text = String(validating: bytes, as: UTF8.self) {
                    let decoded = ConfigLoader.decode(text, file: ConfigLoader.fileName)
                    config = decoded.0
                    input.diagnostics += decoded.1
                } else {
                    input.diagnostics.append(.error(.configError, "config file is not valid UTF-8", file: ConfigLoader.fileName, line: 1))
                }
            } else if Self.isMarkdown(path) {
                if let text = String(validating: bytes, as: UTF8.self) {
                    input.files.append(SourceFile(path: path, displayPath: display, text: text))
                } else {
                    input.diagnostics.append(.error(.unreadableFile, "file is not valid UTF-8", file: display, line: 1))
                }
            } else {
                input.assets.append(path)
                guard ActiveContent.fileExtension(path) == "svg" else { continue }
                switch SVGSanitizer.sanitize(bytes) {
                case .published(let copy, let leftOut):
                    input.svgs[path] = .published(leftOut: leftOut)
                    input.svgCopies[path] = copy
                case .refused(let reason):
                    input.svgs[path] = .refused(reason)
                }
            }
        }
        return (input, config)
    }

    /// The whole build in memory, on one thread.
    func build() -> (report: BuildReport, files: [OutputFile], config: SiteConfig) {
        let (input, config) = loaded()
        var options = BuildOptions(today: Self.today)
        options.config = config
        options.threads = 1
        options.write = false
        let (report, files) = Build.site(from: input, theme: .builtIn, themePath: ThemeFiles.builtInPath, options: options)
        return (report, files, config)
    }
}
