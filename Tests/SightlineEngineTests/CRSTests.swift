import Foundation
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
            if var g = f["geometry"] as? [String: Any], let c = g["coordinates"] { g["coordinates"] = move(c); f["geometry"] = g }
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

    func testWebMercatorIsRefused() {
        var b = PlanBuilder.passageToilet()
        b.plan["crs"] = "EPSG:3857"
        XCTAssertThrowsError(try b.decode()) { error in
            XCTAssertTrue("\(error)".contains("plan.crs: unknown or unsupported CRS `EPSG:3857`: expected local, EPSG:4326"), "\(error)")
        }
    }
}
