import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// Looking down through an atrium.
final class VoidTests: XCTestCase {
    /// Lens 3 m above floor 2F, which is 4 m above 1F; a void x 2…6, y −2…2
    /// on 2F; a 2 m-wide toilet strip (y −1…1) on 1F. Sight lines to a point
    /// at height z cross 2F at s = 3/(7 − z) of the way, so 1F points are
    /// seen through the void scaled by k ∈ [5/3, 7/3]: x from 10/3 to 14.
    /// The field (tilt 45°, vfov 58.7°, lens 7 m above 1F) reaches 25 m.
    private func atrium(wallBelow: Bool = false, void: Bool = true) -> PlanBuilder {
        var b = PlanBuilder()
        b.plan["levels"] = [["id": "1F", "elevation": 0.0, "height": 3.8], ["id": "2F", "elevation": 4.0, "height": 3.8]]
        if void { b.zone("atrium", "void", [[2, -2], [6, -2], [6, 2], [2, 2]], ["level": "2F"]) }
        b.zone("wc", "toilet", [[0, -1], [20, -1], [20, 1], [0, 1]], ["level": "1F"])
        if wallBelow { b.wall("partition", [[8, -1], [8, 1]], ["level": "1F"]) }
        b.camera("cam", at: [0, 0], ["level": "2F", "heading": 90, "hfov": 90, "tilt": 45, "mountHeight": 3])
        return b
    }

    func testCameraSeesTheLevelBelowThroughTheVoid() throws {
        let (analysis, findings) = try atrium().check()
        XCTAssertEqual(analysis.cameras[0].belowLevel, "1F")
        let f = try XCTUnwrap(findings.rule("art8-view-intrusion").first)
        XCTAssertEqual(f.zoneID, "wc")
        XCTAssertEqual(f.level, "1F")
        XCTAssertEqual(f.area ?? 0, (14 - 10.0 / 3) * 2, accuracy: 1e-6)
        XCTAssertTrue(f.message.contains("through a void"), f.message)
    }

    /// A wall across the strip at x = 8 on 1F hides points until the sight
    /// line has come down past it: x < 8·5/3, leaving 10/3…8 and 40/3…14.
    func testWallBelowCastsItsShadow() throws {
        let (_, findings) = try atrium(wallBelow: true).check()
        XCTAssertEqual(findings.rule("art8-view-intrusion").first?.area ?? 0, (8 - 10.0 / 3 + 14 - 40.0 / 3) * 2, accuracy: 1e-6)
    }

    func testWithoutAVoidTheFloorHidesTheLevelBelow() throws {
        let (analysis, findings) = try atrium(void: false).check()
        XCTAssertNil(analysis.cameras[0].belowLevel)
        XCTAssertTrue(findings.rule("art8-view-intrusion").isEmpty)
        // 2F then has a camera and no zone at all: not evaluated, not a pass.
        XCTAssertEqual(findings.map(\.rule), ["cn-2025/art8-privacy-not-evaluated"])
    }
}
