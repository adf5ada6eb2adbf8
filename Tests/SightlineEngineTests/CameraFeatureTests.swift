import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// Issue 4's camera features, each against numbers worked out by hand.
final class CameraFeatureTests: XCTestCase {
    /// The passage (y from −0.6 to 0.6 on x = 0) seen from (−8, 0): bearings
    /// 90° ± atan(0.6/8) = 90° ± 4.289°.
    let passageHalfAngle = atan(0.6 / 8) * 180 / .pi

    // MARK: Lenses and pixel density

    /// 1/2.8" (5.37 mm wide), 2.8 mm: HFOV = 2·atan(5.37/5.6) = 87.6°; at
    /// 1920 px the density is 1920/(2·d·tan 43.8°) = 1001/d px/m, so
    /// identify/recognise/observe/detect reach 4/8/16/40 m.
    func testLensAndDORIDistances() throws {
        let (analysis, _) = try PlanBuilder.passageToilet(camera: [
            "hfov": NSNull(), "lens": ["focalLength": [2.8, 12], "sensorFormat": "1/2.8\""], "resolution": [1920, 1080],
        ]).check()
        let optics = analysis.cameras[0].optics
        XCTAssertEqual(optics.hfov, 87.6, accuracy: 0.05)
        XCTAssertEqual(optics.vfov, 2 * atan(3.02 / 5.6) * 180 / .pi, accuracy: 1e-9)
        let dori = Dictionary(uniqueKeysWithValues: try XCTUnwrap(optics.density).doriDistances.map { ($0.level, $0.distance) })
        XCTAssertEqual(dori[.identify] ?? 0, 4.0, accuracy: 0.02)
        XCTAssertEqual(dori[.recognize] ?? 0, 8.0, accuracy: 0.03)
        XCTAssertEqual(dori[.observe] ?? 0, 16.0, accuracy: 0.05)
        XCTAssertEqual(dori[.detect] ?? 0, 40.0, accuracy: 0.1)
        XCTAssertEqual(optics.range, dori[.detect] ?? 0, accuracy: 1e-9, "default range is the detect distance")
    }

    /// hfov 90°, 1920 px: 1920/(2·d) px/m; the nearest intruding point is the
    /// passage, 8 m away: 120 px/m, which is "observe" (62.5 ≤ 120 < 125).
    func testIntrusionReportsItsHighestDensity() throws {
        let (_, findings) = try PlanBuilder.passageToilet(camera: ["resolution": [1920, 1080]]).check()
        let f = try XCTUnwrap(findings.rule("art8-view-intrusion").first)
        XCTAssertEqual(f.distance ?? 0, 8, accuracy: 1e-9)
        XCTAssertEqual(f.pixelDensity ?? 0, 120, accuracy: 1e-6)
        XCTAssertEqual(f.dori, "observe")
    }

    /// Equidistant fisheye, 2048 px image circle over 180°: k = 2048/π px/rad.
    /// Lens 3 m, band top 2 m, d = 1 m: θ = atan2(1, 1) = π/4, so
    /// k·θ/d = 512 px/m.
    func testFisheyeDensityFallsOffEquidistantly() {
        let density = PixelDensity(projection: .fisheye(circlePixels: 2048, lensHeight: 3, targetHeight: 2))
        XCTAssertEqual(density.at(1), 512, accuracy: 1e-9)
        let identify = density.distance(reaching: 250)
        XCTAssertEqual(density.at(identify), 250, accuracy: 0.5)
        XCTAssertGreaterThan(identify, 1)
    }

    // MARK: PTZ

    func testPTZThatCanPanToTheDoorwayIntrudes() throws {
        // Pan 100°…260° with a 60° lens reaches bearings 70°…290°, the passage included.
        let (_, reaches) = try PlanBuilder.passageToilet(camera: [
            "type": "ptz", "hfov": 60, "ptz": ["panMin": 100, "panMax": 260],
        ]).check()
        XCTAssertEqual(reaches.rule("art8-view-intrusion").first?.area ?? 0, 6.0, accuracy: 1e-9)
        // Pan 150°…300° reaches 120°…330°: never the passage.
        let (_, away) = try PlanBuilder.passageToilet(camera: [
            "type": "ptz", "hfov": 60, "ptz": ["panMin": 150, "panMax": 300],
        ]).check()
        XCTAssertTrue(away.isEmpty, "\(away.map(\.message))")
    }

