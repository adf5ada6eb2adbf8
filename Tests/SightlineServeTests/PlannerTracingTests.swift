import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SightlineIO
import SightlineImport
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

@testable import SightlineServe

/// Tracing a plan in the planner, with no CAD: a new, empty plan, walls,
/// an opening and a zone drawn through the API (each re-checked as drawn),
/// a background picture uploaded (PNG, or a PDF page through poppler),
/// scaled from two points, saved next to the plan and reopened aligned.
final class PlannerTracingTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("trace") }
    override func tearDownWithError() throws { folder.remove() }

    private static let fixtures = CLI.packageRoot.appendingPathComponent("Fixtures/serve")

    private static func json(_ buffer: ByteBuffer) throws -> JSONValue { try JSONParser.parse(Array(buffer.readableBytesView)) }
    private static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    private static func toiletIntrusion(_ findings: JSONValue) -> Double? {
        let areas = (findings.arrayValue ?? []).compactMap(\.objectValue)
            .filter { $0["rule"]?.stringValue == "cn-2025/art8-view-intrusion" }.compactMap { $0["area"]?.numberValue }
        return areas.isEmpty ? nil : areas.reduce(0, +)
    }

    /// From nothing to the spec's passage example, one drawn feature at a
    /// time. A camera at (−8, 0) looking east (hfov 90°, range 30 m) and a
    /// 4 × 10 m toilet from x = 0 to 4: with no wall, all of it is in view
    /// (the wedge is 2·8 = 16 m wide at x = 0, the far corner 13 m away),
    /// 40 m². A wall along x = 0 from y = −5 to 5 hides it all (0). A 1.2 m
    /// passage in that wall: the light through it widens to 1.2·(8 + x)/8,
    /// ∫₀⁴ = 6.0 m². Removing the passage: hidden again.
    func testDrawingWallsOpeningsAndZonesOnANewPlanIsCheckedAsDrawn() async throws {
        let file = folder.url.appendingPathComponent("traced.json").path
        let planner = try Planner(file: file, new: true, profileOption: nil, asOf: PlanBuilder.asOf)
        XCTAssertEqual(planner.file, file)
        try await Application(router: PlannerRouter.make(planner, access: .testing)).test(.router) { raw in
            let client = PageClient(raw)
            try await client.execute(
                uri: "/api/cameras", method: .post,
                body: Self.body(#"{"id": "cam1", "position": [-8, 0], "heading": 90, "hfov": 90, "mountHeight": 2.5}"#)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            }
            try await client.execute(
                uri: "/api/features", method: .post,
                body: Self.body(
                    """
                    {"id": "wc", "kind": "zone", "category": "toilet", "name": "卫生间",
                     "geometry": {"type": "Polygon", "coordinates": [[[0, -5], [4, -5], [4, 5], [0, 5], [0, -5]]]}}
                    """)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let answer = try Self.json(r.body).objectValue
                XCTAssertEqual(answer?["id"]?.stringValue, "wc")
                XCTAssertEqual(Self.toiletIntrusion(answer?["findings"] ?? .null) ?? 0, 40, accuracy: 1e-3)
            }
            let wall = try await client.execute(
                uri: "/api/features", method: .post,
                body: Self.body(
                    """
                    {"kind": "wall", "material": "opaque", "geometry": {"type": "LineString", "coordinates": [[0, -5], [0, 5]]}}
                    """)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let answer = try Self.json(r.body).objectValue
                XCTAssertNil(Self.toiletIntrusion(answer?["findings"] ?? .null))
                return answer?["id"]?.stringValue ?? ""
            }
            XCTAssertEqual(wall, "wall-new-1", "a made-up id")
            try await client.execute(
                uri: "/api/features", method: .post,
                body: Self.body(
                    """
                    {"id": "p1", "kind": "opening", "openingType": "passage",
                     "geometry": {"type": "LineString", "coordinates": [[0, -0.6], [0, 0.6]]}}
                    """)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                XCTAssertEqual(Self.toiletIntrusion(try Self.json(r.body).objectValue?["findings"] ?? .null) ?? 0, 6.0, accuracy: 1e-3)
            }
            // A door there instead, closed: hidden; opened: the 6.0 m² again.
            try await client.execute(
                uri: "/api/features/p1", method: .patch, body: Self.body(#"{"openingType": "door", "state": "closed"}"#)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                XCTAssertNil(Self.toiletIntrusion(try Self.json(r.body)))
            }
            try await client.execute(uri: "/api/features/p1", method: .patch, body: Self.body(#"{"state": "open"}"#)) { r in
                XCTAssertEqual(Self.toiletIntrusion(try Self.json(r.body)) ?? 0, 6.0, accuracy: 1e-3)
            }
            try await client.execute(uri: "/api/features/p1", method: .delete) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNil(Self.toiletIntrusion(try Self.json(r.body)))
            }
            // What `check` refuses, the planner refuses with its message.
            try await client.execute(
                uri: "/api/features", method: .post,
                body: Self.body(
                    """
                    {"kind": "zone", "category": "toliet", "geometry": {"type": "Polygon", "coordinates": [[[5, 5], [6, 5], [6, 6], [5, 5]]]}}
                    """)
            ) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue(String(buffer: r.body).contains("did you mean `toilet`"), String(buffer: r.body))
            }
            try await client.execute(
                uri: "/api/features", method: .post,
                body: Self.body(
                    """
                    {"kind": "opening", "openingType": "door", "geometry": {"type": "LineString", "coordinates": [[10, 10], [11, 10]]}}
                    """)
            ) { r in
                XCTAssertEqual(r.status, .badRequest, String(buffer: r.body))
            }
            try await client.execute(uri: "/api/features/nothing", method: .delete) { r in XCTAssertEqual(r.status, .notFound) }
            try await client.execute(uri: "/api/features/cam1", method: .patch, body: Self.body("{}")) { r in
                XCTAssertEqual(r.status, .notFound)
            }
            // Save creates the file: exactly what was drawn.
            let etag = try await client.execute(uri: "/api/plan", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: etag]) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            }
        }
        let saved = try PlanDecoder.decode(contentsOf: file)
        XCTAssertEqual(saved.zones.map(\.info.id), ["wc"])
        XCTAssertEqual(saved.walls.map(\.info.id), ["wall-new-1"])
        XCTAssertEqual(saved.cameras.map(\.id), ["cam1"])
        XCTAssertTrue(saved.openings.isEmpty)
        // A second `--new` on the file refuses to start over it.
        XCTAssertThrowsError(try Planner(file: file, new: true, profileOption: nil, asOf: PlanBuilder.asOf)) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
    }

    /// The 400 × 300 px scan placed at 2 cm a pixel has its top-left corner
    /// at (0, 300 · 0.02) = (0, 6). Two points clicked 2 m apart on it,
    /// (1, 5) and (3, 5), are said to be 5 m apart: k = 2.5, the pixel size
    /// 0.05 m, and (1, 5) stays put, so the corner moves to
    /// (1, 5) − ((1, 5) − (0, 6)) · 2.5 = (−1.5, 7.5).
    func testABackgroundIsUploadedScaledFromTwoPointsSavedAndReopenedAligned() async throws {
        let file = folder.url.appendingPathComponent("scan.json").path
        let png = try Data(contentsOf: Self.fixtures.appendingPathComponent("floor-scan.png"))
        let planner = try Planner(file: file, new: true, profileOption: nil, asOf: PlanBuilder.asOf)
        try await Application(router: PlannerRouter.make(planner, access: .testing)).test(.router) { raw in
            let client = PageClient(raw)
            try await client.execute(uri: "/api/background/L1?name=floor-scan.png", method: .put, body: ByteBuffer(bytes: png)) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let b = try Self.json(r.body).arrayValue?.first?.objectValue
                XCTAssertEqual(b?["width"]?.numberValue, 400)
                XCTAssertEqual(b?["height"]?.numberValue, 300)
                XCTAssertEqual(b?["pixelSize"]?.numberValue ?? 0, 0.02, accuracy: 1e-12)
                XCTAssertEqual(b?["origin"]?.numbersValue ?? [], [0, 6])
            }
            try await client.execute(
                uri: "/api/background/L1", method: .patch,
                body: Self.body(#"{"calibrate": {"from": [1, 5], "to": [3, 5], "metres": 5}}"#)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let b = try Self.json(r.body).arrayValue?.first?.objectValue
                XCTAssertEqual(b?["pixelSize"]?.numberValue ?? 0, 0.05, accuracy: 1e-12)
                let origin = b?["origin"]?.numbersValue ?? []
                XCTAssertEqual(origin.count, 2)
                XCTAssertEqual(origin.first ?? 0, -1.5, accuracy: 1e-9)
                XCTAssertEqual(origin.last ?? 0, 7.5, accuracy: 1e-9)
            }
            try await client.execute(uri: "/api/background/L1", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "image/png")
                XCTAssertEqual(Data(r.body.readableBytesView), png)
            }
            try await client.execute(uri: "/api/background/L9", method: .get) { r in XCTAssertEqual(r.status, .notFound) }
            try await client.execute(uri: "/api/background/L1", method: .put, body: Self.body("not a picture")) { r in
                XCTAssertEqual(r.status, .unsupportedMediaType)
            }
            try await client.execute(
                uri: "/api/background/L1", method: .patch,
                body: Self.body(#"{"calibrate": {"from": [1, 5], "to": [1, 5], "metres": 5}}"#)
            ) { r in
                XCTAssertEqual(r.status, .badRequest)
            }
            let etag = try await client.execute(uri: "/api/plan", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: etag]) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            }
        }
        // Saved: the picture next to the plan, and the plan says where it lies.
        let image = folder.url.appendingPathComponent("scan.L1.background.png")
        XCTAssertEqual(try Data(contentsOf: image), png)
        let plan = try PlanDecoder.decode(contentsOf: file)
        XCTAssertEqual(
            plan.metadata.backgrounds,
            [
                PlanBackground(
                    level: "L1", image: "scan.L1.background.png",
                    origin: .init(-1.5, 7.5), pixelSize: 0.05,
                    source: "floor-scan.png")
            ])
        // Reopened: the same placement, the picture served from the folder.
        let reopened = try Planner(file: file, profileOption: nil, asOf: PlanBuilder.asOf)
        try await Application(router: PlannerRouter.make(reopened, access: .testing)).test(.router) { raw in
            let client = PageClient(raw)
            try await client.execute(uri: "/api/backgrounds", method: .get) { r in
                let b = try Self.json(r.body).arrayValue?.first?.objectValue
                XCTAssertEqual(b?["width"]?.numberValue, 400)
                XCTAssertEqual(b?["pixelSize"]?.numberValue ?? 0, 0.05, accuracy: 1e-12)
            }
            try await client.execute(uri: "/api/background/L1", method: .get) { r in
                XCTAssertEqual(Data(r.body.readableBytesView), png)
            }
        }
    }

    /// A PDF page (288 × 216 pt) rasterised at 150 dpi is 600 × 450 px.
    func testAPDFPageIsRasterisedWithPoppler() async throws {
        try XCTSkipUnless(Executable.find("pdftoppm") != nil, "poppler-utils is not installed")
        let pdf = try Data(contentsOf: Self.fixtures.appendingPathComponent("floor-scan.pdf"))
        let planner = try Planner(
            file: folder.url.appendingPathComponent("pdf.json").path, new: true, profileOption: nil,
            asOf: PlanBuilder.asOf)
        try await Application(router: PlannerRouter.make(planner, access: .testing)).test(.router) { raw in
            let client = PageClient(raw)
            try await client.execute(uri: "/api/background/L1?page=1&name=floor-scan.pdf", method: .put, body: ByteBuffer(bytes: pdf)) {
                r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let b = try Self.json(r.body).arrayValue?.first?.objectValue
                XCTAssertEqual(b?["width"]?.numberValue, 600)
                XCTAssertEqual(b?["height"]?.numberValue, 450)
                XCTAssertEqual(b?["page"]?.numberValue, 1)
                XCTAssertEqual(b?["image"]?.stringValue, "pdf.L1.background.png")
            }
            try await client.execute(uri: "/api/background/L1?page=7", method: .put, body: ByteBuffer(bytes: pdf)) { r in
                XCTAssertEqual(r.status, .badRequest, String(buffer: r.body))
            }
            // Not a page number: refused, not page 1 rasterised silently.
            for page in ["abc", "0", "-2", "1.5"] {
                try await client.execute(uri: "/api/background/L1?page=\(page)", method: .put, body: ByteBuffer(bytes: pdf)) { r in
                    XCTAssertEqual(r.status, .badRequest, page)
                    XCTAssertTrue(String(buffer: r.body).contains("page must be a page number"), String(buffer: r.body))
                }
            }
        }
    }

    /// A PDF that pdftoppm cannot finish in time (here: a stand-in that
    /// ignores SIGTERM and never ends) is given up after the time limit,
    /// the helper killed, and the planner goes on answering.
    func testAPDFThatHangsTheRasteriserIsGivenUp() throws {
        let bin = folder.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("pdftoppm")
        try Data("#!/bin/sh\ntrap '' TERM\nwhile :; do sleep 1; done\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let started = Date()
        XCTAssertThrowsError(
            try Picture.rasterise(pdf: Array("%PDF-1.4".utf8), page: 1, timeout: 0.5, tool: fake.path)
        ) { error in
            XCTAssertEqual((error as? PlannerError)?.status, 422)
            XCTAssertTrue("\(error)".contains("not rasterised within"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    /// A DXF drawing is imported on load and saved as a new plan beside it;
    /// a plan already there is never overwritten by an import.
    func testADrawingIsImportedOnLoadAndSavedAsANewPlan() async throws {
        let dxf = folder.url.appendingPathComponent("tarch-floor.dxf")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Fixtures/import/tarch-floor.dxf"), to: dxf)
        let planner = try Planner(file: dxf.path, profileOption: nil, asOf: PlanBuilder.asOf)
        let target = folder.url.appendingPathComponent("tarch-floor.json").path
        XCTAssertEqual(planner.file, target)
        try await Application(router: PlannerRouter.make(planner, access: .testing)).test(.router) { raw in
            let client = PageClient(raw)
            let plan = try await client.execute(uri: "/api/plan", method: .get) { try Self.json($0.body) }
            XCTAssertFalse(plan.objectValue?["features"]?.arrayValue?.isEmpty ?? true)
            let etag = try await client.execute(uri: "/api/plan", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: etag]) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            }
        }
        XCTAssertNoThrow(try PlanDecoder.decode(contentsOf: target))
        XCTAssertThrowsError(try Planner(file: dxf.path, profileOption: nil, asOf: PlanBuilder.asOf)) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
    }

    /// `serve --map`: a drawing the built-in mapping cannot read (a real
    /// QCAD outline on layer `0`) opens once the mapping names its layer.
    func testADrawingOpensWithTheMappingItNeeds() throws {
        let dxf = folder.url.appendingPathComponent("outline.dxf")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Fixtures/real/dxf/qcad-floor_plan.dxf"), to: dxf)
        XCTAssertThrowsError(try Planner(file: dxf.path, profileOption: nil, asOf: PlanBuilder.asOf)) { error in
            XCTAssertTrue("\(error)".contains("--map FILE"), "\(error)")
        }
        let yaml = folder.url.appendingPathComponent("outline.yaml").path
        try Data("layers:\n  \"0\": wall\n".utf8).write(to: URL(fileURLWithPath: yaml))
        let options = DrawingOptions(units: .m, mapping: try DXFLayerMapping.load(yamlFile: yaml))
        let planner = try Planner(file: dxf.path, profileOption: nil, asOf: PlanBuilder.asOf, drawing: options)
        XCTAssertEqual(planner.file, folder.url.appendingPathComponent("outline.json").path)
    }

    /// A plan naming a background outside its folder is an input error.
    func testABackgroundOutsideThePlansFolderIsRefused() throws {
        for name in ["../secret.png", "/etc/passwd", "a/../../b.png", "scan.svg", "C:\\\\x.png"] {
            let json = """
                {"type": "FeatureCollection", "plan": {"background": {"image": "\(name)", "origin": [0, 0], "pixelSize": 0.01}},
                 "features": []}
                """
            XCTAssertThrowsError(try PlanDecoder.decode(bytes: Array(json.utf8), file: "p.json"), name) { error in
                XCTAssertTrue("\(error)".contains("plan.background.image"), "\(error)")
            }
        }
    }

    /// `GET /api/views?level=` gives that level's cameras only (what the page
    /// draws); without it, every level's.
    func testViewsCanBeAskedForOneLevel() async throws {
        var b = PlanBuilder()
        b.plan["levels"] = [["id": "L1"], ["id": "L2", "elevation": 3.5]]
        b.camera("cam-a", at: [0, 0], ["level": "L1"])
        b.camera("cam-b", at: [0, 0], ["level": "L2"])
        let file = try folder.write(b, "two.json")
        let planner = try Planner(file: file, profileOption: nil, asOf: PlanBuilder.asOf)
        try await Application(router: PlannerRouter.make(planner, access: .testing)).test(.router) { raw in
            let client = PageClient(raw)
            let one = try await client.execute(uri: "/api/views?level=L2", method: .get) { try Self.json($0.body) }
            XCTAssertEqual(one.arrayValue?.compactMap { $0.objectValue?["camera"]?.stringValue }, ["cam-b"])
            let all = try await client.execute(uri: "/api/views", method: .get) { try Self.json($0.body) }
            XCTAssertEqual(all.arrayValue?.compactMap { $0.objectValue?["camera"]?.stringValue }, ["cam-a", "cam-b"])
        }
    }
}
