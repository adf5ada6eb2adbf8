import Foundation
import SightlineEngine
import SightlinePlan
import TestSupport
import XCTest

/// An opening removes only what lies along it: a wall meeting it at an
/// angle, at its end or across it, stays whole. Each scene's areas are worked
/// out on paper next to it; a leak of the old 5 cm cut shows as extra area.
final class OpeningCutTests: XCTestCase {
    private let level = ["mountHeight": 2.5, "tilt": 0] as [String: Any]

    private func intrusions(_ b: PlanBuilder) throws -> [String: Double] {
        let (analysis, _) = try b.check()
        var out: [String: Double] = [:]
        for camera in analysis.cameras { for i in camera.intrusions { out[i.zone.id, default: 0] += i.area } }
        return out
    }

    /// A 2 m window on the front wall x = 0 ends at (0, 0), where a
    /// partition along y = 0 starts: a fitting room above it, a toilet below.
    /// From (−8, −1) the rays through the window are bounded by
    /// y = −2 − x/8 below and by the partition above, so the toilet shows
    /// ∫₀⁴ (2 + x/8) dx = 9 m² and the fitting room nothing.
    func testAWindowEndingAtAPartitionLeavesThePartitionWhole() throws {
        var b = PlanBuilder()
        b.wall("front", [[0, -5], [0, 5]])
        b.wall("partition", [[0, 0], [4, 0]])
        b.wall("back", [[4, -5], [4, 5]])
        b.wall("top", [[0, 3], [4, 3]])
        b.wall("bottom", [[0, -5], [4, -5]])
        b.opening("shop-window", "window", [[0, -2], [0, 0]])
        b.zone("fitting", "fitting_room", [[0, 0], [4, 0], [4, 3], [0, 3]])
        b.zone("wc", "toilet", [[0, -5], [4, -5], [4, 0], [0, 0]])
        b.camera("cam", at: [-8, -1], level.merging(["heading": 90, "hfov": 120]) { $1 })
        let seen = try intrusions(b)
        XCTAssertNil(seen["fitting"], "no sight line reaches the fitting room")
        XCTAssertEqual(seen["wc"] ?? 0, 9, accuracy: 1e-9)
    }

