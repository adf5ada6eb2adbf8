import Foundation
import PlanarGeometry
import SightlineImport
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

/// Any CRS PROJ knows, through GDAL's OSR, with the projection's scale
/// corrected so areas are ground areas.
final class CoordinateSystemTests: XCTestCase {
    func testGaussKrugerOnItsCentralMeridianHasScaleOne() {
        // CGCS2000 / 3-degree GK CM 114E: k0 = 1 on the central meridian.
        guard
            case .projected(let k) = PlanCoordinateSystems.resolver(
                4547, Box(minX: 499_990, minY: 3_299_990, maxX: 500_010, maxY: 3_300_010))
        else {
            return XCTFail("EPSG:4547 is projected")
        }
        XCTAssertEqual(k, 1, accuracy: 1e-4)
    }

    /// Web Mercator at 30°N (y = a·ln tan 60° = 3,503,549.8): a unit east is
    /// N·cos φ/a = 0.86675 ground metres, north M·cos φ/a = 0.86239; the
    /// import uses their mean, 0.86457.
    func testWebMercatorIsCorrectedForItsScale() {
        let box = Box(minX: 13_358_300, minY: 3_503_500, maxX: 13_358_400, maxY: 3_503_600)
        guard case .projected(let k) = PlanCoordinateSystems.resolver(3857, box) else { return XCTFail("EPSG:3857 is projected") }
        XCTAssertEqual(k, 0.86457, accuracy: 5e-4)
        // Spanning 10° of latitude, the scale varies far beyond 0.5 %: refused.
        let tall = Box(minX: 13_358_300, minY: 3_503_500, maxX: 13_358_400, maxY: 4_700_000)
        guard case .refused(let why) = PlanCoordinateSystems.resolver(3857, tall) else { return XCTFail("a plan 1,200 km tall is refused") }
        XCTAssertTrue(why.contains("scale varies"), why)
    }

    func testUnknownCodesAreRefused() {
        guard case .refused(let why) = PlanCoordinateSystems.resolver(99_999, Box(minX: 0, minY: 0, maxX: 1, maxY: 1)) else {
            return XCTFail()
        }
        XCTAssertEqual(why, "PROJ does not know this code")
        XCTAssertEqual(PlanCoordinateSystems.resolver(4490, Box(minX: 114, minY: 30, maxX: 114.001, maxY: 30.001)), .geographic)
    }

    /// The passage-toilet plan drawn in Web Mercator (local metres divided by
    /// the scale, about 120°E 30°N) gives the local plan's intrusion area to
    /// within the scale's variation across 20 m (well under 0.1 %).
    func testAWebMercatorPlanChecksLikeTheLocalOne() throws {
        let local = try CLI.run(["check", "Fixtures/passage-toilet.json", "--format", "json", "--as-of", "2026-01-15"])
        func area(_ text: String) throws -> Double {
            let report = try XCTUnwrap(try JSONParser.parse(Array(text.utf8)).objectValue)
            return try XCTUnwrap(
                report["findings"]?.arrayValue?.compactMap(\.objectValue).first {
                    $0["rule"]?.stringValue == "cn-2025/art8-view-intrusion"
                }?["area"]?.numberValue)
        }
        let expected = try area(local.stdout)
        func move(_ v: JSONValue) -> JSONValue {
            if let n = v.arrayValue?.compactMap(\.numberValue), n.count >= 2, v.arrayValue?.count == n.count {
                return .numbers([13_358_338.9 + n[0] / 0.86457, 3_503_549.8 + n[1] / 0.86457])
            }
            if let a = v.arrayValue { return .array(a.map(move)) }
            return v
        }
        let r = try checkPassagePlan(
            format: "json", plan: { $0["crs"] = .string("EPSG:3857") },
            features: { features in
                for i in features.indices {
                    guard var f = features[i].objectValue, var g = f["geometry"]?.objectValue, let c = g["coordinates"] else { continue }
                    g["coordinates"] = move(c)
                    f["geometry"] = .object(g)
                    features[i] = .object(f)
                }
            })
        XCTAssertNotEqual(r.status, 2, r.stderr)
        XCTAssertEqual(try area(r.stdout), expected, accuracy: expected * 0.002)
    }

    /// A local plan placed by a Gauss–Krüger point: the GeoJSON report is in
    /// EPSG:4547, the camera of the passage plan at local (−8, 0) lands 8 m
    /// west of the origin (scale 1 on the central meridian).
    func testAGeoreferenceByAProjectedPoint() throws {
        let r = try checkPassagePlan(
            format: "geojson",
            plan: {
                $0["georeference"] = .object(
                    JSONObject([("crs", .string("EPSG:4547")), ("origin", .numbers([500_000, 3_300_000])), ("rotation", .number(0))]))
            })
        XCTAssertNotEqual(r.status, 2, r.stderr)
        let report = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue)
        XCTAssertEqual(report["sightline"]?.objectValue?["crs"]?.stringValue, "EPSG:4547")
        let camera = try XCTUnwrap(
            report["features"]?.arrayValue?.compactMap(\.objectValue).first {
                $0["geometry"]?.objectValue?["type"]?.stringValue == "Point"
            })
        let xy = camera["geometry"]?.objectValue?["coordinates"]?.arrayValue?.compactMap(\.numberValue) ?? []
        XCTAssertEqual(xy.first ?? 0, 500_000 - 8, accuracy: 0.01)
        XCTAssertEqual(xy.last ?? 0, 3_300_000, accuracy: 0.01)
    }

    /// `sightline check` of a copy of `Fixtures/passage-toilet.json` with its
    /// `plan` member and features edited.
    private func checkPassagePlan(
        format: String, plan edit: (inout JSONObject) -> Void,
        features editFeatures: (inout [JSONValue]) -> Void = { _ in }
    ) throws -> CLI.Result {
        let bytes = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Fixtures/passage-toilet.json"))
        var root = try XCTUnwrap(try JSONParser.parse([UInt8](bytes)).objectValue)
        var plan = root["plan"]?.objectValue ?? JSONObject()
        edit(&plan)
        root["plan"] = .object(plan)
        var features = root["features"]?.arrayValue ?? []
        editFeatures(&features)
        root["features"] = .array(features)
        var w = JSONWriter()
        w.value(.object(root))
        let folder = try ScratchFolder("crs")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("plan.json").path
        try w.string.write(toFile: path, atomically: true, encoding: .utf8)
        return try CLI.run(["check", path, "--format", format, "--as-of", "2026-01-15"])
    }
}
