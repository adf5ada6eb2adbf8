import Foundation
import PlanarGeometry
import XCTest

/// `PolygonRings.area(withinDiskOf:about:)` against areas worked by hand.
final class DiskAreaTests: XCTestCase {
    private func square(_ x: Double, _ y: Double, _ side: Double) -> PolygonRings {
        PolygonRings(shell: [Point2(x, y), Point2(x + side, y), Point2(x + side, y + side), Point2(x, y + side)])
    }

    func testAreasWorkedByHand() {
        // A 2 × 2 square about the centre, in a disk of radius 10: all 4 m².
        XCTAssertEqual(square(-1, -1, 2).area(withinDiskOf: 10, about: Point2(0, 0)), 4, accuracy: 1e-12)
        // A 20 × 20 square about the centre, disk of radius 1: the whole disk, π.
        XCTAssertEqual(square(-10, -10, 20).area(withinDiskOf: 1, about: Point2(0, 0)), Double.pi, accuracy: 1e-12)
        // The quarter plane x, y ≥ 0 (a 10 × 10 square from the centre), radius 2: a quarter disk, π.
        XCTAssertEqual(square(0, 0, 10).area(withinDiskOf: 2, about: Point2(0, 0)), Double.pi, accuracy: 1e-12)
        // Clockwise or counter-clockwise, the same area.
        let clockwise = PolygonRings(shell: square(0, 0, 10).shell.reversed())
        XCTAssertEqual(clockwise.area(withinDiskOf: 2, about: Point2(0, 0)), Double.pi, accuracy: 1e-12)
        // The half-plane y ≥ 1 within radius 2: the circular segment r²·acos(h/r) − h·√(r² − h²).
        let segment = 4 * acos(0.5) - 1 * (3.0).squareRoot()
        XCTAssertEqual(square(-5, 1, 10).area(withinDiskOf: 2, about: Point2(0, 0)), segment, accuracy: 1e-12)
        // A square with a hole: the hole's part comes off.
        var holed = square(-10, -10, 20)
        holed.holes = [square(-1, -1, 2).shell]
        XCTAssertEqual(holed.area(withinDiskOf: 5, about: Point2(0, 0)), 25 * Double.pi - 4, accuracy: 1e-12)
        // The ring between radii 1 and 2 within the quarter plane: (4π − π)/4.
        XCTAssertEqual(square(0, 0, 10).area(inRingFrom: 1, to: 2, about: Point2(0, 0)), 3 * Double.pi / 4, accuracy: 1e-12)
        XCTAssertEqual(square(0, 0, 10).area(inRingFrom: 2, to: 1, about: Point2(0, 0)), 0)
    }
}
