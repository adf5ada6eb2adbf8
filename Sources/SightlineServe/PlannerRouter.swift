import HTTPTypes
import Hummingbird
import NIOCore
import SightlineJSON
import SightlinePlan

/// The planner's HTTP surface: the page and its assets, and the JSON API
/// documented in `Documentation/SERVE.md`. No path from a request reaches
/// the file system: the routes below are all there is (anything else is
/// 404), and the only file written is the plan the server was started on.
/// Every request passes ``PlannerAccess`` first.
public enum PlannerRouter {
    public static func make(_ planner: Planner, access: PlannerAccess) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: PlannerAccessMiddleware(access: access))
        router.get("/") { _, _ in
            var page = response(
                Array(PlannerPage.html(in: planner.language, token: access.token).utf8), type: "text/html; charset=utf-8")
            // The page holds the token: no other site may frame it.
            page.headers[.contentSecurityPolicy] = "frame-ancestors 'none'"
            page.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
            return page
        }
        router.get("/api/plan") { _, _ in
            await response(planner.planJSON(), etag: planner.etag)
        }
        router.get("/api/findings") { _, _ in
            await response(planner.findingsJSON(), etag: planner.etag)
        }
        router.get("/api/problems") { _, _ in
            await response(planner.problemsJSON(), etag: planner.etag)
        }
        router.get("/api/views") { request, _ in
            let level = request.uri.queryParameters["level"].map(String.init)
            let labels = request.uri.queryParameters["labels"] == "1"
            return await response(planner.viewsJSON(level: level, labels: labels), etag: planner.etag)
        }
        router.get("/api/report.html") { _, _ in
            var r = await response(planner.reportHTML(), type: "text/html; charset=utf-8")
            r.headers[.contentDisposition] = "attachment; filename=\"sightline-report.html\""
            return r
        }
        router.patch("/api/cameras/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await answer { () async throws(PlannerError) in
                let body = try await Self.body(request)
                return try await planner.patchCamera(id, body: body)
            } etag: {
                await planner.etag
            }
        }
        router.get("/api/cameras/:id/fix") { _, context in
            let id = context.parameters.get("id") ?? ""
            return await answer { () async throws(PlannerError) in
                try await planner.fixJSON(id)
            } etag: {
                await planner.etag
            }
        }
        router.post("/api/cameras") { request, _ in
            await answer { () async throws(PlannerError) in
                try await planner.addCamera(body: try await Self.body(request))
            } etag: {
                await planner.etag
            }
        }
        router.delete("/api/cameras/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            return await answer { () async throws(PlannerError) in
                try await planner.deleteCamera(id)
            } etag: {
                await planner.etag
            }
        }
        router.post("/api/features") { request, _ in
            await answer { () async throws(PlannerError) in
                try await planner.addFeature(body: try await Self.body(request))
            } etag: {
                await planner.etag
            }
        }
        router.patch("/api/features/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await answer { () async throws(PlannerError) in
                try await planner.patchFeature(id, body: try await Self.body(request))
            } etag: {
                await planner.etag
            }
        }
        router.delete("/api/features/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            return await answer { () async throws(PlannerError) in
                try await planner.deleteFeature(id)
            } etag: {
                await planner.etag
            }
        }
        router.get("/api/vocabulary") { _, _ in
            await response(planner.vocabularyJSON())
        }
        router.get("/api/backgrounds") { _, _ in
            await response(planner.backgroundsJSON(), etag: planner.etag)
        }
        router.get("/api/background/:level") { _, context in
            let level = context.parameters.get("level") ?? ""
            do throws(PlannerError) {
                let image = try await planner.backgroundImage(level: level)
                return response(image.bytes, type: image.type)
            } catch {
                return response(object([("error", .string(error.message))]), status: HTTPResponse.Status(code: error.status))
            }
        }
        router.put("/api/background/:level") { request, context in
            let level = context.parameters.get("level") ?? ""
            let page = request.uri.queryParameters["page"]
            let name = request.uri.queryParameters["name"].map(String.init)
            return await answer { () async throws(PlannerError) in
                let page = try page.map { (text) throws(PlannerError) in
                    guard let number = Int(text), number >= 1 else {
                        throw PlannerError(400, "page must be a page number (1, 2, …), not `\(text)`")
                    }
                    return number
                }
                let body = try await Self.body(request, limit: Picture.maxBytes)
                return try await planner.setBackground(level: level, body: body, page: page, sourceName: name)
            } etag: {
                await planner.etag
            }
        }
        router.patch("/api/background/:level") { request, context in
            let level = context.parameters.get("level") ?? ""
            return await answer { () async throws(PlannerError) in
                try await planner.placeBackground(level: level, body: try await Self.body(request))
            } etag: {
                await planner.etag
            }
        }
        router.post("/api/save") { request, _ in
            let ifMatch = request.headers[.ifMatch]
            return await answer { () async throws(PlannerError) in
                let etag = try await planner.save(ifMatch: ifMatch)
                return object([("saved", .bool(true)), ("etag", .string(etag))])
            } etag: {
                await planner.etag
            }
        }
        router.post("/api/reload") { _, _ in
            await answer { () async throws(PlannerError) in
                try await planner.reloadKeepingEdits()
            } etag: {
                await planner.etag
            }
        }
        return router
    }

    /// A request body, at most `limit` bytes (``Planner/maxBodyBytes`` but
    /// for pictures).
    static func body(_ request: Request, limit: Int = Planner.maxBodyBytes) async throws(PlannerError) -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            throw PlannerError(413, "the request body is larger than \(limit) bytes")
        }
    }

    static func response(
        _ bytes: [UInt8], type: String = "application/json", status: HTTPResponse.Status = .ok,
        etag: String? = nil
    ) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        if let etag { headers[.eTag] = etag }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Runs an edit; a ``PlannerError`` becomes its status with
    /// `{"error": message}`, never a crash.
    static func answer(_ work: () async throws(PlannerError) -> [UInt8], etag: () async -> String) async -> Response {
        do {
            let bytes = try await work()
            return response(bytes, etag: await etag())
        } catch {
            return response(object([("error", .string(error.message))]), status: HTTPResponse.Status(code: error.status))
        }
    }

    /// A small JSON object of text and flag members, written by the
    /// project's own `JSONWriter` (so its escaping is the reports').
    static func object(_ members: [(String, JSONValue)]) -> [UInt8] {
        var w = JSONWriter(indent: 0)
        w.value(.object(JSONObject(members)))
        return w.bytes
    }
}
