import Foundation
import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// Plans in the CRSs Chinese survey drawings use give the answers the same
/// plan gives in local metres.
final class CRSTests: XCTestCase {
    /// The passage-toilet plan moved to Gauss–Krüger coordinates (CGCS2000,
    /// CM 114°E, EPSG:4547): easting 500,000 m, northing 3,300,000 m.
    private func shifted(_ crs: String, by offset: (Double, Double)) throws -> Plan {
        var b = PlanBuilder.passageToilet()
        b.plan["crs"] = crs
        func move(_ value: Any) -> Any {
            if let p = value as? [Double], p.count == 2 { return [p[0] + offset.0, p[1] + offset.1] }
            if let p = value as? [Any] { return p.map(move) }
            return value
        }
        b.features = b.features.map { f in
            var f = f
            if var g = f["geometry"] as? [String: Any], let c = g["coordinates"] {
                g["coordinates"] = move(c)
                f["geometry"] = g
            }
            return f
        }
        return try b.decode()
    }

    func testAGaussKrugerPlanChecksAsTheLocalOne() throws {
        let local = try Engine(prohibited: PlanBuilder.cn2025.prohibitedCategories).analyze(try PlanBuilder.passageToilet().decode())
        let plan = try shifted("EPSG:4547", by: (500_000, 3_300_000))
        XCTAssertEqual(plan.metadata.crs, .projected(epsg: 4547))
        let projected = try Engine(prohibited: PlanBuilder.cn2025.prohibitedCategories).analyze(plan)
        XCTAssertEqual(projected.cameras[0].intrusions.first?.area ?? 0, local.cameras[0].intrusions.first?.area ?? -1, accuracy: 1e-6)
        // Output goes back to the plan's own coordinates.
        let p = plan.frame.toPlan(plan.cameras[0].position)
        XCTAssertEqual(p.x, 500_000 - 8, accuracy: 1e-6)
        XCTAssertEqual(p.y, 3_300_000, accuracy: 1e-6)
    }

    func testCGCS2000GeographicIsReadLikeWGS84() throws {
        var b = PlanBuilder.passageToilet()
        b.plan["crs"] = "EPSG:4490"
        b.features = []
        b.camera("c", at: [114.0, 30.0])
        XCTAssertEqual(try b.decode().metadata.crs, .geographic(epsg: 4490))
    }

    /// Without a coordinate-system library (the decoder alone), codes beyond
    /// the built-in ones are refused, saying so; `check` resolves them
    /// through PROJ (see SightlineImportTests.CoordinateSystemTests).
    func testOtherCodesNeedTheLibrary() {
        var b = PlanBuilder.passageToilet()
        b.plan["crs"] = "EPSG:3857"
        XCTAssertThrowsError(try b.decode()) { error in
            XCTAssertTrue("\(error)".contains("plan.crs: EPSG:3857 needs a coordinate-system library"), "\(error)")
        }
        b.plan["crs"] = "EPSG:WGS84"
        XCTAssertThrowsError(try b.decode()) { error in
            XCTAssertTrue("\(error)".contains("unknown or unsupported CRS `EPSG:WGS84`"), "\(error)")
        }
    }
}

/// A local plan with a georeference keeps its check in metres and places
/// its map output on the Earth.
final class GeoreferenceTests: XCTestCase {
    /// Origin (120°E, 30°N), +y pointing east (rotation 90): a point 10 m
    /// along +y is 10 m east, 10 / 96,486.3 m° = 1.0364e-4° of longitude
    /// (N·cos φ at 30° on WGS 84), with the latitude unchanged; 10 m along
    /// +x is 10 m south: −10 / 110,852.4 = −9.0210e-5° of latitude.
    func testTheFrameRotatesThenProjects() {
        let frame = Georeference(lon: 120, lat: 30, rotation: 90).frame
        let east = frame.toPlan(Point2(0, 10))
        XCTAssertEqual(east.x, 120 + 10 / 96_486.3, accuracy: 1e-9)
        XCTAssertEqual(east.y, 30, accuracy: 1e-12)
        let south = frame.toPlan(Point2(10, 0))
        XCTAssertEqual(south.x, 120, accuracy: 1e-12)
        XCTAssertEqual(south.y, 30 - 10 / 110_852.4, accuracy: 1e-9)
        let back = frame.toLocal(east.x, east.y)
        XCTAssertEqual(back.x, 0, accuracy: 1e-9)
        XCTAssertEqual(back.y, 10, accuracy: 1e-9)
    }

    func testAGeoreferenceIsOnlyForLocalPlans() {
        var b = PlanBuilder.passageToilet()
        b.plan["georeference"] = ["origin": [120, 30], "rotation": 0]
        XCTAssertEqual(try b.decode().metadata.georeference, Georeference(lon: 120, lat: 30, rotation: 0))
        b.plan["crs"] = "EPSG:4326"
        XCTAssertThrowsError(try b.decode())
    }
}
