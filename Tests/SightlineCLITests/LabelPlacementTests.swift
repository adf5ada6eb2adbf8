import Foundation
import SightlinePlan
import TestSupport
import XCTest

/// The drawing's labels (HTML report; the PDF shares the drawing): none
/// overlaps another or leaves the drawing, and a name too long for its room
/// is shortened to fit inside it.
final class LabelPlacementTests: XCTestCase {
    /// A label's box as the placer estimates it: a CJK character one em
    /// wide, any other 0.6 em, 1.25 em high, centred on (x, y).
    private struct LabelBox {
        var text: String, cls: String
        var minX, minY, maxX, maxY: Double
        func overlaps(_ o: LabelBox) -> Bool {
            minX < o.maxX - 1e-9 && o.minX < maxX - 1e-9 && minY < o.maxY - 1e-9 && o.minY < maxY - 1e-9
        }
    }

    private func labels(_ svg: String) throws -> [LabelBox] {
        let pattern = try NSRegularExpression(
            pattern:
                #"<text class="(zone-label|area-label|camera-label)" x="([-0-9.]+)" y="([-0-9.]+)" font-size="([0-9.]+)">([^<]*)</text>"#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
            let part = { (i: Int) in String(svg[Range(m.range(at: i), in: svg)!]) }
            let x = Double(part(2))!
            let y = Double(part(3))!
            let size = Double(part(4))!
            let text = part(5).replacingOccurrences(of: "&amp;", with: "&")
            let width =
                text.unicodeScalars.reduce(0.0) {
                    $0 + ((0x2E80...0xFFFF).contains($1.value) && !(0xFF61...0xFFDF).contains($1.value) ? 1 : 0.6)
                } * size
            return LabelBox(
                text: text, cls: part(1), minX: x - width / 2, minY: y - size * 0.625, maxX: x + width / 2, maxY: y + size * 0.625)
        }
    }

    /// A row of eight 2 m × 3 m fitting rooms named "Fitting room number N
    /// of the east wing" (35 characters), a corridor and three cameras whose
    /// ids crowd each other: on a 30 m drawing the label size is 30/90 m, a
    /// zone label 0.3 m, so a full name is 35 · 0.6 · 0.3 = 6.3 m wide — it
    /// must be shortened (with "…") to fit its 2 m room.
    func testLabelsNeverOverlapAndLongNamesAreShortenedToFitTheirRooms() throws {
        var b = PlanBuilder()
        for i in 0..<8 {
            let x = Double(i) * 2
            b.zone(
                "fit-\(i)", "fitting_room", [[x, 0], [x + 2, 0], [x + 2, 3], [x, 3]],
                ["name": "Fitting room number \(i + 1) of the east wing"])
            b.wall("w-\(i)", [[x, 0], [x, 3]])
        }
        b.zone("hall", "retail", [[0, -6], [30, -6], [30, 0], [0, 0]], ["name": "卖场 Sales floor"])
        b.wall("front", [[0, 0], [16, 0]])
        for (i, x) in [2.0, 2.4, 2.8].enumerated() {
            b.camera("camera-number-\(i)", at: [x, -1], ["heading": 180, "hfov": 60, "range": 4])
        }
        let folder = try ScratchFolder("labels")
        defer { folder.remove() }
        let plan = try folder.write(b, "labels.json")
        let r = try CLI.run(["check", plan, "--format", "html", "--as-of", "2026-01-15"])
        XCTAssertTrue([0, 1].contains(r.status), r.stderr)
        let found = try labels(r.stdout)
        XCTAssertEqual(found.filter { $0.cls == "camera-label" }.count, 3, "every camera keeps its id")
        for (i, a) in found.enumerated() {
            for c in found[(i + 1)...] { XCTAssertFalse(a.overlaps(c), "\(a.text) overlaps \(c.text)") }
        }
        let rooms = found.filter { $0.cls == "zone-label" && $0.text.hasPrefix("Fitting") }
        XCTAssertFalse(rooms.isEmpty)
        for label in rooms {
            XCTAssertTrue(label.text.hasSuffix("…"), "\(label.text) was not shortened")
            XCTAssertLessThanOrEqual(label.maxX - label.minX, 2 + 1e-9, "\(label.text) is wider than its room")
            // Inside the rooms' band, plan y 0…3 (SVG y is negated: −3…0).
            XCTAssertTrue(label.minY >= -3 - 1e-9 && label.maxY <= 1e-9, "\(label.text) leaves its room")
        }
        XCTAssertTrue(found.contains { $0.text == "卖场 Sales floor" }, "a name that fits is kept whole")
        // The viewBox contains every label.
        let viewBox = try XCTUnwrap(r.stdout.range(of: #"viewBox="[^"]+""#, options: .regularExpression).map { String(r.stdout[$0]) })
        let v = viewBox.dropFirst(9).dropLast().split(separator: " ").compactMap { Double($0) }
        for label in found {
            XCTAssertTrue(
                label.minX >= v[0] && label.maxX <= v[0] + v[2] && label.minY >= v[1] && label.maxY <= v[1] + v[3],
                "\(label.text) leaves the drawing")
        }
    }
}
