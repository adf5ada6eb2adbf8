import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// Geometry with answers worked out on paper.
final class ViewRegionTests: XCTestCase {
    /// Rays from (−8, 0) through (0, ±0.6) spread to ±0.9 at x = 4: a
    /// trapezoid with parallel sides 1.2 m and 1.8 m, 4 m apart: 6.0 m².
    func testPassageShowsTrapezoidOfSixSquareMetres() throws {
        let (_, findings) = try PlanBuilder.passageToilet().check()
        let intrusion = try XCTUnwrap(findings.rule("art8-view-intrusion").first)
        XCTAssertEqual(intrusion.zoneID, "wc")
        XCTAssertEqual(intrusion.area ?? 0, 6.0, accuracy: 1e-9)
        // The intruding polygon is that trapezoid.
        let ring = try XCTUnwrap(intrusion.geometry?.first?.shell)
        let xs = ring.map(\.x)
        let ys = ring.map(\.y)
        XCTAssertEqual(xs.min()!, 0, accuracy: 1e-9)
        XCTAssertEqual(xs.max()!, 4, accuracy: 1e-9)
        XCTAssertEqual(ys.max()!, 0.9, accuracy: 1e-9)
        XCTAssertEqual(ys.min()!, -0.9, accuracy: 1e-9)
    }

    func testClosedDoorHidesTheToilet() throws {
        let (analysis, findings) = try PlanBuilder.passageToilet(opening: ["openingType": "door", "state": "closed"]).check()
        XCTAssertTrue(findings.isEmpty)
        XCTAssertTrue(analysis.cameras[0].intrusions.isEmpty)
    }

    func testOpenDoorByDefaultShowsTheToilet() throws {
        let (_, findings) = try PlanBuilder.passageToilet(opening: ["openingType": "door"]).check()
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, 6.0, accuracy: 1e-9)
    }

    func testWindowShowsUnlessFrosted() throws {
        let (_, clear) = try PlanBuilder.passageToilet(opening: ["openingType": "window"]).check()
        XCTAssertEqual(clear.rule("art8-view-intrusion").first?.area ?? 0, 6.0, accuracy: 1e-9)
        let (_, frosted) = try PlanBuilder.passageToilet(opening: ["openingType": "window", "transparent": false]).check()
        XCTAssertTrue(frosted.isEmpty)
    }

    /// With range 10 the view behind the passage is the sector of radius 10
    /// between the rays through (0, ±0.6), minus the triangle in front of
    /// the wall: 100·atan(0.075) − ½·8·1.2 = 2.6859 m².
    func testRangeCutsTheView() throws {
        let expected = 100 * atan(0.075) - 4.8
        let (_, findings) = try PlanBuilder.passageToilet(camera: ["range": 10]).check()
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, expected, accuracy: 1e-3)
    }

    /// Tilting down until the top edge of the field meets the floor 10 m
    /// away (tilt = vfov/2 + atan(2.5/10)) gives the same 10 m far limit.
    func testTiltCutsTheViewWhereTheFormulaSays() throws {
        let tilt = 10 + atan(2.5 / 10) * 180 / .pi
        let (analysis, findings) = try PlanBuilder.passageToilet(camera: ["tilt": tilt, "vfov": 20]).check()
        XCTAssertEqual(analysis.cameras[0].optics.farLimit, 10, accuracy: 1e-9)
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, 100 * atan(0.075) - 4.8, accuracy: 1e-3)
        // Steeper still: the far limit falls short of the wall and the toilet is clear.
        let (_, clear) = try PlanBuilder.passageToilet(camera: ["tilt": 40, "vfov": 20]).check()
        XCTAssertTrue(clear.isEmpty)
    }

    /// Lens 2.5 m, band top 2.0 m, tilt 45°, vfov 30°: the field spans
    /// elevations −60°…−30°, so near = 0.5/tan 60° and far = 2.5/tan 30°.
    func testDistanceBandFormulas() {
        let band = CameraOptics.distanceBand(mountHeight: 2.5, personHeight: 2, elevationLow: -60, elevationHigh: -30)
        XCTAssertEqual(band.near, 0.5 / tan(.pi / 3), accuracy: 1e-12)
        XCTAssertEqual(band.far, 2.5 / tan(.pi / 6), accuracy: 1e-12)
    }

    func testMillimetrePlanGivesTheSameArea() throws {
        var b = PlanBuilder.passageToilet()
        b.plan["units"] = "mm"
        b.features = b.features.map { scaleCoordinates($0, by: 1000) }
        let (_, findings) = try b.check()
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, 6.0, accuracy: 0.06)
    }

    /// The same plan placed in Hangzhou in lon/lat (metres converted with a
    /// spherical Earth, independent of the engine's ellipsoidal projection).
    func testGeographicPlanGivesTheSameAreaWithinOnePercent() throws {
        var b = PlanBuilder.passageToilet()
        b.plan["crs"] = "EPSG:4326"
        let lat0 = 30.25
        let lon0 = 120.15
        let r = 6_371_008.8
        b.features = b.features.map { feature in
            mapCoordinates(feature) { x, y in
                [lon0 + x / (r * cos(lat0 * .pi / 180)) * 180 / .pi, lat0 + y / r * 180 / .pi]
            }
        }
        let (_, findings) = try b.check()
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, 6.0, accuracy: 0.06)
    }

    func testCameraInsideToiletIsAnError() throws {
        var b = PlanBuilder.passageToilet()
        b.camera("cam-wc", at: [2, 2], ["heading": 180])
        let (_, findings) = try b.check()
        let inside = findings.rule("art8-camera-inside")
        XCTAssertEqual(inside.map(\.cameraID), ["cam-wc"])
        XCTAssertEqual(inside.first?.citation.reference, "Art. 8 ¶1 (iii); Art. 8 ¶2")
        XCTAssertEqual(inside.first?.furtherConsequences.map(\.article), ["Art. 27 ¶2"], "the operator's duty to inspect")
        XCTAssertEqual(
            findings.rule("art8-view-intrusion").map(\.cameraID), ["cam1"],
            "one installation, one Art. 8 liability: no view-intrusion into the zone it stands in")
    }

    /// A camera on the toilet's front wall: facing west it sees nothing of
    /// the toilet behind it; facing east it stands on the toilet's edge
    /// looking in, which the spec counts as inside.
    func testCameraOnAWallSeesOnlyItsOwnSide() throws {
        var west = PlanBuilder.passageToilet()
        west.features.removeAll { ($0["id"] as? String) == "cam1" }
        west.camera("cam-w", at: [0, 3], ["heading": 270, "hfov": 170])
        let (analysis, findings) = try west.check()
        XCTAssertTrue(findings.isEmpty, "\(findings.map(\.message))")
        XCTAssertGreaterThan(analysis.cameras[0].viewArea, 100)

        var east = west
        east.features.removeAll { ($0["id"] as? String) == "cam-w" }
        east.camera("cam-e", at: [0, 3], ["heading": 90, "hfov": 170])
        let (_, eastFindings) = try east.check()
        XCTAssertEqual(eastFindings.rule("art8-camera-inside").count, 1)
    }

    /// A 0.2 m thick wall (line with thickness): the passage is cut through
    /// its full thickness, and the jambs narrow the view: rays from (−8, 0)
    /// through the far jamb corners (0.1, ±0.6) reach ±0.6·12/8.1 at x = 4,
    /// while the near corners (−0.1, ±0.6) do not bind. Inside the toilet
    /// (x from 0.1, the wall's face, to 4): a trapezoid between the rays.
    func testThickWallNarrowsTheDoorway() throws {
        var b = PlanBuilder()
        b.wall("w-front", [[0, -5], [0, 5]], ["thickness": 0.2])
        b.wall("w-back", [[4, -5], [4, 5]])
        b.opening("p1", "passage", [[0, -0.6], [0, 0.6]])
        b.zone("wc", "toilet", [[0.1, -5], [4, -5], [4, 5], [0.1, 5]])
        b.camera("cam1", at: [-8, 0], ["heading": 90, "hfov": 90])
        let (_, findings) = try b.check()
        let half = { (x: Double) in 0.6 * (x + 8) / 8.1 }
        let expected = (half(0.1) + half(4)) * (4 - 0.1)
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, expected, accuracy: 1e-9)
    }

    /// A fisheye in the middle of a closed 10 × 10 room sees the whole room.
    func testFisheyeSeesTheWholeRoom() throws {
        var b = PlanBuilder()
        b.wall("room", [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]])
        b.camera("fish", at: [5, 5], ["type": "fisheye", "mountHeight": 3])
        let (analysis, _) = try b.check()
        XCTAssertEqual(analysis.cameras[0].viewArea, 100, accuracy: 1e-9)
    }
}

