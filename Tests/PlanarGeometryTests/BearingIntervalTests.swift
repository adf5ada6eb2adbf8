import PlanarGeometry
import XCTest

final class BearingIntervalTests: XCTestCase {
    func testContainsWrapsThroughNorth() {
        let i = BearingInterval(from: 350, sweep: 20)
        XCTAssertTrue(i.contains(355))
        XCTAssertTrue(i.contains(0))
        XCTAssertTrue(i.contains(10))
        XCTAssertFalse(i.contains(11))
        XCTAssertFalse(i.contains(349))
        XCTAssertEqual(i.to, 10, accuracy: 1e-12)
    }

    func testUnionMergesOverlapsAndTheComplementIsTheRest() {
        let u = BearingInterval.union([
            BearingInterval(from: 10, sweep: 20), BearingInterval(from: 25, sweep: 15),
            BearingInterval(from: 350, sweep: 15),
        ])
        // 350…5 and 10…40 stay apart; 10…30 and 25…40 merge.
        XCTAssertEqual(u.count, 2)
        let total = u.reduce(0) { $0 + $1.sweep }
        XCTAssertEqual(total, 15 + 30, accuracy: 1e-9)
        let rest = BearingInterval.complement(u)
        XCTAssertEqual(rest.reduce(0) { $0 + $1.sweep }, 360 - 45, accuracy: 1e-9)
        for b in stride(from: 0.5, to: 360, by: 1) {
            XCTAssertNotEqual(u.contains { $0.contains(b) }, rest.contains { $0.contains(b) }, "bearing \(b) in exactly one")
        }
    }

    func testRoundingInwardsAndSeparation() {
        let i = BearingInterval(from: 124.289, sweep: 291.422).roundedInwardsToTenths()
        XCTAssertEqual(i?.from ?? 0, 124.3, accuracy: 1e-9)
        XCTAssertEqual((i?.from ?? 0) + (i?.sweep ?? 0), 415.7, accuracy: 1e-9)
        XCTAssertNil(BearingInterval(from: 10.01, sweep: 0.05).roundedInwardsToTenths())
        XCTAssertEqual(BearingInterval.separation(350, 10), 20, accuracy: 1e-12)
        XCTAssertEqual(BearingInterval.separation(90, 270), 180, accuracy: 1e-12)
    }

    func testBearingsOfTheToiletIntrusion() {
        let ring = [Point2(35.1111, -7), Point2(32, -3), Point2(33.2, -3), Point2(36, -6.0732), Point2(36, -7), Point2(35.5556, -7)]
        let arcs = PolygonRings.bearings(of: [PolygonRings(shell: ring)], from: Point2(25, 6))
        XCTAssertEqual(arcs.count, 1)
        XCTAssertEqual(arcs[0].from, atan2(8.2, -9) * 180 / .pi, accuracy: 0.01)
        XCTAssertEqual(arcs[0].sweep, (atan2(7, -9) - atan2(8.2, -9)) * 180 / .pi, accuracy: 0.01)
    }
}
