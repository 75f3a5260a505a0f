import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `planfolio serve`, on FlyingFox: the site folder's
/// files (`SitePath` keeps requests inside it), HTML pages with
/// `PageInjection`'s additions, the theme's `404.html` for anything
/// missing, and under `/__planfolio/` the reload script, the banner
/// stylesheet and the event stream.
public final class PreviewServer: Sendable {
    private let siteFolder: String
    private let state: PreviewState
    private let server: HTTPServer

    public init(siteFolder: String, address: ListenAddress, state: PreviewState) throws {
        self.siteFolder = siteFolder
        self.state = state
        let socketAddress: any SocketAddress = switch address.family {
        case .ipv4: try sockaddr_in.inet(ip4: address.host, port: address.port)
        case .ipv6: try sockaddr_in6.inet6(ip6: address.host, port: address.port)
        }
        server = HTTPServer(config: HTTPServer.Configuration(address: socketAddress, timeout: 30, logger: .disabled),
                            handler: Handler(siteFolder: siteFolder, state: state))
    }

    /// Serves until `stop`; throws when the address cannot be listened on.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                // A comment every 15 s finds the event streams of closed pages.
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(15))
                    self.state.keepAlive()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The port it listens on, once it does (the one the system chose for port 0).
    public func port(timeout: TimeInterval = 10) async throws -> Int {
        try await server.waitUntilListening(timeout: timeout)
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return Int(port)
        default: throw SocketError.unsupportedAddress
        }
    }

    /// Ends the event streams and closes every connection.
    public func stop() async {
        state.close()
        await server.stop(timeout: 0.25)
    }

    struct Handler: HTTPHandler {
        let siteFolder: String
        let state: PreviewState

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            guard request.method == .GET || request.method == .HEAD else {
                return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Array("GET or HEAD only\n".utf8),
                                     extra: [.init("Allow"): "GET, HEAD"])
            }
            let raw = request.target.path()
            var response: HTTPResponse
            if raw.hasPrefix(ServeAssets.prefix) {
                response = serveOwn(raw, request: request)
            } else {
                response = serveSite(raw)
            }
            if request.method == .HEAD, case .httpBody(let body) = response.payload, let count = body.count {
                response.headers[.contentLength] = String(count)
                response.payload = .httpBody(HTTPBodySequence(data: Data()))
            }
            return response
        }

        private func serveOwn(_ raw: String, request: HTTPRequest) -> HTTPResponse {
            switch raw {
            case ServeAssets.reloadScriptPath:
                return Self.response(.ok, type: MIMEType.of(raw), body: Array(ServeAssets.reloadScript.utf8))
            case ServeAssets.stylesheetPath:
                return Self.response(.ok, type: MIMEType.of(raw), body: Array(ServeAssets.stylesheet.utf8))
            case ServeAssets.eventsPath where request.method == .HEAD:
                return Self.response(.ok, type: "text/event-stream; charset=utf-8", body: [])
            case ServeAssets.eventsPath:
                let pagePath = request.query.first(where: { $0.name == "page" })?.value ?? "/"
                let page = SitePath.sitePath(ofRequestPath: pagePath) ?? PreviewState.dashboard
                let since = request.query.first(where: { $0.name == "since" }).flatMap { Int($0.value) } ?? 0
                let events = state.listen(page: page, since: since)
                var headers = HTTPHeaders()
                headers[.contentType] = "text/event-stream; charset=utf-8"
                headers[.init("Cache-Control")] = "no-store"
                headers[.init("X-Accel-Buffering")] = "no"
                return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBody(events: events)))
            default:
                return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Array("not found\n".utf8))
            }
        }

        private func serveSite(_ raw: String) -> HTTPResponse {
            switch SitePath.resolve(raw, root: siteFolder) {
            case .malformed:
                return Self.response(.badRequest, type: "text/plain; charset=utf-8", body: Array("bad path\n".utf8))
            case .file(let path, let sitePath):
                guard let bytes = FileManager.default.contents(atPath: path) else { return notFound(sitePath) }
                guard MIMEType.isHTML(sitePath) else { return Self.response(.ok, type: MIMEType.of(sitePath), body: Array(bytes)) }
                return Self.response(.ok, type: MIMEType.of(sitePath), body: page(Array(bytes), bannerOf: sitePath))
            case .missing(let sitePath):
                return notFound(sitePath)
            }
        }

        /// The theme's 404 page (or a plain one while there is no site yet), as the page at `sitePath`.
        private func notFound(_ sitePath: String) -> HTTPResponse {
            guard let page404 = FileManager.default.contents(atPath: (siteFolder as NSString).appendingPathComponent("404.html")) else {
                // No site at all: every problem of the portfolio is why.
                return Self.response(.notFound, type: MIMEType.of("404.html"),
                                     body: page(Array(Self.noSite.utf8), bannerOf: PreviewState.dashboard, noSite: true))
            }
            return Self.response(.notFound, type: MIMEType.of("404.html"), body: page(Array(page404), bannerOf: sitePath))
        }

        /// The page with what the server adds; the banner is that of the page at `bannerOf`.
        private func page(_ html: [UInt8], bannerOf sitePath: String, noSite: Bool = false) -> [UInt8] {
            var (generation, banner) = state.page(sitePath)
            banner?.noSite = noSite
            return PageInjection.inject(into: html, generation: generation, banner: banner?.html)
        }

        static func response(_ status: HTTPStatusCode, type: String, body: [UInt8], extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
            var headers = HTTPHeaders()
            headers[.contentType] = type
            headers[.init("Cache-Control")] = "no-store"
            headers[.init("X-Content-Type-Options")] = "nosniff"
            for (name, value) in extra { headers[name] = value }
            return HTTPResponse(statusCode: status, headers: headers, body: Data(body))
        }

        /// Served in place of any page while no build has written a site (the first one had errors).
        static let noSite = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'">
        <title>No site yet · planfolio serve</title>
        </head>
        <body>
        <main>
        <h1>No site yet</h1>
        <p>No build has written the site yet. Fix the problems below (they are in the terminal too); this page reloads when the site is built.</p>
        </main>
        </body>
        </html>

        """
    }
}
