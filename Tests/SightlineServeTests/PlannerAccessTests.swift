import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

@testable import SightlineServe

/// `PlannerAccess`: a rebound name, another site's page, a form or a
/// no-CORS fetch, and a request without the page's token are refused; the
/// page and its own requests still work. (The browser tests drive the real
/// server over HTTP, with a foreign Host among them.)
final class PlannerAccessTests: XCTestCase {
    private var folder: ScratchFolder!
    private var file = ""
    private let access = PlannerAccess(host: "127.0.0.1", port: 8080, token: String(repeating: "ab", count: 32))

    override func setUpWithError() throws {
        folder = try ScratchFolder("access")
        file = try folder.write(PlanBuilder.passageToilet(), "passage.json")
    }

    override func tearDownWithError() throws { folder.remove() }

    /// The headers the planner's page sends with a change.
    private var pageHeaders: HTTPFields {
        [.contentType: "application/json", PlannerAccess.tokenHeader: access.token, .origin: "http://127.0.0.1:8080"]
    }

    func testOnlyItsOwnAddressIsAnswered() {
        for good in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080", "192.168.1.20:8080"] {
            XCTAssertNil(access.refusal(method: .get, authority: good, headers: [:]), good)
        }
        // DNS rebinding: the attacker's name, pointed at 127.0.0.1, is the Host.
        for bad in ["evil.example:8080", "evil.example", "127.0.0.1:8081", "127.0.0.1", "localhost.evil.example:8080", "", "[::1]"] {
            XCTAssertNotNil(access.refusal(method: .get, authority: bad, headers: [:]), bad)
        }
        XCTAssertNotNil(access.refusal(method: .get, authority: nil, headers: [:]))
        let named = PlannerAccess(host: "Planner.Local", port: 80)
        XCTAssertNil(named.refusal(method: .get, authority: "planner.local", headers: [:]), "--host's name, port 80 implied")
        XCTAssertNotNil(named.refusal(method: .get, authority: "other.local", headers: [:]))
    }

    func testAChangeNeedsItsOwnOriginAJSONTypeAndTheToken() {
        let host = "127.0.0.1:8080"
        XCTAssertNil(access.refusal(method: .post, authority: host, headers: pageHeaders))
        var noOrigin = pageHeaders
        noOrigin[.origin] = nil
        XCTAssertNil(access.refusal(method: .post, authority: host, headers: noOrigin), "curl sends no Origin")
        noOrigin[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
        XCTAssertNil(access.refusal(method: .post, authority: host, headers: noOrigin))
        noOrigin[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
        XCTAssertNotNil(access.refusal(method: .post, authority: host, headers: noOrigin))

        for origin in ["http://evil.example", "http://127.0.0.1:8081", "null", "https://127.0.0.1:8080"] {
            var h = pageHeaders
            h[.origin] = origin
            XCTAssertNotNil(access.refusal(method: .patch, authority: host, headers: h), origin)
        }
        for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain; charset=utf-8"] {
            var h = pageHeaders
            h[.contentType] = type
            XCTAssertNotNil(access.refusal(method: .post, authority: host, headers: h), type)
        }
        var untyped = pageHeaders
        untyped[.contentType] = nil
        XCTAssertNotNil(access.refusal(method: .delete, authority: host, headers: untyped))
        var picture = pageHeaders
        picture[.contentType] = "application/octet-stream"
        XCTAssertNil(access.refusal(method: .put, authority: host, headers: picture))

        var noToken = pageHeaders
        noToken[PlannerAccess.tokenHeader] = nil
        XCTAssertNotNil(access.refusal(method: .post, authority: host, headers: noToken))
        var wrongToken = pageHeaders
        wrongToken[PlannerAccess.tokenHeader] = String(repeating: "ab", count: 31) + "ac"
        XCTAssertNotNil(access.refusal(method: .post, authority: host, headers: wrongToken))
    }

    func testTokensAreRandomAndLong() {
        let a = PlannerAccess.newToken()
        XCTAssertEqual(a.count, 64)
        XCTAssertTrue(a.allSatisfy(\.isHexDigit))
        XCTAssertNotEqual(a, PlannerAccess.newToken())
    }

    /// Through the router: the refused injected wall does not reach the
    /// plan (the toilet intrusion stays), the page carries its token and may
    /// not be framed, and the page's own requests go through.
    func testTheRouterRefusesForeignChangesAndServesThePage() async throws {
        let planner = try Planner(file: file, profileOption: nil, asOf: PlanBuilder.asOf)
        try await Application(router: PlannerRouter.make(planner, access: .testing)).test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentSecurityPolicy], "frame-ancestors 'none'")
                return String(buffer: r.body)
            }
            XCTAssertTrue(page.contains(#"<meta name="sightline-token" content="\#(PlannerAccess.testing.token)">"#))

            let wall = ByteBuffer(
                string: #"{"kind": "wall", "material": "opaque", "geometry": {"type": "LineString", "coordinates": [[-5, -3], [-5, 3]]}}"#)
            let attacks: [(String, HTTPFields)] = [
                ("a simple text/plain POST", [.contentType: "text/plain", .origin: "http://evil.example"]),
                ("a form POST", [.contentType: "application/x-www-form-urlencoded"]),
                (
                    "JSON with a foreign Origin",
                    [
                        .contentType: "application/json", .origin: "http://evil.example",
                        PlannerAccess.tokenHeader: PlannerAccess.testing.token,
                    ]
                ),
                ("JSON without the token", [.contentType: "application/json", .origin: "http://localhost"]),
            ]
            for (what, headers) in attacks {
                try await client.execute(uri: "/api/features", method: .post, headers: headers, body: wall) { r in
                    XCTAssertEqual(r.status, .forbidden, what)
                    XCTAssertTrue(String(buffer: r.body).contains("error"), what)
                }
                try await client.execute(uri: "/api/cameras/cam1", method: .delete, headers: headers) { r in
                    XCTAssertEqual(r.status, .forbidden, what)
                }
            }
            try await client.execute(uri: "/api/save", method: .post, headers: [.contentType: "text/plain"]) { r in
                XCTAssertEqual(r.status, .forbidden)
            }
            let findings = try await client.execute(uri: "/api/findings", method: .get) {
                try JSONParser.parse(Array($0.body.readableBytesView))
            }
            let intrusion = findings.arrayValue?.compactMap(\.objectValue).first {
                $0["rule"]?.stringValue == "cn-2025/art8-view-intrusion"
            }
            XCTAssertEqual(intrusion?["area"]?.numberValue ?? 0, 6.0, accuracy: 1e-3, "no refused change reached the plan")

            // The page's own change goes through.
            try await PageClient(client).execute(uri: "/api/cameras/cam1", method: .patch, body: ByteBuffer(string: #"{"heading": 100}"#)) {
                r in
                XCTAssertEqual(r.status, .ok)
            }
        }
    }
}
