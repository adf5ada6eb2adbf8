import Foundation
import SightlineImport
import SightlinePlan
import TestSupport
import XCTest

/// The IMDF venue in `Fixtures/import/imdf` (and the same as a zip), made
/// by `Fixtures/import/make-fixtures.py`.
final class IMDFImportTests: XCTestCase {
    private func fixture(_ name: String) -> String { CLI.packageRoot.appendingPathComponent("Fixtures/import/\(name)").path }

    private func plan(_ name: String) throws -> (ImportResult, Plan) {
        let result = try IMDFImporter().run(fixture(name))
        return (result, try PlanDecoder.decode(bytes: Array(result.json.utf8), file: name))
    }

    func testUnitsLevelsOpeningsAndTheVenue() throws {
        let (result, p) = try plan("imdf")
        XCTAssertEqual(p.metadata.crs, .epsg4326)
        XCTAssertEqual(p.levels.map(\.id), ["L0"])
        XCTAssertEqual(p.levels.map(\.name), ["一层"], "the Chinese name first")
        XCTAssertEqual(p.metadata.site.name, "示例商场")
        XCTAssertEqual(p.metadata.site.address, "西湖大道 1 号, 杭州, CN-ZJ, CN")
        // restroom.female and restroom.male → toilet, mothersroom → nursing_room,
        // walkway → corridor, an unmapped kiosk → room (and the summary says so).
        XCTAssertEqual(p.zones.map(\.category.rawValue), ["corridor", "toilet", "toilet", "nursing_room", "office", "room"])
        XCTAssertEqual(p.zones.map(\.name), ["走廊", "女卫生间", "男卫生间", "母婴室", "Office", nil])
        XCTAssertTrue(result.summary.contains("  unit categories with no match, imported as room: kiosk (1)"), "\(result.summary)")
        // Walls: the five rooms' 20 edges less the 4 they share = 16; none along
        // the walkway's own (open) edges; the concrete column; the desk as a
        // 1.2 m obstacle.
        XCTAssertEqual(p.walls.count, 16 + 1 + 1)
        XCTAssertEqual(p.walls.filter { $0.heightMetres == 1.2 }.count, 1)
        XCTAssertEqual(p.openings.count, 5)
        XCTAssertTrue(p.openings.allSatisfy { $0.type == .door && $0.state == .open })
        XCTAssertEqual(p.warnings.map(\.message), [])
    }

    func testTheZipReadsAsTheFolder() throws {
        let (_, folder) = try plan("imdf")
        let (_, zip) = try plan("imdf.zip")
        XCTAssertEqual(zip.zones.map(\.id), folder.zones.map(\.id))
        XCTAssertEqual(zip.walls.count, folder.walls.count)
        XCTAssertEqual(zip.openings.count, folder.openings.count)
    }

    func testAnArchiveWithoutIMDFSaysWhatIsMissing() {
        XCTAssertThrowsError(try IMDFImporter().run(fixture("not-imdf.zip"))) { error in
            XCTAssertTrue(
                "\(error)".contains(
                    "not-imdf.zip: not an IMDF archive: missing manifest.json, venue.geojson, level.geojson, unit.geojson, opening.geojson"),
                "\(error)")
        }
    }
}
