import HTTPTypes
import HummingbirdTesting
import NIOCore
import SightlineServe

extension PlannerAccess {
    /// The access the router tests serve under: Hummingbird's router test
    /// client sends the authority `localhost` with no port, which names a
    /// planner on port 80.
    static let testing = PlannerAccess(host: "127.0.0.1", port: 80, token: String(repeating: "5e", count: 32))
}

/// A test client that talks as the planner's own page does: every change
/// carries the session token and a body type (`application/json` unless
/// the test names another), and its Origin is the planner's. The refusals
/// are tested with the plain client (`PlannerAccessTests`).
struct PageClient: TestClientProtocol {
    let base: any TestClientProtocol
    var access = PlannerAccess.testing

    init(_ base: any TestClientProtocol) { self.base = base }

    var port: Int? { base.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if method != .get && method != .head {
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
            headers[PlannerAccess.tokenHeader] = access.token
            headers[.origin] = "http://localhost"
        }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }
}
