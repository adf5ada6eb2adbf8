import Foundation
import PlanarGeometry
import XCTest

/// `PolygonRings.bearings(inRingFrom:to:about:)` and the wedge-and-ring
/// area, against answers worked by hand (the eye at the origin; bearing 90°
/// is +x).
final class RingBearingsTests: XCTestCase {
    private let eye = Point2(0, 0)

    private func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> PolygonRings {
        PolygonRings(shell: [Point2(x0, y0), Point2(x1, y0), Point2(x1, y1), Point2(x0, y1)])
    }

    private func assertBearings(
        _ intervals: [BearingInterval], _ expected: [(from: Double, sweep: Double)], file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(intervals.count, expected.count, "\(intervals)", file: file, line: line)
        for (i, e) in zip(intervals, expected) {
            XCTAssertEqual(i.from, e.from, accuracy: 1e-9, file: file, line: line)
            XCTAssertEqual(i.sweep, e.sweep, accuracy: 1e-9, file: file, line: line)
        }
    }

    func testTheBandNarrowsTheBearingsOfAPart() {
        // x in [1, 3], y in [−1, 1]: whole, its near corners (1, ±1) span 45° either side of east.
        let part = rectangle(1, -1, 3, 1)
        assertBearings(PolygonRings.bearings(of: [part], from: eye), [(45, 90)])
        assertBearings(part.bearings(inRingFrom: 0, to: 100, about: eye), [(45, 90)])
        // Between radii 2 and 2.5 the widest ray meets y = ±1 on the near circle: asin(1/2) = 30°.
        assertBearings(part.bearings(inRingFrom: 2, to: 2.5, about: eye), [(60, 60)])
        // Between radii 1 and 1.2 only the near edge x = 1 is reached: acos(1/1.2) either side.
        let half = Bearing.degrees(acos(1 / 1.2))
        assertBearings(part.bearings(inRingFrom: 1, to: 1.2, about: eye), [(90 - half, 2 * half)])
        // Beyond its farthest corner (√10 ≈ 3.16), nothing.
        XCTAssertTrue(part.bearings(inRingFrom: 3.5, to: 4, about: eye).isEmpty)
    }

    func testARingInsideAPartThatHoldsTheEyeIsEveryBearing() {
        let room = rectangle(-5, -5, 5, 5)
        assertBearings(room.bearings(inRingFrom: 1, to: 2, about: eye), [(0, 360)])
        // The half-plane x ≥ 0.5 (a large rectangle) across both circles: the
        // widest ray is where x = 0.5 meets the far circle, acos(0.5 / 1.5) from east.
        let east = rectangle(0.5, -5, 5, 5)
        let half = Bearing.degrees(acos(0.5 / 1.5))
        assertBearings(east.bearings(inRingFrom: 1, to: 1.5, about: eye), [(90 - half, 2 * half)])
    }

    func testTheAreaInsideAWedgeAndARing() {
        // The quarter north-to-east of a large square, between radii 1 and 2: (4π − π)/4.
        let square = rectangle(-10, -10, 10, 10)
        let quarter = BearingInterval(from: 0, sweep: 90)
        XCTAssertEqual(square.area(inside: quarter, inRingFrom: 1, to: 2, about: eye), 3 * Double.pi / 4, accuracy: 1e-12)
        // The strip 0 ≤ y ≤ 1, x ≥ 0 (inside the wedge) within radius 2:
        // ∫₀¹ √(4 − y²) dy = √3/2 + π/3.
        let strip = rectangle(0, 0, 10, 1)
        XCTAssertEqual(
            strip.area(inside: quarter, inRingFrom: 0, to: 2, about: eye), (3.0).squareRoot() / 2 + Double.pi / 3, accuracy: 1e-12)
        // A wedge that misses the part: nothing.
        XCTAssertEqual(strip.area(inside: BearingInterval(from: 180, sweep: 90), inRingFrom: 0, to: 2, about: eye), 0, accuracy: 1e-12)
    }
}
