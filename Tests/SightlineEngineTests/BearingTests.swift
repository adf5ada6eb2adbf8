import PlanarGeometry
import XCTest

final class BearingTests: XCTestCase {
    func testBearingsOfTheToiletIntrusion() {
        let ring = [Point2(35.1111, -7), Point2(32, -3), Point2(33.2, -3), Point2(36, -6.0732), Point2(36, -7), Point2(35.5556, -7)]
        let arcs = PolygonRings.bearings(of: [PolygonRings(shell: ring)], from: Point2(25, 6))
        XCTAssertEqual(arcs.count, 1)
        XCTAssertEqual(arcs[0].from, atan2(8.2, -9) * 180 / .pi, accuracy: 0.01)
        XCTAssertEqual(arcs[0].sweep, (atan2(7, -9) - atan2(8.2, -9)) * 180 / .pi, accuracy: 0.01)
    }
}