    func testPTZPanRangeWrapsThroughNorth() throws {
        // 300° → 80° clockwise through north, ±30°: 270°…110°, the passage included.
        let (_, through) = try PlanBuilder.passageToilet(camera: [
            "type": "ptz", "hfov": 60, "ptz": ["panMin": 300, "panMax": 80],
        ]).check()
        XCTAssertEqual(through.rule("art8-view-intrusion").count, 1)
        // 300° → 30°: 270°…60°, short of 85.7°.
        let (_, short) = try PlanBuilder.passageToilet(camera: [
            "type": "ptz", "hfov": 60, "ptz": ["panMin": 300, "panMax": 30],
        ]).check()
        XCTAssertTrue(short.isEmpty)
    }

    // MARK: Masks

    func testMaskOverTheDoorwayTurnsTheErrorIntoAWarning() throws {
        let (analysis, findings) = try PlanBuilder.passageToilet(camera: [
            "masks": [["azimuthFrom": 90 - passageHalfAngle - 1e-9, "azimuthTo": 90 + passageHalfAngle + 1e-9]]
        ]).check()
        XCTAssertTrue(findings.rule("art8-view-intrusion").isEmpty, "\(findings.map(\.message))")
        let masked = try XCTUnwrap(findings.rule("art8-view-masked").first)
        XCTAssertEqual(masked.severity, .warning)
        XCTAssertEqual(masked.area ?? 0, 6.0, accuracy: 1e-6)
        XCTAssertEqual(masked.consequence.condition, "if the privacy mask is switched off")
        XCTAssertGreaterThan(analysis.cameras[0].maskedArea, 6.0)
    }

    /// Masking bearings 90°…100° hides the southern half of the trapezoid
    /// (clockwise from east is south): 3.0 m² stay visible, still an error.
    func testPartialMaskLeavesAnErrorWithTheUnmaskedArea() throws {
        let (_, findings) = try PlanBuilder.passageToilet(camera: ["masks": [["azimuthFrom": 90, "azimuthTo": 100]]]).check()
        let f = try XCTUnwrap(findings.rule("art8-view-intrusion").first)
        XCTAssertEqual(f.area ?? 0, 3.0, accuracy: 1e-6)
        XCTAssertTrue(findings.rule("art8-view-masked").isEmpty)
    }

    /// A mask up to 5° below the horizon hides a point only if the top of the
    /// band (0.5 m below the lens) is seen at or below −5°, i.e. within
    /// 0.5/tan 5° = 5.7 m: the toilet, 8 m away, stays visible.
    func testMaskElevationsAreHonoured() throws {
        let (_, shallow) = try PlanBuilder.passageToilet(camera: [
            "masks": [["azimuthFrom": 0, "azimuthTo": 360, "elevationFrom": -90, "elevationTo": -5]]
        ]).check()
        XCTAssertEqual(shallow.rule("art8-view-intrusion").first?.area ?? 0, 6.0, accuracy: 1e-6)
        let (_, whole) = try PlanBuilder.passageToilet(camera: [
            "masks": [["azimuthFrom": 0, "azimuthTo": 360, "elevationFrom": -90, "elevationTo": 0]]
        ]).check()
        XCTAssertTrue(whole.rule("art8-view-intrusion").isEmpty)
        XCTAssertEqual(whole.rule("art8-view-masked").first?.area ?? 0, 6.0, accuracy: 1e-6)
    }

    func testMaskNeverExcusesACameraInside() throws {
        var b = PlanBuilder.passageToilet()
        b.camera("cam-wc", at: [2, 2], ["heading": 180, "masks": [["azimuthFrom": 0, "azimuthTo": 360]]])
        let (_, findings) = try b.check()
        XCTAssertEqual(findings.rule("art8-camera-inside").map(\.cameraID), ["cam-wc"])
    }

    // MARK: Low walls (2.5-D)

