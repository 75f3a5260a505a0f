import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `planfolio serve` as a user runs it: the built binary on port 0, the
/// address read from what it prints, a real request, and a clean stop.
@Suite(.serialized) struct ServeCommandTests {
    /// The running binary with its standard output read line by line.
    final class Serving: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var output = ""
        private let errorPipe = Pipe()
        private let arrived = DispatchSemaphore(value: 0)

        init(_ arguments: [String], in folder: URL) throws {
            process.executableURL = BuiltBinary.executable
            process.arguments = ["serve", "--port", "0", "--today", Portfolios.today] + arguments
            process.currentDirectoryURL = folder
            let out = Pipe()
            process.standardOutput = out
            process.standardError = errorPipe
            process.standardInput = FileHandle.nullDevice
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock()
                self.output += String(decoding: data, as: UTF8.self)
                self.lock.unlock()
                self.arrived.signal()
            }
            try process.run()
        }

        /// The URL from `planfolio: serving URL`; throws when the process ends or 60 s pass first.
        func url() throws -> URL {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                lock.lock()
                let text = output
                lock.unlock()
                if let match = text.firstMatch(of: /planfolio: serving (http:\S+)/), let url = URL(string: String(match.1)) { return url }
                guard process.isRunning else { break }
                _ = arrived.wait(timeout: .now() + 1)
            }
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no serving line; stderr: \(standardError())"])
        }

        func standardError() -> String {
            String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }

        /// Sends `signal` and waits for the exit; the status and standard error.
        func stop(with signal: Int32 = SIGINT) -> (status: Int32, stderr: String) {
            kill(process.processIdentifier, signal)
            let stderr = standardError()
            process.waitUntilExit()
            return (process.terminationStatus, stderr)
        }
    }

    static func get(_ url: URL) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func servesOnLoopbackAndStopsCleanly(signal: Int32) async throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let serving = try Serving([], in: folder.url)
        let url = try serving.url()
        #expect(url.host == "127.0.0.1")
        let home = try await Self.get(url)
        #expect(home.status == 200)
        #expect(home.body.contains("/__planfolio/reload.js"))
        let page = try await Self.get(url.appendingPathComponent("assessments/FAF-2026-01-001.html"))
        #expect(page.body.contains("pf-serve-banner"))  // the portfolio's one warning
        let (status, stderr) = serving.stop(with: signal)
        #expect(status == 0, "\(stderr)")
        #expect(stderr.contains("planfolio: stopped"))
        #expect(stderr.contains("FAF-2026-01-001.md:12: warning: raw HTML"))
        // serve never writes the output folder, and keeps its site in its own.
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output").path))
        #expect(FileManager.default.fileExists(atPath: folder.path(".Output.planfolio-serve/site/index.html").path))
    }

    /// Asked to, serve keeps the output folder itself current, and its files are still the built site's.
    @Test func inPlaceBuildsTheOutputFolderWithoutWhatTheServerAdds() async throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let serving = try Serving(["--in-place"], in: folder.url)
        let url = try serving.url()
        #expect(try await Self.get(url).body.contains("/__planfolio/reload.js"))
        #expect(serving.stop().status == 0)
        let files = BuiltBinary.snapshot(folder.path("Output"))
        #expect(files["index.html"] != nil)
        #expect(files.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("__planfolio") })
        #expect(!FileManager.default.fileExists(atPath: folder.path(".Output.planfolio-serve").path))
    }

    @Test(arguments: ["0.0.0.0", "192.0.2.1", "::"])
    func aHostThatIsNotLoopbackIsRefused(host: String) throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let result = try BuiltBinary.run(["serve", "--host", host, "--port", "0"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a loopback address"))
        #expect(result.stderr.contains("--allow-remote"))
    }

    @Test func aHostThatIsNoAddressIsRefused() throws {
        let folder = try TemporaryFolder()
        let result = try BuiltBinary.run(["serve", "--host", "example.com", "--port", "0"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not an IP address"))
    }

    @Test func aPortInUseIsAUsageFailure() throws {
        let folder = try TemporaryFolder()
        try Portfolios.warningOnly(in: folder)
        let first = try Serving([], in: folder.url)
        let url = try first.url()
        let second = try BuiltBinary.run(["serve", "--port", String(url.port ?? 0), "--today", Portfolios.today], in: folder.url)
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1 port"))
        #expect(first.stop().status == 0)
    }

    /// What serve adds lives in the server alone: a site that `build` writes has none of it.
    @Test func theBuiltSiteHasNoReloadScript() throws {
        let folder = try TemporaryFolder()
        try folder.copySample()
        let result = try BuiltBinary.run(["build", "--today", Portfolios.today], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let files = BuiltBinary.snapshot(folder.path("Output"))
        #expect(files["index.html"] != nil)
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("__planfolio"), "\(path)")
            #expect(!text.contains("EventSource"), "\(path)")
            #expect(!text.contains("connect-src"), "\(path)")
        }
    }
}
