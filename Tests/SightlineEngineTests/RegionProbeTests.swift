import PlanarGeometry
import XCTest

@testable import SightlineEngine

/// `RegionProbe` (edges in an STR tree) against the obvious test it
/// replaced: every vertex of each against the other, every edge pair.
final class RegionProbeTests: XCTestCase {
    /// The complete test for closed sets, written out with no index.
    private func obviouslyMeet(_ polygons: [PolygonRings], _ convex: [Point2]) -> Bool {
        let hull = PolygonRings(shell: convex)
        for polygon in polygons {
            if convex.contains(where: { polygon.covers($0) }) { return true }
            if polygon.allPoints.contains(where: { hull.covers($0) }) { return true }
            for e in polygon.edges where hull.edges.contains(where: { e.intersects($0) }) { return true }
        }
        return false
    }

    func testTheProbeAgreesWithTheObviousTestOnRandomShapes() {
        var seed: UInt64 = 12345
        func random() -> Double { // a small LCG, so a failure repeats
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        var met = 0
        for _ in 0..<2_000 {
            // A star-shaped region with a hole, as a camera's view with an obstacle's shadow cut out.
            let centre = Point2(random() * 10, random() * 10)
            let shell = (0..<24).map { k -> Point2 in
                let a = Double(k) / 24 * 2 * .pi
                let r = 2 + random() * 3
                return Point2(centre.x + r * cos(a), centre.y + r * sin(a))
            }
            let hole = (0..<4).map { k -> Point2 in
                let a = -Double(k) / 4 * 2 * .pi
                return Point2(centre.x + 0.8 * cos(a), centre.y + 0.8 * sin(a))
            }
            let region = [PolygonRings(shell: shell, holes: [hole])]
            // A convex quadrilateral somewhere near it, sometimes in the hole.
            let q = Point2(random() * 16 - 3, random() * 16 - 3)
            let w = 0.1 + random() * 2
            let h = 0.1 + random() * 2
            let quad = [q, Point2(q.x + w, q.y), Point2(q.x + w, q.y + h), Point2(q.x, q.y + h)]
            let probe = RegionProbe(region)
            let expected = obviouslyMeet(region, quad)
            XCTAssertEqual(probe.meets(convex: quad), expected, "region round \(centre), quad at \(q) \(w)×\(h)")
            if expected { met += 1 }
        }
        XCTAssertGreaterThan(met, 200, "both answers are exercised")
        XCTAssertLessThan(met, 1_800)
        // Inside the hole, touching nothing: no.
        let ring = [
            PolygonRings(
                shell: [Point2(0, 0), Point2(10, 0), Point2(10, 10), Point2(0, 10)],
                holes: [[Point2(3, 3), Point2(3, 7), Point2(7, 7), Point2(7, 3)]])
        ]
        XCTAssertFalse(RegionProbe(ring).meets(convex: [Point2(4, 4), Point2(6, 4), Point2(6, 6), Point2(4, 6)]))
        XCTAssertTrue(RegionProbe(ring).meets(convex: [Point2(1, 1), Point2(2, 1), Point2(2, 2), Point2(1, 2)]), "wholly inside")
        XCTAssertTrue(RegionProbe(ring).meets(convex: [Point2(-5, -5), Point2(15, -5), Point2(15, 15), Point2(-5, 15)]), "round it all")
        XCTAssertTrue(RegionProbe(ring).meets(convex: [Point2(10, 2), Point2(12, 2), Point2(12, 4), Point2(10, 4)]), "touching an edge")
    }
}