private func mapCoordinates(_ feature: [String: Any], _ f: (Double, Double) -> [Double]) -> [String: Any] {
    func walk(_ v: Any) -> Any {
        if let pair = v as? [Double], pair.count == 2 { return f(pair[0], pair[1]) }
        if let pair = v as? [Int], pair.count == 2 { return f(Double(pair[0]), Double(pair[1])) }
        if let list = v as? [Any] {
            if list.count == 2, let x = (list[0] as? NSNumber)?.doubleValue, let y = (list[1] as? NSNumber)?.doubleValue {
                return f(x, y)
            }
            return list.map(walk)
        }
        return v
    }
    var out = feature
    if var g = feature["geometry"] as? [String: Any], let c = g["coordinates"] {
        g["coordinates"] = walk(c)
        out["geometry"] = g
    }
    return out
}

private func scaleCoordinates(_ feature: [String: Any], by k: Double) -> [String: Any] {
    mapCoordinates(feature) { x, y in [x * k, y * k] }
}

final class RepairTests: XCTestCase {
    /// A bow-tie toilet (self-intersecting ring) is repaired with
    /// GEOSMakeValid, reported as a warning naming the feature, and checked.
    func testSelfIntersectingZoneIsRepairedWithAWarning() throws {
        var b = PlanBuilder.passageToilet()
        b.features.removeAll { ($0["id"] as? String) == "wc" }
        b.zone("wc", "toilet", [[0, -5], [4, 5], [4, -5], [0, 5]])
        let (analysis, findings) = try b.check()
        let warning = try XCTUnwrap(analysis.problems.first { $0.feature == "wc" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("repaired with GEOSMakeValid"), warning.message)
        XCTAssertTrue(warning.message.contains("Self-intersection"), warning.message)
        // The repaired bow-tie is two triangles meeting at (2, 0): the view
        // through the passage still enters them.
        XCTAssertFalse(findings.rule("art8-view-intrusion").isEmpty)
    }
}
