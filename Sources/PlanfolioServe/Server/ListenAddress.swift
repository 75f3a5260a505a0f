import Foundation
import PlanfolioKit

/// Where `planfolio serve` listens: an IPv4 or IPv6 address (or
/// `localhost`) and a port. Only loopback addresses are taken unless the
/// caller allows others: the preview has no authentication and shows
/// every document of the portfolio.
public struct ListenAddress: Sendable, Equatable {
    public enum Family: Sendable { case ipv4, ipv6 }

    public var host: String
    public var family: Family
    public var port: UInt16

    public init(host: String, port: UInt16) throws(PlanfolioError) {
        var literal = host
        if literal == "localhost" { literal = "127.0.0.1" }
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            family = .ipv4
        } else if inet_pton(AF_INET6, literal, &v6) == 1 {
            family = .ipv6
        } else {
            throw PlanfolioError("--host '\(host)' is not an IP address (use 127.0.0.1, ::1 or localhost)")
        }
        self.host = literal
        self.port = port
    }

    /// 127.0.0.0/8 and ::1 (also as ::ffff:127.x.y.z).
    public var isLoopback: Bool {
        switch family {
        case .ipv4:
            return host.split(separator: ".").first == "127"
        case .ipv6:
            var address = in6_addr()
            guard inet_pton(AF_INET6, host, &address) == 1 else { return false }
            let bytes = withUnsafeBytes(of: address) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            return bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        }
    }

    /// `http://HOST:PORT/` with `port`, brackets around an IPv6 host.
    public func url(port: Int) -> String {
        family == .ipv6 ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }
}
