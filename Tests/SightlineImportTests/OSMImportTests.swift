import Foundation
import SightlineEngine
import SightlineImport
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// `Fixtures/import/indoor.osm` (Simple Indoor Tagging, made by
/// `Fixtures/import/make-fixtures.py`).
final class OSMImportTests: XCTestCase {
    private func fixture(_ name: String) -> String { CLI.packageRoot.appendingPathComponent("Fixtures/import/\(name)").path }

    func testRoomsWallsDoorsAndTheCamera() throws {
        let result = try OSMImporter().run(fixture("indoor.osm"))
        let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "indoor.json")
        XCTAssertEqual(plan.metadata.crs, .epsg4326)
        XCTAssertEqual(plan.levels.map(\.id), ["L0"])
        // Closed indoor ways are areas (GDAL's default reads them as lines).
        XCTAssertEqual(plan.zones.map(\.category.rawValue), ["corridor", "toilet", "changing_room", "public"])
        XCTAssertEqual(plan.zones.map(\.name), ["走廊", "卫生间", "更衣室", "休息区"], "name:zh first")
        // Walls: the corridor's 8 edges and the two rooms' edges, each once and
        // none along the indoor=area alone: corridor 1-2, 2-3, 3-6, 6-21, 21-5,
        // 5-20, 20-4, 4-1; toilet adds 5-8, 8-7, 7-4; changing room adds 6-9, 9-8.
        XCTAssertEqual(plan.walls.count, 13)
        XCTAssertEqual(plan.openings.map(\.type), [.passage, .door], "door=no is an open doorway")
        XCTAssertEqual(plan.cameras.map(\.id), ["CAM-7"])
        XCTAssertEqual(plan.cameras[0].heading, 0)
        XCTAssertEqual(plan.cameras[0].mountHeight, 2.7)
        XCTAssertEqual(plan.warnings.map(\.message), [])
    }

    /// CAM-7 looks north through the 1.0 m doorway 2 × 1.108524 = 2.2170 m
    /// away (1e-5° of latitude at 30° is 1.108524 m): the wedge's half-width
    /// grows from 0.5 m there to 7.7597 × 0.5/2.2170 = 1.7500 m at the
    /// toilet's north wall, inside its 3.86 m width, so it sees the trapezoid
    /// (7.7597 − 2.2170) × (0.5 + 1.75) = 12.471 m².
    func testTheCorridorCameraSeesIntoTheToilet() throws {
        let result = try OSMImporter().run(fixture("indoor.osm"))
        let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "indoor.json")
        let analysis = try Engine(prohibited: PlanBuilder.cn2025.prohibitedCategories).analyze(plan)
        let intrusion = try XCTUnwrap(analysis.cameras[0].intrusions.first { $0.zone.name == "卫生间" })
        XCTAssertEqual(intrusion.area, 12.471, accuracy: 0.01)
    }

    func testTagsAndDirections() {
        XCTAssertEqual(OSMImporter.hstore(#""door"=>"no","name"=>"a \"b\"""#), ["door": "no", "name": "a \"b\""])
        XCTAssertEqual(OSMImporter.levels(["level": "0;1"]), [0, 1])
        XCTAssertEqual(OSMImporter.levels(["level": "1-3"]), [1, 2, 3])
        XCTAssertEqual(OSMImporter.levels(["level": "-1", "repeat_on": "2"]), [-1, 2])
        XCTAssertEqual(OSMImporter.bearing("NE"), 45)
        XCTAssertEqual(OSMImporter.bearing("-90"), 270)
    }

    func testAMapWithoutIndoorTagsIsOneClearError() {
        XCTAssertThrowsError(try OSMImporter().run(fixture("outdoor.osm"))) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix(
                    "outdoor.osm: no indoor=room, corridor, area or wall features (Simple Indoor Tagging): not an indoor map"), "\(error)")
        }
    }
}
