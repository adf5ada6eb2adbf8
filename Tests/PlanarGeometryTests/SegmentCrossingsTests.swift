import Foundation
import PlanarGeometry
import XCTest

/// `SegmentCrossings`: crossings counted by hand on small figures, and the
/// limit that stops the count.
final class SegmentCrossingsTests: XCTestCase {
    private func p(_ x: Double, _ y: Double) -> Point2 { Point2(x, y) }

    func testSimpleLinesDoNotCross() {
        // An L, a closed square (its ends meet), and two parallel lines.
        XCTAssertEqual(SegmentCrossings.count(in: [[p(0, 0), p(4, 0), p(4, 3)]], limit: 10), 0)
        XCTAssertEqual(SegmentCrossings.count(in: [[p(0, 0), p(4, 0), p(4, 4), p(0, 4), p(0, 0)]], limit: 10), 0)
        XCTAssertEqual(SegmentCrossings.count(in: [[p(0, 0), p(4, 0)], [p(0, 1), p(4, 1)]], limit: 10), 0)
    }

    func testCrossingsCountedByHand() {
        // A figure eight: (0,0)→(2,2)→(2,0)→(0,2) crosses once, at (1,1).
        XCTAssertEqual(SegmentCrossings.count(in: [[p(0, 0), p(2, 2), p(2, 0), p(0, 2)]], limit: 10), 1)
        // A zigzag across a long base line: 4 teeth, each crossing it twice.
        let zigzag = [p(0, -1), p(1, 1), p(2, -1), p(3, 1), p(4, -1), p(5, 1), p(6, -1), p(7, 1), p(8, -1)]
        XCTAssertEqual(SegmentCrossings.count(in: [[p(-1, 0), p(9, 0)], zigzag], limit: 100), 8)
        // A 5-point star drawn in one stroke: every one of its 5 inner points is a crossing.
        let star = (0..<6).map { k -> Point2 in
            let a = Double(k * 2 % 5) * 2 * Double.pi / 5
            return p(sin(a), cos(a))
        }
        XCTAssertEqual(SegmentCrossings.count(in: [star], limit: 100), 5)
    }

    func testTheCountStopsAtTheLimit() {
        // A grid of 30 horizontal and 30 vertical lines: 900 crossings.
        var lines: [[Point2]] = []
        for k in 0..<30 {
            lines.append([p(-1, Double(k)), p(30, Double(k))])
            lines.append([p(Double(k), -1), p(Double(k), 30)])
        }
        XCTAssertEqual(SegmentCrossings.count(in: lines, limit: 10_000), 900)
        XCTAssertEqual(SegmentCrossings.count(in: lines, limit: 100), 100)
    }
}
