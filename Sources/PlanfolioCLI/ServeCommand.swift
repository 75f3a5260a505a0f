import ArgumentParser
import Foundation
import PlanfolioKit
import PlanfolioServe

/// `planfolio serve`: builds the site into a folder of serve's own, serves
/// it on loopback, rebuilds when a document, the theme or the config
/// changes, and reloads the open pages (docs/serve.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build, serve on localhost, rebuild and reload on every change.",
        discussion: """
        The site is built into .OUTPUT.planfolio-serve/site beside --output, never into --output \
        itself unless --in-place is given. Problems are printed after every rebuild and shown on \
        the page of the document they belong to and on the dashboard. Ctrl-C stops.
        """
    )

    @OptionGroup var options: BuildOptionsGroup

    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 8000

    @Option(help: "Address to listen on: a loopback address unless --allow-remote.")
    var host: String = "127.0.0.1"

    @Flag(help: "Allow a --host that is not loopback: the preview has no authentication and shows every document.")
    var allowRemote = false

    @Flag(help: "Build into --output itself, as build does (the served pages still get the reload script only in the response).")
    var inPlace = false

    @Option(help: ArgumentHelp("Milliseconds a burst of file changes must be quiet before a rebuild.", visibility: .hidden))
    var quietMilliseconds: Int = 50

    @Option(help: ArgumentHelp("Watch by polling every N milliseconds instead of inotify.", visibility: .hidden))
    var pollMilliseconds: Int?

    func run() throws {
        do {
            try serve()
        } catch {
            FileHandle.standardError.write(Data("planfolio: error: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus.usageOrIO)
        }
    }

    /// Where serve builds the site when not `--in-place`: `.NAME.planfolio-serve/site` beside the output `NAME`.
    static func siteFolder(output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let folder = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).planfolio-serve")
        return folder.appendingPathComponent("site").path
    }

    private func serve() throws(PlanfolioError) {
        StopSignals.install()
        guard (0...65535).contains(port) else { throw PlanfolioError("--port \(port) is not a port (0-65535)") }
        guard quietMilliseconds >= 0, (pollMilliseconds ?? 1) > 0 else { throw PlanfolioError("the watch intervals must not be negative, and a polling interval must be positive") }
        let address = try ListenAddress(host: host, port: UInt16(port))
        guard address.isLoopback || allowRemote else {
            throw PlanfolioError("--host \(host) is not a loopback address; the preview has no authentication, so pass --allow-remote to listen there anyway")
        }
        var buildOptions = try options.buildOptions(write: true)
        let site = inPlace ? options.output : Self.siteFolder(output: options.output)
        if !inPlace {
            do {
                try FileManager.default.createDirectory(atPath: (site as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw PlanfolioError("cannot create '\((site as NSString).deletingLastPathComponent)': \(error.localizedDescription)")
            }
        }
        buildOptions.output = site
        // Serve's own folder is written by nobody else; `Output/` may be.
        buildOptions.ownsOutput = !inPlace
        var targets: [WatchTarget] = [
            .tree(options.input),
            .tree(options.theme ?? "Theme"),
            .file(options.config ?? ConfigLoader.defaultPath(input: options.input)),
        ]
        // A commit, checkout or reset moves HEAD without touching the input: the history's files are watched too.
        if buildOptions.history.enabled {
            let git = HistoryWatch.paths(input: options.input)
            targets += git.files.map(WatchTarget.file) + git.folders.map(WatchTarget.tree)
        }
        let excluded = [options.output, (site as NSString).deletingLastPathComponent]
        let format = options.diagnostics
        let session: PreviewSession
        do {
            session = try PreviewSession(
                builder: PreviewBuilder(options: buildOptions), address: address, targets: targets, excluded: excluded,
                quiet: .milliseconds(quietMilliseconds),
                watchBackend: pollMilliseconds.map { .polling(interval: .milliseconds($0)) } ?? .automatic
            ) { rebuild in
                Self.print(rebuild, format: format, output: site)
            }
        } catch {
            throw PlanfolioError("cannot listen on \(host) port \(port): \(error)")
        }
        try run(session, address: address, site: site)
    }

    /// Starts the session, waits for SIGINT or SIGTERM, stops it cleanly (exit 0). A second signal exits at once.
    private func run(_ session: PreviewSession, address: ListenAddress, site: String) throws(PlanfolioError) {
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let inputs = [options.input, options.theme ?? "Theme", options.config ?? ConfigLoader.defaultPath(input: options.input)]
        Task {
            do {
                let port = try await session.start()
                let watch = session.watchMethod
                var line = "planfolio: serving \(address.url(port: port))\n"
                line += "planfolio: the site is built in \(site); watching \(inputs.joined(separator: ", ")) (\(watch.method)); Ctrl-C stops\n"
                if let reason = watch.fallbackReason { line += "planfolio: warning: inotify is not available (\(reason)); polling instead\n" }
                FileHandle.standardOutput.write(Data(line.utf8))
            } catch {
                failure.message = "cannot listen on \(address.host) port \(address.port): \(error.localizedDescription)"
                await session.stop()
                finished.signal()
                return
            }
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    StopSignals.waitForFirst()
                    done.resume()
                }
            }
            await session.stop()
            FileHandle.standardError.write(Data("planfolio: stopped\n".utf8))
            finished.signal()
        }
        finished.wait()
        if let message = failure.message { throw PlanfolioError(message) }
    }

    /// The diagnostics in the chosen form and the summary line, as `build` prints them, after every rebuild.
    private static func print(_ rebuild: PreviewSession.Rebuild, format: DiagnosticFormat, output: String) {
        var standardError = ""
        if let failure = rebuild.result.failure {
            let served = FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent("index.html"))
                ? "still serving the last good site" : "no site yet"
            standardError += "planfolio: error: \(failure.message) (\(served))\n"
        }
        if let report = rebuild.result.report {
            let printed = format.format(report.diagnostics, baseDirectory: FileManager.default.currentDirectoryPath)
            if format.writesToStandardOutput {
                FileHandle.standardOutput.write(Data(printed.utf8))
            } else {
                standardError += printed
            }
            standardError += BuildSummary.line(report, output: output, seconds: rebuild.seconds)
            let reloaded = rebuild.published.reloaded
            if reloaded > 0 { standardError += "; \(reloaded) open \(reloaded == 1 ? "page" : "pages") reloaded" }
            standardError += "\n"
        }
        FileHandle.standardError.write(Data(standardError.utf8))
    }
}

/// The start-up failure, handed from the serving task to the waiting command.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    var message: String? {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
