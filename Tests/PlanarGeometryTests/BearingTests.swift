import PlanarGeometry
import XCTest

/// The one angle convention: bearings in degrees clockwise from +y, maths
/// angles in radians counter-clockwise from +x.
final class BearingTests: XCTestCase {
    func testBearingsOfVectors() {
        XCTAssertEqual(Bearing.of(Point2(0, 1)), 0, accuracy: 1e-12)
        XCTAssertEqual(Bearing.of(Point2(1, 0)), 90, accuracy: 1e-12)
        XCTAssertEqual(Bearing.of(Point2(0, -1)), 180, accuracy: 1e-12)
        XCTAssertEqual(Bearing.of(Point2(-1, 0)), -90, accuracy: 1e-12)
        XCTAssertEqual(Bearing.of(Point2(1, 1)), 45, accuracy: 1e-12)
    }

    func testMathAnglesAndSectors() {
        XCTAssertEqual(Bearing.mathAngle(0), .pi / 2, accuracy: 1e-12, "north is +y: 90° counter-clockwise from +x")
        XCTAssertEqual(Bearing.mathAngle(90), 0, accuracy: 1e-12, "east is +x")
        // A sweep clockwise from 350° through north to 10°: counter-clockwise from bearing 10° (maths 80°) for 20°.
        let s = Bearing.sector(from: 350, sweep: 20)
        let start = s.start.truncatingRemainder(dividingBy: 2 * .pi)
        XCTAssertEqual(start < 0 ? start + 2 * .pi : start, 80 * .pi / 180, accuracy: 1e-12, "the same direction, up to whole turns")
        XCTAssertEqual(s.width, 20 * .pi / 180, accuracy: 1e-12)
        let east = Point2.unit(bearingDegrees: 90)
        XCTAssertEqual(east.x, 1, accuracy: 1e-12)
        XCTAssertEqual(east.y, 0, accuracy: 1e-12)
        let a = Point2.unit(angle: Bearing.mathAngle(30))
        XCTAssertEqual(Bearing.of(a), 30, accuracy: 1e-12, "there and back")
    }
}
