import SightlineEngine
import SightlinePlan
import TestSupport
import XCTest

/// A lens drawn inside a wall body is analysed from the wall's face: the
/// bodies are tested one by one (not unioned), and a lens on the joint of two
/// abutting bodies is still inside the wall.
final class SolidBodiesTests: XCTestCase {
    private func notes(cameraAt point: [Double], bodies: [[[Double]]]) throws -> [String] {
        var b = PlanBuilder()
        for (i, ring) in bodies.enumerated() {
            b.add("body-\(i)", "wall", ["type": "Polygon", "coordinates": [ring + [ring[0]]]])
        }
        b.zone("hall", "corridor", [[-5, -5], [15, -5], [15, 5], [-5, 5]])
        b.camera("cam", at: point, ["mountHeight": 2.5, "tilt": 0, "heading": 0, "hfov": 60])
        let (analysis, _) = try b.check()
        return analysis.cameras[0].notes
    }

    /// A 10 m × 0.2 m body on y ∈ [0, 0.2]; the lens at (5, 0.1) heading
    /// north leaves it 0.1 m along its heading.
    func testALensInsideABodyIsMovedToItsFace() throws {
        let notes = try notes(cameraAt: [5, 0.1], bodies: [[[0, 0], [10, 0], [10, 0.2], [0, 0.2]]])
        XCTAssertTrue(notes.contains { $0.contains("inside a wall") && $0.contains("0.100 m") }, "\(notes)")
    }

    /// The same wall drawn as two bodies meeting at x = 5: the lens on the
    /// joint is inside neither body's interior but inside the wall's.
    func testALensOnTheJointOfTwoBodiesIsInsideTheWall() throws {
        let notes = try notes(
            cameraAt: [5, 0.1], bodies: [[[0, 0], [5, 0], [5, 0.2], [0, 0.2]], [[5, 0], [10, 0], [10, 0.2], [5, 0.2]]])
        XCTAssertTrue(notes.contains { $0.contains("inside a wall") && $0.contains("0.100 m") }, "\(notes)")
    }

    /// On the wall's north face the lens is on the body's boundary, not in
    /// it: analysed where it is drawn.
    func testALensOnTheFaceStaysWhereItIs() throws {
        let notes = try notes(
            cameraAt: [5, 0.2], bodies: [[[0, 0], [5, 0], [5, 0.2], [0, 0.2]], [[5, 0], [10, 0], [10, 0.2], [5, 0.2]]])
        XCTAssertFalse(notes.contains { $0.contains("inside a wall") }, "\(notes)")
    }
}
