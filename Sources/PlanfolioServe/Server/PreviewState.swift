import Foundation
import PlanfolioKit

/// What the server knows of the latest rebuild, and the pages listening
/// for the next: each rebuild is a generation; an open page hears `reload`
/// when a rebuild changed its file or its banner.
///
/// A page also reloads when what it loads changed: every page when a file
/// under `assets/` or `files/` did, the search page when the search index did.
///
/// A page says which generation it was served from when it connects, so a
/// rebuild in between is not missed; a generation from the future means
/// the server was restarted, and the page reloads too.
public final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var latest = PreviewResult()
    /// The generation that last changed each page (its file or its banner).
    private var changedAt: [String: Int] = [:]
    /// The generation that last changed every page (a failure or set-up error came or went).
    private var everythingChangedAt = 0
    private var listeners: [Int: Listener] = [:]
    private var nextListener = 0
    private var closed = false

    private struct Listener {
        var page: String
        var continuation: AsyncStream<[UInt8]>.Continuation
    }

    public init() {}

    /// The pages reloaded by one rebuild: those open now whose file or banner changed.
    public struct Published: Sendable {
        public var generation: Int
        /// Site paths whose file or banner changed.
        public var changedPages: Set<String>
        /// True when every page changed (a set-up failure came or went, an asset or linked file changed).
        public var everything: Bool
        /// How many open pages were told to reload.
        public var reloaded: Int
    }

    /// Takes in a rebuild and tells the open pages it changed to reload.
    @discardableResult
    public func publish(_ result: PreviewResult) -> Published {
        lock.lock()
        defer { lock.unlock() }
        let previous = latest
        generation += 1
        latest = result
        var changed = result.changedPaths
        for page in Set(previous.diagnosticsByPage.keys).union(result.diagnosticsByPage.keys)
        where previous.diagnosticsByPage[page] != result.diagnosticsByPage[page] {
            changed.insert(page)
        }
        if previous.diagnostics != result.diagnostics { changed.insert(Self.dashboard) }
        if result.changedPaths.contains(SearchIndex.fileName) { changed.insert("search.html") }
        // Every page loads the theme's assets, and any page may show a linked file.
        let everything = Self.siteProblems(previous) != Self.siteProblems(result)
            || result.changedPaths.contains { $0.hasPrefix("assets/") || $0.hasPrefix("files/") }
        for page in changed { changedAt[page] = generation }
        if everything { everythingChangedAt = generation }
        var reloaded = 0
        for listener in listeners.values where everything || changed.contains(listener.page) {
            listener.continuation.yield(Self.event("reload", generation))
            reloaded += 1
        }
        return Published(generation: generation, changedPages: changed, everything: everything, reloaded: reloaded)
    }

    /// The generation to serve a page from, and its banner (nil when it has nothing to say).
    func page(_ sitePath: String) -> (generation: Int, banner: DiagnosticBanner?) {
        lock.lock()
        defer { lock.unlock() }
        let site = Self.siteProblems(latest)
        var banner: DiagnosticBanner
        if sitePath == Self.dashboard {
            banner = DiagnosticBanner(scope: .portfolio, diagnostics: latest.diagnostics, failure: site.failure)
        } else if let own = latest.diagnosticsByPage[sitePath] {
            banner = DiagnosticBanner(scope: .document, diagnostics: own + site.errors, failure: site.failure)
        } else {
            banner = DiagnosticBanner(scope: .site, diagnostics: site.errors, failure: site.failure)
        }
        return (generation, banner.isEmpty ? nil : banner)
    }

    /// The events for one open page: `hello` at once (with the current
    /// generation), then `reload` whenever a rebuild changes the page.
    func listen(page: String, since: Int) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(8))
        lock.lock()
        defer { lock.unlock() }
        guard !closed else {
            continuation.finish()
            return stream
        }
        continuation.yield(Array("retry: 1000\n\n".utf8) + Self.event("hello", generation))
        if since > generation || since < everythingChangedAt || (changedAt[page] ?? 0) > since {
            continuation.yield(Self.event("reload", generation))
        }
        let id = nextListener
        nextListener += 1
        listeners[id] = Listener(page: page, continuation: continuation)
        continuation.onTermination = { [weak self] _ in self?.forget(id) }
        return stream
    }

    /// A comment line to every open page, so connections whose page is gone are found and closed.
    func keepAlive() {
        lock.lock()
        defer { lock.unlock() }
        for listener in listeners.values { listener.continuation.yield(Array(": keep-alive\n\n".utf8)) }
    }

    /// Ends every event stream; later ones end at once (the server is stopping).
    func close() {
        lock.lock()
        closed = true
        let open = listeners.values.map(\.continuation)
        listeners = [:]
        lock.unlock()
        for continuation in open { continuation.finish() }
    }

    /// How many pages are listening (tests wait for theirs).
    public var listening: Int {
        lock.lock()
        defer { lock.unlock() }
        return listeners.count
    }

    private func forget(_ id: Int) {
        lock.lock()
        listeners[id] = nil
        lock.unlock()
    }

    static let dashboard = "index.html"

    private static func event(_ name: String, _ generation: Int) -> [UInt8] {
        Array("event: \(name)\ndata: \(generation)\n\n".utf8)
    }

    /// What makes the whole site stale: a failure that stopped the build,
    /// and errors in the config or the theme (the codes that exit 2).
    private static func siteProblems(_ result: PreviewResult) -> (failure: String?, errors: [Diagnostic]) {
        let setUp: Set<DiagnosticCode> = [.configError, .themeError]
        return (result.failure?.message, result.diagnostics.filter { $0.severity == .error && setUp.contains($0.code) })
    }
}
