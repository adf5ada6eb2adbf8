import PlanarGeometry
import SightlineSynth
import XCTest

@testable import SightlineEngine

/// The heap of open pieces on its own, against the nearest found by brute
/// force along the same ray.
final class NearestSegmentHeapTests: XCTestCase {
    /// Vertical walls x = 1, 2, …, 8 across the ray along +x from the origin:
    /// the nearest is the open one with the smallest x, whatever the order
    /// they open and close in.
    func testTheNearestOfParallelWallsIsTheOpenOneWithTheSmallestX() {
        let segments = (1...8).map { Segment(Point2(Double($0), -10), Point2(Double($0), 10)) }
        let ray = Point2(1, 0)
        var heap = NearestSegmentHeap(eye: Point2(0, 0), segmentOfPiece: Array(0..<8), segments: segments)
        XCTAssertNil(heap.nearest)
        for piece in [5, 2, 7, 0, 3] { heap.insert(piece, along: ray) }
        XCTAssertEqual(heap.nearest, 0)
        heap.remove(0, along: ray)
        XCTAssertEqual(heap.nearest, 2)
        heap.remove(6, along: ray) // never opened: nothing happens
        XCTAssertEqual(heap.count, 4)
        heap.remove(2, along: ray)
        XCTAssertEqual(heap.nearest, 3)
        heap.insert(1, along: ray)
        XCTAssertEqual(heap.nearest, 1)
    }

    /// 2,000 random inserts and removals of 200 parallel walls at random
    /// distances, removals from anywhere in the heap (so the moved last item
    /// sifts up as well as down): after each, the nearest is the brute-force
    /// minimum.
    func testRandomInsertsAndRemovalsKeepTheNearestOnTop() {
        var random = SeededGenerator(seed: 99)
        let distances = (0..<200).map { _ in Double.random(in: 1...100, using: &random) }
        let segments = distances.map { Segment(Point2($0, -1000), Point2($0, 1000)) }
        let ray = Point2(1, 0)
        var heap = NearestSegmentHeap(eye: Point2(0, 0), segmentOfPiece: Array(0..<200), segments: segments)
        var open = Set<Int>()
        for step in 0..<2000 {
            let piece = Int.random(in: 0..<200, using: &random)
            if open.contains(piece) {
                heap.remove(piece, along: ray)
                open.remove(piece)
            } else {
                heap.insert(piece, along: ray)
                open.insert(piece)
            }
            XCTAssertEqual(heap.count, open.count, "step \(step)")
            XCTAssertEqual(heap.nearest, open.min { distances[$0] < distances[$1] }, "step \(step)")
        }
    }
}
