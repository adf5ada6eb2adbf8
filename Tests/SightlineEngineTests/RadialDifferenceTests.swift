import GEOS
import PlanarGeometry
import SightlineSynth
import XCTest

@testable import SightlineEngine

/// `RadialDifference` against GEOS (the union of the shadows, then the
/// difference: what the engine did before), and on shapes whose answer is
/// worked out by hand.
final class RadialDifferenceTests: XCTestCase {
    private let eye = Point2(0, 0)

    /// A sector of the disk of radius `r` from maths angle `a0` through `width`
    /// (radians), arcs in chords of at most 1°, as the sweep draws a view.
    private func sector(_ r: Double, from a0: Double, width: Double, near: Double = 0) -> PolygonRings {
        PolygonRings.annulus(center: eye, from: near, to: r, start: a0, width: width, maxArcStep: .pi / 180)[0]
    }

    /// The shadow of the wall p→q: from the wall out to `k` times as far.
    private func shadow(_ p: Point2, _ q: Point2, _ k: Double) -> [PolygonRings] {
        [PolygonRings(shell: [p, q, q * k, p * k])]
    }

    func testOneWallsShadowInAQuarterDiskIsCutOutExactly() throws {
        // A quarter disk of radius 10 (chords), a wall from (2, 2) to (4, 2)
        // throwing its shadow to twice as far: the band between the wall and
        // its double has (k² − 1) times the area of the triangle eye–p–q,
        // 3 · ½·|2·2 − 2·4| = 6 m².
        let view = [sector(10, from: 0, width: .pi / 2)]
        let cut = try XCTUnwrap(RadialDifference(eye: eye).subtract([shadow(Point2(2, 2), Point2(4, 2), 2)], from: view))
        let before = view[0].area
        let after = cut.reduce(0) { $0 + $1.area }
        XCTAssertEqual(before - after, 6, accuracy: 1e-9)
        // The shadow lies inside the view, so the answer has it as a hole.
        XCTAssertEqual(cut.count, 1)
        XCTAssertEqual(cut[0].holes.count, 1)
    }

    func testAShadowAcrossTheViewsEdgeSplitsNothingOutside() throws {
        // A 90° view from +x to +y; a wall from (5, −1) to (5, 1) half outside
        // it: only the part above y = 0 is lost, (k² − 1) times the triangle
        // eye–(5, 0)–(5, 1): 3 · ½·5·1 = 7.5 m².
        let view = [sector(20, from: 0, width: .pi / 2)]
        let cut = try XCTUnwrap(RadialDifference(eye: eye).subtract([shadow(Point2(5, -1), Point2(5, 1), 2)], from: view))
        XCTAssertEqual(view[0].area - cut.reduce(0) { $0 + $1.area }, 7.5, accuracy: 1e-9)
    }

    func testAgreesWithGEOSOnRandomScenes() throws {
        var rng = SeededGenerator(seed: 7)
        let ctx = GEOSContext()
        var compared = 0
        var declined = 0
        for scene in 0..<400 {
            // A view like the sweep's: a sector, sometimes with a near limit,
            // its far edge dented by walls (random radii per chord vertex).
            let width = rng.uniform(0.3, 2 * .pi - 0.3)
            let start = rng.uniform(-.pi, .pi)
            let near = rng.chance(0.3) ? rng.uniform(0.5, 2) : 0
            var view = sector(rng.uniform(8, 30), from: start, width: width, near: near)
            if near == 0 {
                view.shell = view.shell.map { p in p == eye ? p : p * rng.uniform(0.6, 1) }
            }
            var shadows: [[PolygonRings]] = []
            // Cubicles: a chain of walls sharing their ends, one height, so
            // neighbouring shadows share a side.
            if rng.chance(0.5) {
                let k = rng.uniform(1.1, 2.5)
                var a = rng.uniform(-.pi, .pi)
                var p = Point2(cos(a), sin(a)) * rng.uniform(2, 15)
                for _ in 0..<Int(rng.uniform(2, 8)) {
                    a += rng.uniform(0.05, 0.5)
                    let q = Point2(cos(a), sin(a)) * rng.uniform(2, 15)
                    shadows.append(shadow(p, q, k))
                    p = q
                }
            }
            for _ in 0..<Int(rng.uniform(1, 12)) {
                let a = rng.uniform(-.pi, .pi)
                let b = a + rng.uniform(0.05, 1.2)
                let ra = rng.uniform(1, 20)
                let rb = rng.uniform(1, 20)
                let p = Point2(cos(a) * ra, sin(a) * ra)
                let q = Point2(cos(b) * rb, sin(b) * rb)
                shadows.append(shadow(p, q, rng.uniform(1.05, 3)))
            }
            guard let mine = RadialDifference(eye: eye).subtract(shadows, from: [view]) else {
                declined += 1
                continue
            }
            let union = try ctx.collection(.collection, shadows.flatMap { try $0.map { try ctx.polygon($0) } }).unaryUnion()
            let reference = try ctx.multiPolygon([view]).difference(union)
            let ours = try ctx.multiPolygon(mine)
            let invalid = try ours.validityReason
            XCTAssertNil(invalid, "scene \(scene)")
            let symmetric = try ours.difference(reference).area + reference.difference(ours).area
            let whole = try reference.area
            XCTAssertLessThan(symmetric, 1e-7 * max(1, whole), "scene \(scene)")
            compared += 1
        }
        print("RadialDifference: \(compared) scenes compared with GEOS, \(declined) declined")
        XCTAssertGreaterThan(compared, 300, "declined \(declined)")
    }
}

extension SeededGenerator {
    fileprivate mutating func uniform(_ a: Double, _ b: Double) -> Double { Double.random(in: a..<b, using: &self) }
    fileprivate mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}
