import PlanarGeometry
import SightlineEngine
import SightlineSynth
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

    // MARK: The heap of open pieces

    /// Concentric regular 64-gons of radii 1, 1.3, 1.6, …: a polygon's edges
    /// lie between r·cos(π/64) and r, so no two rings meet. `keep` picks the
    /// edges each ring has.
    private func rings(_ count: Int, keep: (Int, Int) -> Bool) -> [Segment] {
        var segments: [Segment] = []
        for ring in 0..<count {
            let r = 1 + 0.3 * Double(ring)
            for k in 0..<64 where keep(ring, k) {
                segments.append(
                    Segment(Point2.unit(angle: Double(k) * .pi / 32) * r, Point2.unit(angle: Double(k + 1) * .pi / 32) * r))
            }
        }
        return segments
    }

    /// 100 closed rings round the eye, all open on every ray: whether the
    /// pieces are scanned or kept in the heap, only the innermost counts, and
    /// the view is that 64-gon, ½·64·sin(2π/64) = 32·sin(π/32) m², exactly
    /// (no arc: every ray ends on a wall).
    func testOnlyTheInnermostOfNestedRingsIsSeenWithTheHeapOrTheScan() {
        let segments = rings(100) { _, _ in true }
        let expected = 32 * sin(Double.pi / 32)
        for threshold in [0, 32, Int.max] {
            var sweep = RadialSweep()
            sweep.heapThreshold = threshold
            let region = sweep.region(
                eye: Point2(0.1, -0.2), domain: .init(start: 0.3, width: 2 * .pi), near: 0, far: 100, segments: segments)
            XCTAssertEqual(region.reduce(0) { $0 + $1.area }, expected, accuracy: 1e-12, "heap threshold \(threshold)")
        }
    }

    /// Rings with random gaps, from random eyes and fields: the heap gives
    /// the same region as the scan, point for point (both take the nearest
    /// piece by the same distance; the rings never meet, so no two pieces
    /// are ever equally near).
    func testTheHeapFindsTheSameRegionAsTheScanAmongRandomRings() {
        var random = SeededGenerator(seed: 14)
        for trial in 0..<40 {
            let segments = rings(60) { _, _ in Double.random(in: 0..<1, using: &random) < 0.4 }
            let eye = Point2(Double.random(in: -0.5...0.5, using: &random), Double.random(in: -0.5...0.5, using: &random))
            let domain = RadialSweep.AngularDomain(
                start: Double.random(in: 0..<(2 * .pi), using: &random), width: Double.random(in: 0.2...(2 * .pi), using: &random))
            let near = Double.random(in: 0...0.5, using: &random)
            let far = Double.random(in: 5...25, using: &random)
            var scan = RadialSweep()
            scan.heapThreshold = .max
            var heap = RadialSweep()
            heap.heapThreshold = 0
            let scanned = scan.region(eye: eye, domain: domain, near: near, far: far, segments: segments)
            let heaped = heap.region(eye: eye, domain: domain, near: near, far: far, segments: segments)
            XCTAssertFalse(scanned.isEmpty, "trial \(trial): the scene sees nothing")
            XCTAssertEqual(scanned.map(\.shell), heaped.map(\.shell), "trial \(trial)")
            XCTAssertEqual(scanned.map(\.holes), heaped.map(\.holes), "trial \(trial)")
        }
    }
}