    /// A fitting room (x 0…4, y −5…5, 40 m²) behind a partition on x = 0,
    /// seen from (−8, 0) with a 2.8 m lens looking east, level.
    private func fittingRoom(partition: [String: Any], personHeight: Double = 2.0, camera: [String: Any] = [:]) -> PlanBuilder {
        var b = PlanBuilder()
        b.plan["defaults"] = ["personHeight": personHeight]
        b.wall("partition", [[0, -5], [0, 5]], partition)
        b.wall("back", [[4, -5], [4, 5]])
        b.wall("sides", [[0, 5], [4, 5]])
        b.wall("sides2", [[0, -5], [4, -5]])
        b.zone("fr", "fitting_room", [[0, -5], [4, -5], [4, 5], [0, 5]])
        var cam: [String: Any] = ["heading": 90, "hfov": 90, "mountHeight": 2.8]
        for (k, v) in camera { cam[k] = v }
        b.camera("cam", at: [-8, 0], cam)
        return b
    }

    func testLowPartitionShowsTheFittingRoomAndAFullWallHidesIt() throws {
        // A 1.2 m partition is below the 2 m head: nothing is hidden.
        let (_, low) = try fittingRoom(partition: ["height": 1.2]).check()
        XCTAssertEqual(low.rule("art8-view-intrusion").first?.area ?? 0, 40, accuracy: 1e-6)
        let (_, full) = try fittingRoom(partition: [:]).check()
        XCTAssertTrue(full.isEmpty)
    }

    /// A 2.2 m cubicle wall: heads (2 m) are hidden while the sight line from
    /// 2.8 m passes below 2.2 m, i.e. for d < t·(2.8 − 2)/(2.8 − 2.2) = 4t/3.
    /// On x the shadow reaches 8·4/3 − 8 = 8/3 m, so (4 − 8/3)·10 = 13.33 m²
    /// stay visible. A seated person (1.3 m) is hidden up to 2.5t: all of it.
    func testCubicleWallHidesWhatTheHomothetyPredicts() throws {
        let (_, standing) = try fittingRoom(partition: ["height": 2.2]).check()
        XCTAssertEqual(standing.rule("art8-view-intrusion").first?.area ?? 0, 40.0 / 3, accuracy: 1e-6)
        let (_, seated) = try fittingRoom(partition: ["height": 2.2], personHeight: 1.3).check()
        XCTAssertTrue(seated.isEmpty, "\(seated.map(\.message))")
    }

    /// Tilted so the field's top edge is 5° below the horizon (vfov 20°,
    /// tilt 15°): beyond d* = 0.8/tan 5° = 9.14 m the top of what is seen is
    /// that edge, at height 2.8 − t·tan 5° over the wall. A 2 m wall then
    /// blocks where t > 9.14 m, i.e. behind wall points |y| > √(9.14² − 8²).
    /// Those rays cover, inside the room, 5 − w₀(8 + x)/8 on each side for
    /// x < 40/w₀ − 8.
    func testFieldTopEdgeRegimeIsExact() throws {
        let slope = tan(5 * Double.pi / 180)
        let tStar = 0.8 / slope
        let w0 = (tStar * tStar - 64).squareRoot()
        let x1 = 40 / w0 - 8
        let blocked = 2 * (5 * x1 - w0 / 8 * (8 * x1 + x1 * x1 / 2))
        let (_, findings) = try fittingRoom(partition: ["height": 2.0], camera: ["tilt": 15, "vfov": 20]).check()
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, 40 - blocked, accuracy: 1e-3)
    }

    // MARK: Microphones

    func testMicrophoneWithinRangeOfAToiletIsAWarning() throws {
        let (_, near) = try PlanBuilder.passageToilet(
            opening: ["openingType": "door", "state": "closed"],
            camera: ["audio": ["enabled": true, "range": 10]]
        ).check()
        let f = try XCTUnwrap(near.rule("art8-audio-intrusion").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.distance ?? 0, 8, accuracy: 1e-9)
        let (_, far) = try PlanBuilder.passageToilet(
            opening: ["openingType": "door", "state": "closed"],
            camera: ["audio": ["enabled": true, "range": 5]]
        ).check()
        XCTAssertTrue(far.isEmpty)
    }
}
