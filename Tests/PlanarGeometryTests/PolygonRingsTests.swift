import PlanarGeometry
import XCTest

final class PolygonRingsTests: XCTestCase {
    func testAreaInsideABox() {
        let square = PolygonRings(shell: [Point2(0, 0), Point2(2, 0), Point2(2, 2), Point2(0, 2)])
        XCTAssertEqual(square.area(inside: Box(minX: 1, minY: 1, maxX: 3, maxY: 3)), 1, accuracy: 1e-12)
        XCTAssertEqual(square.area(inside: Box(minX: 5, minY: 5, maxX: 6, maxY: 6)), 0, accuracy: 1e-12)
    }

    /// A U (x 0…3, y 0…2 without x 1…2, y 1…2) cut by y ≥ 1.5 falls apart
    /// into two 1 × 0.5 pieces; the clip joins them by a zero-width bridge
    /// along the box edge, which adds no area: 1.0 m².
    func testConcaveClipAreaIsExactDespiteTheBridge() {
        let u = PolygonRings(shell: [
            Point2(0, 0), Point2(3, 0), Point2(3, 2), Point2(2, 2), Point2(2, 1),
            Point2(1, 1), Point2(1, 2), Point2(0, 2),
        ])
        XCTAssertEqual(u.area(inside: Box(minX: -1, minY: 1.5, maxX: 4, maxY: 3)), 1.0, accuracy: 1e-12)
    }

    func testCoversIncludesTheEdge() {
        let square = PolygonRings(shell: [Point2(0, 0), Point2(2, 0), Point2(2, 2), Point2(0, 2)])
        XCTAssertTrue(square.covers(Point2(2, 1)))
        XCTAssertTrue(square.covers(Point2(1, 1)))
        XCTAssertFalse(square.covers(Point2(2.001, 1)))
    }
}
