import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 over a plain socket to 127.0.0.1: tests send paths a URL
/// library would clean up first (`/../`, `%2e%2e`), and read event streams.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Response: Sendable {
        var status: Int
        /// Lowercased names.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends one request with `Connection: close` and reads the whole response.
    static func request(port: Int, path: String, method: String = "GET", timeout: Duration = .seconds(20)) throws -> Response {
        let connection = try Connection(port: port)
        defer { connection.close() }
        try connection.send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var raw: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        while let chunk = try connection.receive(until: deadline) { raw += chunk }
        guard let split = find([13, 10, 13, 10], in: raw) else { throw Failure(description: "no header end in \(raw.count) bytes") }
        let head = String(decoding: raw[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(raw[(split + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = ChunkedDecoder.decodeAll(body) }
        return Response(status: status, headers: headers, body: body)
    }

    /// A server-sent event stream, read event by event.
    final class EventStream {
        private let connection: Connection
        private var raw: [UInt8] = []
        private var headerDone = false
        private var decoder = ChunkedDecoder()
        private var text = ""

        init(port: Int, path: String) throws {
            connection = try Connection(port: port)
            try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { connection.close() }

        /// The next event's name and data (comments skipped); nil when the stream ends first.
        /// Throws when `timeout` passes first.
        func next(timeout: Duration = .seconds(20)) throws -> (name: String, data: String)? {
            let deadline = ContinuousClock.now + timeout
            while true {
                while let end = text.range(of: "\n\n") {
                    let block = String(text[..<end.lowerBound])
                    text = String(text[end.upperBound...])
                    var name = "message", data = ""
                    var isEvent = false
                    for line in block.split(separator: "\n") {
                        if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces); isEvent = true }
                        if line.hasPrefix("data:") { data = line.dropFirst(5).trimmingCharacters(in: .whitespaces); isEvent = true }
                    }
                    if isEvent { return (name, data) }
                }
                guard let chunk = try connection.receive(until: deadline) else { return nil }
                raw += chunk
                if !headerDone {
                    guard let split = find([13, 10, 13, 10], in: raw) else { continue }
                    raw = Array(raw[(split + 4)...])
                    headerDone = true
                }
                text += String(decoding: decoder.feed(raw), as: UTF8.self)
                raw = []
            }
        }

        /// Reads events until one named `name`; throws at `timeout`.
        func wait(for name: String, timeout: Duration = .seconds(20)) throws -> String {
            let deadline = ContinuousClock.now + timeout
            while true {
                guard let event = try next(timeout: ContinuousClock.now.duration(to: deadline)) else {
                    throw Failure(description: "the stream ended before a '\(name)' event")
                }
                if event.name == name { return event.data }
            }
        }
    }

    /// `Transfer-Encoding: chunked`, decoded as bytes arrive.
    struct ChunkedDecoder {
        private var buffer: [UInt8] = []

        mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
            buffer += bytes
            var out: [UInt8] = []
            while let lineEnd = find([13, 10], in: buffer) {
                let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
                let start = lineEnd + 2
                guard buffer.count >= start + size + 2 else { break }
                out += buffer[start..<(start + size)]
                buffer = Array(buffer[(start + size + 2)...])
                if size == 0 { break }
            }
            return out
        }

        static func decodeAll(_ bytes: [UInt8]) -> [UInt8] {
            var decoder = ChunkedDecoder()
            return decoder.feed(bytes)
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }

    /// One TCP connection to 127.0.0.1.
    final class Connection {
        private let socket: Int32

        init(port: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                Glibc.close(socket)
                throw Failure(description: "connect to port \(port): errno \(errno)")
            }
        }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
                sent += count
            }
        }

        /// Bytes as they come; nil at the end of the stream; throws at `deadline`.
        func receive(until deadline: ContinuousClock.Instant) throws -> [UInt8]? {
            var polled = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            while true {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero else { throw Failure(description: "timed out waiting for the server") }
                let milliseconds = Int32(min(Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) / 1e15, 60_000))
                let ready = poll(&polled, 1, max(1, milliseconds))
                if ready < 0 && errno == EINTR { continue }
                if ready > 0 { break }
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            return Array(buffer[..<count])
        }

        func close() { Glibc.close(socket) }
    }
}

/// The blocking calls above, on a thread of their own: an async test that
/// waited on a socket in the cooperative pool (two threads on two cores)
/// could starve the in-process server that has to answer it.
enum OffPool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}

extension RawHTTP {
    static func request(port: Int, path: String, method: String = "GET") async throws -> Response {
        try await OffPool.run { try request(port: port, path: path, method: method, timeout: .seconds(20)) }
    }
}

extension RawHTTP.EventStream: @unchecked Sendable {
    func next(timeout: Duration = .seconds(20)) async throws -> (name: String, data: String)? {
        try await OffPool.run { try self.next(timeout: timeout) }
    }

    func wait(for name: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await OffPool.run { try self.wait(for: name, timeout: timeout) }
    }
}
