import PlanarGeometry
import XCTest

/// The one polygon clip (Sutherland–Hodgman against half-planes), on shapes
/// whose clipped areas are worked out by hand.
final class HalfPlaneTests: XCTestCase {
    private let square = PolygonRings(shell: [Point2(0, 0), Point2(4, 0), Point2(4, 4), Point2(0, 4)])

    func testABoxCutsASquareToTheirOverlap() {
        // [0, 4]² ∩ [1, 6] × [−1, 2] = [1, 4] × [0, 2]: 6 m².
        XCTAssertEqual(square.area(inside: Box(minX: 1, minY: -1, maxX: 6, maxY: 2)), 6, accuracy: 1e-12)
        // A box apart from it: nothing.
        XCTAssertEqual(square.area(inside: Box(minX: 5, minY: 5, maxX: 6, maxY: 6)), 0, accuracy: 1e-12)
    }

    func testAHoleIsCutToo() {
        // A 2 × 2 hole at [1, 3]²; the box [0, 2] × [0, 4] keeps 8 of the
        // square and 2 of the hole: 6 m².
        var framed = square
        framed.holes = [[Point2(1, 1), Point2(1, 3), Point2(3, 3), Point2(3, 1)]]
        XCTAssertEqual(framed.area(inside: Box(minX: 0, minY: 0, maxX: 2, maxY: 4)), 6, accuracy: 1e-12)
    }

    func testLeftOfADiagonalKeepsHalfTheSquare() {
        // Left of the line from (0, 0) towards (1, 1): the triangle above the diagonal, 8 m².
        let plane = HalfPlane(leftOf: Point2(1, 1), through: Point2(0, 0))
        XCTAssertEqual(square.area(inside: [plane]), 8, accuracy: 1e-12)
        XCTAssertGreaterThan(plane.side(Point2(0, 1)), 0)
        XCTAssertLessThan(plane.side(Point2(1, 0)), 0)
        XCTAssertEqual(plane.side(Point2(2, 2)), 0)
    }

    func testAWedgeFromTheCentreKeepsItsShareOfTheSquare() {
        // Bearings 0°–90° (north to east) from the centre (2, 2): the
        // top-right quarter, 4 m², in either orientation of the ring.
        let wedge = BearingInterval(from: 0, sweep: 90)
        XCTAssertEqual(square.area(inside: wedge, from: Point2(2, 2)), 4, accuracy: 1e-12)
        let reversed = PolygonRings(shell: square.shell.reversed())
        XCTAssertEqual(reversed.area(inside: wedge, from: Point2(2, 2)), 4, accuracy: 1e-12)
    }
}
