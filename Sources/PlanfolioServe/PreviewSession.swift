import Foundation
import PlanfolioKit

/// `planfolio serve` put together: one build, then the server, then a
/// thread that waits for the watcher's next burst of changes, rebuilds,
/// and tells the open pages (`PreviewState`). Rebuilds run one at a time,
/// on that thread, in this process; a rebuild that fails keeps the last
/// good site served, and nothing a document, the config or the theme holds
/// can stop the session.
public final class PreviewSession: @unchecked Sendable {
    /// One rebuild, for the terminal: what it gave, how long it took, what changed on disk, what it told the pages.
    public struct Rebuild: Sendable {
        public var result: PreviewResult
        public var seconds: Double
        /// Absolute paths the watcher reported; empty for the first build.
        public var trigger: Set<String>
        public var published: PreviewState.Published
    }

    public let state = PreviewState()
    private let builder: PreviewBuilder
    private let targets: [WatchTarget]
    private let excluded: [String]
    private let quiet: Duration
    private let watchBackend: FileWatcher.Backend
    private let onRebuild: @Sendable (Rebuild) -> Void
    private let server: PreviewServer
    private var watcher: FileWatcher?
    private var serving: Task<Void, any Error>?
    private let rebuilding = DispatchSemaphore(value: 0)

    /// `excluded`: folders never watched (serve's own; the output).
    public init(builder: PreviewBuilder, address: ListenAddress, targets: [WatchTarget], excluded: [String],
                quiet: Duration = .milliseconds(50), watchBackend: FileWatcher.Backend = .automatic,
                onRebuild: @escaping @Sendable (Rebuild) -> Void) throws {
        self.builder = builder
        self.targets = targets
        self.excluded = excluded
        self.quiet = quiet
        self.watchBackend = watchBackend
        self.onRebuild = onRebuild
        server = try PreviewServer(siteFolder: builder.siteFolder, address: address, state: state)
    }

    /// Builds, starts watching and serving; returns the port once the server listens.
    /// Throws when the address cannot be listened on.
    public func start() async throws -> Int {
        // Watching starts before the first build, so an edit made while it runs is not missed.
        let watcher = FileWatcher(targets: targets, excluding: excluded, quiet: quiet, backend: watchBackend)
        self.watcher = watcher
        // On a thread of its own: a long build must not hold one of the few threads async code runs on.
        await withCheckedContinuation { (built: CheckedContinuation<Void, Never>) in
            Thread { [self] in
                rebuild(trigger: [])
                built.resume()
            }.start()
        }
        let server = server
        let serving = Task { try await server.run() }
        self.serving = serving
        do {
            let port = try await Self.firstOf(listening: server, failing: serving)
            let thread = Thread { [self] in
                while let burst = watcher.nextBurst() {
                    rebuild(trigger: burst.paths, changes: burst.structural ? nil : InputChanges(paths: burst.paths.union(burst.quiet)))
                }
                rebuilding.signal()
            }
            thread.name = "planfolio-serve-rebuild"
            thread.start()
            return port
        } catch {
            watcher.stop()
            self.watcher = nil
            serving.cancel()
            throw error
        }
    }

    /// The port once the server listens, or the error it stopped with if that comes first (the address is in use).
    private static func firstOf(listening server: PreviewServer, failing serving: Task<Void, any Error>) async throws -> Int {
        let once = Once<Int>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            Task {
                do { once.resume(with: .success(try await server.port())) } catch { once.resume(with: .failure(error)) }
            }
            Task {
                if case .failure(let error) = await serving.result { once.resume(with: .failure(error)) }
            }
        }
    }

    /// A continuation resumed by whichever of two tasks comes first.
    private final class Once<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Value, any Error>?

        func set(_ continuation: CheckedContinuation<Value, any Error>) {
            lock.lock()
            self.continuation = continuation
            lock.unlock()
        }

        func resume(with result: Result<Value, any Error>) {
            lock.lock()
            let continuation = self.continuation
            self.continuation = nil
            lock.unlock()
            continuation?.resume(with: result)
        }
    }

    /// How the watcher works, and why it polls when inotify was not used.
    public var watchMethod: (method: String, fallbackReason: String?) {
        (watcher?.method ?? "", watcher?.fallbackReason)
    }

    /// Stops watching, lets a rebuild under way finish, ends the event streams and the server.
    public func stop() async {
        if let watcher {
            watcher.stop()
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    self.rebuilding.wait()
                    done.resume()
                }
            }
        }
        await server.stop()
        serving?.cancel()
        _ = await serving?.result
        // No rebuild runs any more: the session is kept for the next preview.
        builder.keep()
    }

    private func rebuild(trigger: Set<String>, changes: InputChanges? = nil) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = builder.rebuild(changes: changes)
        let elapsed = clock.now - start
        let published = state.publish(result)
        onRebuild(Rebuild(result: result,
                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                          trigger: trigger, published: published))
    }
}
