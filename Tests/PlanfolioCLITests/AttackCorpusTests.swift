import Foundation
import Testing
import PlanfolioKit

/// The attack corpus: every case under `Tests/Fixtures/attacks/<class>/<case>/`
/// is a small hostile portfolio, built by the binary as CI builds it.
///
/// A case folder is the portfolio (its files copied into a temporary input
/// folder) and `expect.json`:
/// `{"exit": 0|1|2, "codes": ["PF0xx"], "maxRSSMiB": N, "maxSeconds": N, "note": "..."}`,
/// plus, optionally, `"input"`: the input folder's name (default `Plans`).
/// A `planfolio.yml` in the case goes beside the input folder, where a
/// build looks for it. A big input is written at test time from
/// `generate.json` (`{"file", "prefix", "repeat", "times", "suffix"}`:
/// prefix, `repeat` `times` times, suffix), and files git cannot hold from
/// `make-fifo.json` (`{"fifos": [paths], "sockets": [paths]}`).
///
/// For each case, `check` and `build` (`--today 2026-12-01 --diagnostics json`)
/// must both end by exiting (never a signal, never killed at the time
/// budget), with the expected code, the same diagnostics, every expected
/// code among them, peak memory (the child's own, `ChildProcess`) and wall
/// time within the case's budget; and a site that was written must hold
/// nothing active (`OutputChecker`).
@Suite struct AttackCorpusTests {
    static let corpus = BuiltBinary.packageRoot.appendingPathComponent("Tests/Fixtures/attacks")
    static let controlFiles: Set<String> = ["expect.json", "generate.json", "make-fifo.json", "planfolio.yml"]

    struct Expectation: Decodable, Sendable {
        var exit: Int32
        var codes: [String]
        var maxRSSMiB: Double
        var maxSeconds: Double
        var note: String
        var input: String?
    }

    struct Generate: Decodable {
        var file: String
        var prefix: String
        var `repeat`: String
        var times: Int
        var suffix: String
    }

    struct Special: Decodable {
        var fifos: [String]?
        var sockets: [String]?
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var folder: URL
        var testDescription: String { name }
    }

