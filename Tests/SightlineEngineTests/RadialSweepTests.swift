import PlanarGeometry
import SightlineEngine
import XCTest

/// The sweep on its own, with areas worked out by hand.
final class RadialSweepTests: XCTestCase {
    private let wall = Segment(Point2(2, -2), Point2(2, 2))

    /// A 90° field facing east, the wall x = 2 across it within the far
    /// circle: the view is the triangle (0, 0), (2, −2), (2, 2), 4 m², exactly
    /// (no arc is left, so nothing is approximated).
    func testAWallAcrossTheFieldLeavesATriangle() {
        let region = RadialSweep().region(
            eye: Point2(0, 0), domain: .init(start: -Double.pi / 4, width: Double.pi / 2),
            near: 0, far: 4, segments: [wall])
        XCTAssertEqual(region.reduce(0) { $0 + $1.area }, 4, accuracy: 1e-12)
    }

    /// All round, radius 4: the disk minus the wall's shadow, the 90° sector
    /// beyond the triangle: 16π − (4π − 4) = 12π + 4 (arcs in 1° chords).
    func testAllRoundTheShadowIsTheSectorBeyondTheWall() {
        let region = RadialSweep().region(
            eye: Point2(0, 0), domain: .init(start: 0, width: 2 * Double.pi),
            near: 0, far: 4, segments: [wall])
        XCTAssertEqual(region.reduce(0) { $0 + $1.area }, 12 * Double.pi + 4, accuracy: 16 * Double.pi * 1e-4)
    }

    /// A near limit of 1 m takes the unit disk's quarter out of the triangle:
    /// 4 − π/4, with the near arc in 1° chords.
    func testTheNearLimitCutsTheBlindZone() {
        let region = RadialSweep().region(
            eye: Point2(0, 0), domain: .init(start: -Double.pi / 4, width: Double.pi / 2),
            near: 1, far: 4, segments: [wall])
        XCTAssertEqual(region.reduce(0) { $0 + $1.area }, 4 - Double.pi / 4, accuracy: 1e-4)
    }

    /// Of two walls one behind the other, only the nearer one counts.
    func testTheNearestWallWins() {
        let behind = Segment(Point2(3, -3), Point2(3, 3))
        let region = RadialSweep().region(
            eye: Point2(0, 0), domain: .init(start: -Double.pi / 4, width: Double.pi / 2),
            near: 0, far: 10, segments: [behind, wall])
        XCTAssertEqual(region.reduce(0) { $0 + $1.area }, 4, accuracy: 1e-12)
    }
}
