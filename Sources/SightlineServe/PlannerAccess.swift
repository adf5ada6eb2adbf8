import Foundation
import HTTPTypes
import Hummingbird

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who may talk to the planner: only pages it served itself, on the address
/// it serves on. The planner binds to loopback, but any web page the user
/// has open can still send requests there, so every request is checked:
///
/// - **Host** (every request): `localhost`, an IP literal, or the name given
///   with `--host`, with the port the planner bound. A page on another site
///   whose name an attacker re-binds to 127.0.0.1 (DNS rebinding) sends its
///   own name as the Host and is refused before it can read the plan.
/// - **Writes** (any method but GET and HEAD) also need
///   - the session's token in `X-Sightline-Token`, which only the page the
///     planner served holds (it is written into that page; another site's
///     page cannot read it, and a custom header cannot be sent cross-site
///     without a CORS preflight the planner never answers);
///   - an `Origin` that is this planner's own, or, without one, a
///     `Sec-Fetch-Site` of `same-origin` or `none`;
///   - a body type no HTML form or no-CORS fetch can send: a JSON body is
///     `application/json`, and a picture is `image/png`, `image/jpeg`,
///     `application/pdf` or `application/octet-stream`, never
///     `text/plain`, a form type, or nothing.
///
/// The token is 32 random bytes made at start, compared in constant time.
public struct PlannerAccess: Sendable {
    /// The name given with `--host` (lowercased), accepted as a Host besides
    /// `localhost` and IP literals.
    public let boundHost: String
    /// The port bound: a Host must name it (or none when it is 80).
    public let port: Int
    /// The session's token, written into the page.
    public let token: String

    /// The header the page sends the token in.
    public static let tokenHeader = HTTPField.Name("X-Sightline-Token")!

    public init(host: String, port: Int, token: String = PlannerAccess.newToken()) {
        self.boundHost = host.lowercased()
        self.port = port
        self.token = token
    }

    /// 32 bytes from the system's random source, as 64 hex digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Why a request is refused (403), or `nil` when it may go on.
    public func refusal(method: HTTPRequest.Method, authority: String?, headers: HTTPFields) -> String? {
        guard let authority, accepts(authority: authority) else {
            return "this planner answers only on its own address (Host \(authority.map { "`\($0)`" } ?? "missing"))"
        }
        if method == .get || method == .head { return nil }
        if let origin = headers[.origin] {
            guard origin.lowercased() == "http://\(authority.lowercased())" else {
                return "a change must come from the planner's own page (Origin `\(origin)`)"
            }
        } else if let site = headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            return "a change must come from the planner's own page (Sec-Fetch-Site `\(site)`)"
        }
        let type = (headers[.contentType] ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let type, Self.bodyTypes.contains(type) else {
            return "a change must be sent as application/json (or a picture's own type), not `\(headers[.contentType] ?? "none")`"
        }
        guard let sent = headers[Self.tokenHeader], Self.constantTimeEqual(Array(sent.utf8), Array(token.utf8)) else {
            return "a change must carry the session token of the page this planner served (reload the page)"
        }
        return nil
    }

    /// The body types a change may have: none of them can be sent by a form
    /// or a no-CORS request from another site.
    static let bodyTypes: Set<String> = ["application/json", "image/png", "image/jpeg", "application/pdf", "application/octet-stream"]

    /// `host[:port]` (`[v6]:port` for IPv6) names this planner.
    func accepts(authority: String) -> Bool {
        let (host, portText) = Self.split(authority: authority.lowercased())
        if let portText {
            guard Int(portText) == port else { return false }
        } else if port != 80 {
            return false
        }
        return host == "localhost" || host == boundHost || Self.isIPLiteral(host)
    }

    /// Splits `host:port`, `[v6]:port`, `host` or `[v6]`.
    static func split(authority: String) -> (host: String, port: String?) {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            return (host, rest.hasPrefix(":") ? String(rest.dropFirst()) : nil)
        }
        guard let colon = authority.lastIndex(of: ":") else { return (authority, nil) }
        return (String(authority[..<colon]), String(authority[authority.index(after: colon)...]))
    }

    /// An IPv4 or IPv6 address written as numbers: no DNS name can rebind it.
    static func isIPLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// Compares without leaving early, so the time taken says nothing of
    /// how much of a guessed token was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Refuses, with 403 and `{"error": …}`, every request ``PlannerAccess``
/// does not let through, before any route sees it.
struct PlannerAccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let access: PlannerAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let why = access.refusal(method: request.method, authority: request.head.authority, headers: request.headers) {
            return PlannerRouter.response(PlannerRouter.object([("error", .string(why))]), status: .forbidden)
        }
        return try await next(request, context)
    }
}