    /// Every case folder (one holding `expect.json`), sorted by name.
    static func cases() -> [Case] {
        let fileManager = FileManager.default
        var found: [Case] = []
        for kind in ((try? fileManager.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted() {
            let classFolder = corpus.appendingPathComponent(kind)
            for name in ((try? fileManager.contentsOfDirectory(atPath: classFolder.path)) ?? []).sorted() {
                let folder = classFolder.appendingPathComponent(name)
                if fileManager.fileExists(atPath: folder.appendingPathComponent("expect.json").path) {
                    found.append(Case(name: "\(kind)/\(name)", folder: folder))
                }
            }
        }
        return found
    }

    @Test func theCorpusHasEveryClass() {
        let classes = Set(Self.cases().map { String($0.name.prefix(while: { $0 != "/" })) })
        #expect(classes.isSuperset(of: ["svg", "yaml", "names", "paths"]))
        #expect(Self.cases().filter { $0.name.hasPrefix("svg/") }.count >= 12)
    }

    @Test(arguments: cases())
    func hostilePortfolio(_ attack: Case) throws {
        let expectation = try JSONDecoder().decode(Expectation.self, from: Data(contentsOf: attack.folder.appendingPathComponent("expect.json")))
        let work = try TemporaryFolder("planfolio-attack")
        let input = expectation.input ?? "Plans"
        try Self.prepare(attack.folder, into: work.url, input: input)

        let common = ["--input", input, "--today", "2026-12-01", "--diagnostics", "json"]
        let executable = BuiltBinary.executable.path
        let check = try ChildProcess.run(executable, ["check"] + common, in: work.url, deadline: expectation.maxSeconds)
        let build = try ChildProcess.run(executable, ["build", "--output", "Output"] + common, in: work.url, deadline: expectation.maxSeconds)
        for (command, run) in [("check", check), ("build", build)] {
            #expect(run.signal == nil && !run.timedOut, "\(command) did not exit: \(run.summary)")
            #expect(run.exitCode == expectation.exit, "\(command): \(run.summary)")
            #expect(run.peakRSSMiB <= expectation.maxRSSMiB, "\(command) used more memory than the budget: \(run.summary)")
            #expect(run.seconds <= expectation.maxSeconds, "\(command) took longer than the budget: \(run.summary)")
        }
        #expect(check.stdout == build.stdout, "check and build report different diagnostics")
        let codes = Set(build.stdout.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["code"] as? String
        })
        for code in expectation.codes {
            #expect(codes.contains(code), "\(code) not reported; got \(codes.sorted()): \(build.stdout.prefix(600))")
        }
        let site = work.path("Output")
        if build.exitCode == 0 {
            let problems = OutputChecker.problems(in: site)
            #expect(problems.isEmpty, "active content in the site: \(problems.prefix(10))")
        } else {
            #expect(!FileManager.default.fileExists(atPath: site.path), "a failed build wrote a site")
        }
    }

    /// The case's portfolio in `folder/input`, with its generated and special files.
    static func prepare(_ source: URL, into folder: URL, input: String) throws {
        let fileManager = FileManager.default
        let target = folder.appendingPathComponent(input)
        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: source.path) where !controlFiles.contains(name) {
            // copyItem keeps symbolic links as links: a case may hold one that leads out of the input.
            try fileManager.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        let config = source.appendingPathComponent("planfolio.yml")
        if fileManager.fileExists(atPath: config.path) {
            try fileManager.copyItem(at: config, to: folder.appendingPathComponent("planfolio.yml"))
        }
        let generate = source.appendingPathComponent("generate.json")
        if fileManager.fileExists(atPath: generate.path) {
            let spec = try JSONDecoder().decode(Generate.self, from: Data(contentsOf: generate))
            let file = target.appendingPathComponent(spec.file)
            try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            var bytes = Array(spec.prefix.utf8)
            let unit = Array(spec.repeat.utf8)
            bytes.reserveCapacity(bytes.count + unit.count * spec.times + spec.suffix.utf8.count)
            for _ in 0..<spec.times { bytes += unit }
            bytes += Array(spec.suffix.utf8)
            try Data(bytes).write(to: file)
        }
        let special = source.appendingPathComponent("make-fifo.json")
        if fileManager.fileExists(atPath: special.path) {
            let spec = try JSONDecoder().decode(Special.self, from: Data(contentsOf: special))
            for path in spec.fifos ?? [] {
                let file = target.appendingPathComponent(path)
                try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try #require(mkfifo(file.path, 0o644) == 0, "mkfifo \(path)")
            }
            for path in spec.sockets ?? [] {
                let file = target.appendingPathComponent(path)
                try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try #require(makeSocketFile(file.path), "socket \(path)")
            }
        }
    }

    /// A Unix socket bound at `path` (the file stays after the socket is closed).
    static func makeSocketFile(_ path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }
}

/// The checker the corpus relies on must be able to fail: a hand-made site
/// with every kind of active content it looks for.
@Suite struct OutputCheckerTests {
    @Test func findsEveryKindOfActiveContent() throws {
        let site = try TemporaryFolder("planfolio-bad-site")
        try site.write("index.html", """
            <!doctype html><html><head><script src="assets/site.js" defer></script><script src="search-index.js" defer></script></head>
            <body><p>Text with on=no tag &lt;script&gt; in it.</p></body></html>
            """)
        try site.write("plans/bad.html", """
            <script src="../assets/site.js" defer></script><script>alert(1)</script><script src="https://cdn.example/x.js"></script>
            <img src="x.png" onerror="alert(1)"><a href="&#106;avascript:alert(1)">x</a><a href=" data:text/html,x">y</a>
            <img src="//tracker.example/p.gif"><iframe srcdoc="x"></iframe><meta http-equiv="refresh" content="0;url=https://e/">
            <div style="background:url(https://e/)">\u{1B}</div>
            """)
        try site.write("files/plans/e.svg", #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect onload="x"/></svg>"#)
        try site.write("feed.xml", "<feed><title>\u{0}</title></feed>")
        let problems = OutputChecker.problems(in: site.url)
        #expect(!problems.contains { $0.hasPrefix("index.html") }, "the theme's own scripts and escaped text pass: \(problems)")
        let bad = problems.filter { $0.hasPrefix("plans/bad.html") }
        for expected in ["script: <script>alert", "script: <script src=\"https://", "onerror", "javascript:", "data:", "loads from elsewhere",
                         "<iframe>", "http-equiv", "url() in a style", "control byte 0x1b"] {
            #expect(bad.contains { $0.contains(expected) }, "\(expected) not found in \(bad)")
        }
        #expect(problems.filter { $0.hasPrefix("files/plans/e.svg") }.count == 2)
        #expect(problems.contains { $0.hasPrefix("feed.xml") && $0.contains("0x0") })
    }
}