    /// A door in the bottom of a room drawn as one closed wall, ending at its
    /// corner (4, 0). From (6, 2), east of the room, every ray towards the
    /// door crosses the wall x = 4 first: the room is hidden. From (3.5, −3)
    /// the door shows the room between x = 3 − y/6 and the wall x = 4:
    /// ∫₀⁴ (1 + y/6) dy = 16/3 m².
    func testADoorAtARoomCornerDoesNotOpenTheOtherWall() throws {
        var b = PlanBuilder()
        b.wall("room", [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]])
        b.opening("door", "door", [[3, 0], [4, 0]])
        b.zone("wc", "toilet", [[0, 0], [4, 0], [4, 4], [0, 4]])
        b.camera("east", at: [6, 2], level.merging(["heading": 270, "hfov": 90]) { $1 })
        XCTAssertNil(try intrusions(b)["wc"])
        b.features.removeLast()
        b.camera("south", at: [3.5, -3], level.merging(["heading": 0, "hfov": 60]) { $1 })
        XCTAssertEqual(try intrusions(b)["wc"] ?? 0, 16.0 / 3, accuracy: 1e-9)
    }

    /// Three 2 m cubicles stand against a 6 m shop window on y = 0, with
    /// partitions at x = 0, 2, 4, 6 reaching the glass. From (1, −4) each is
    /// seen only through its own stretch of glass: A whole (4 m²); B right
    /// of the ray through (2, 0), x ≥ 2 + y/4: ∫₀² (2 − y/4) dy = 3.5 m²;
    /// C right of the ray through (4, 0), x ≥ 4 + 3y/4: ∫₀² (2 − 3y/4) dy =
    /// 2.5 m².
    func testCubiclesAgainstAShopWindowAreSeenOnlyThroughTheirOwnGlass() throws {
        var b = PlanBuilder()
        b.wall("front", [[-2, 0], [8, 0]])
        b.opening("glass", "window", [[0, 0], [6, 0]])
        for x in [0.0, 2, 4, 6] { b.wall("partition-\(Int(x))", [[x, 0], [x, 2]]) }
        b.wall("back", [[0, 2], [6, 2]])
        for (name, x) in [("A", 0.0), ("B", 2), ("C", 4)] {
            b.zone(name, "fitting_room", [[x, 0], [x + 2, 0], [x + 2, 2], [x, 2]])
        }
        b.camera("cam", at: [1, -4], level.merging(["heading": 0, "hfov": 110]) { $1 })
        let seen = try intrusions(b)
        XCTAssertEqual(seen["A"] ?? 0, 4, accuracy: 1e-9)
        XCTAssertEqual(seen["B"] ?? 0, 3.5, accuracy: 1e-9)
        XCTAssertEqual(seen["C"] ?? 0, 2.5, accuracy: 1e-9)
    }

    /// An L-shaped polygon wall 0.2 m thick: an arm along y ∈ [0, 0.2] and an
    /// arm up x ∈ [4, 4.2]. A door on the bottom arm's centre line runs to the
    /// wall's end at x = 4.2, through the corner. The corner arm is not
    /// along the door and stays whole, so from (2, 2) inside the room the
    /// toilet east of it is hidden. From (3.5, −3) the room shows right of
    /// the ray grazing the jamb corner (3, 0.2), x ≥ 3.5 − (y + 3)/6.4, up to
    /// the arm's face x = 4: ∫ from 0.2 to 4 of (0.5 + (y + 3)/6.4) dy =
    /// 1.9 + (49 − 10.24)/12.8 = 4.928125 m².
    func testADoorAtTheEndOfAPolygonWallLeavesTheCornerWhole() throws {
        var b = PlanBuilder()
        b.add("L", "wall", ["type": "Polygon", "coordinates": [[[0, 0], [4.2, 0], [4.2, 4], [4, 4], [4, 0.2], [0, 0.2], [0, 0]]]])
        b.opening("door", "door", [[3, 0.1], [4.2, 0.1]])
        b.zone("room", "toilet", [[0, 0.2], [4, 0.2], [4, 4], [0, 4]])
        b.zone("east-wc", "toilet", [[4.2, 0], [9, 0], [9, 4], [4.2, 4]])
        b.camera("inside", at: [2, 2], level.merging(["heading": 90, "hfov": 90]) { $1 })
        let fromInside = try intrusions(b)
        XCTAssertNil(fromInside["east-wc"], "the corner arm must stay whole")
        b.features.removeLast()
        b.camera("south", at: [3.5, -3], level.merging(["heading": 0, "hfov": 60]) { $1 })
        XCTAssertEqual(try intrusions(b)["room"] ?? 0, 4.928125, accuracy: 1e-9)
    }

    /// The same door on a thick line wall (thickness 0.2 along y = 0.1)
    /// meeting a thick wall x = 4.1 going up: the perpendicular wall stays whole.
    func testADoorOnAThickLineWallEndingAtACrossWall() throws {
        var b = PlanBuilder()
        b.wall("bottom", [[0, 0.1], [4.2, 0.1]], ["thickness": 0.2])
        b.wall("side", [[4.1, 0], [4.1, 4]], ["thickness": 0.2])
        b.opening("door", "door", [[3, 0.1], [4.2, 0.1]])
        b.zone("east-wc", "toilet", [[4.2, 0], [9, 0], [9, 4], [4.2, 4]])
        b.camera("inside", at: [2, 2], level.merging(["heading": 90, "hfov": 90]) { $1 })
        XCTAssertNil(try intrusions(b)["east-wc"])
    }
}
