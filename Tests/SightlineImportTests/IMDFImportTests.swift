import Foundation
import SightlineImport
import SightlineJSON
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

    /// A venue of 30,000 units that all carry one id (a 48 KB zip of repeated
    /// ids took 27 s: each id was numbered by trying -2, -3… in turn): every
    /// unit is imported, numbered, in time linear in the features.
    func testThirtyThousandUnitsWithOneIdImportInLinearTime() throws {
        let folder = try ScratchFolder("imdf-many")
        defer { folder.remove() }
        let venue = folder.url.appendingPathComponent("venue")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture("imdf")), to: venue)
        for name in ["opening", "fixture"] {
            try Data(#"{"type": "FeatureCollection", "features": []}"#.utf8).write(to: venue.appendingPathComponent("\(name).geojson"))
        }
        var units: [String] = []
        for k in 0..<30_000 {
            let x = 120.0 + Double(k % 200) * 0.000001
            let y = 30.0 + Double(k / 200) * 0.0000005
            let ring = [[x, y], [x + 0.0000008, y], [x + 0.0000008, y + 0.0000004], [x, y + 0.0000004], [x, y]]
            let coordinates = ring.map { "[\($0[0]), \($0[1])]" }.joined(separator: ",")
            units.append(
                #"{"type": "Feature", "feature_type": "unit", "id": "dup", "geometry": {"type": "Polygon", "coordinates": [[\#(coordinates)]]}, "properties": {"category": "room", "level_id": "11111111-1111-1111-1111-111111111111"}}"#
            )
        }
        try Data((#"{"type": "FeatureCollection", "features": ["# + units.joined(separator: ",") + "]}").utf8)
            .write(to: venue.appendingPathComponent("unit.geojson"))
        let started = Date()
        let result = try IMDFImporter().run(venue.path)
        print("30,000 units of one id imported in \(DecimalText.fixed1(Date().timeIntervalSince(started))) s")
        let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "many.json")
        XCTAssertEqual(plan.zones.count, 30_000)
        XCTAssertEqual(Set(plan.zones.map(\.id)).count, 30_000, "every unit keeps an id of its own")
    }

    func testTheZipReadsAsTheFolder() throws {
        let (_, folder) = try plan("imdf")
        let (_, zip) = try plan("imdf.zip")
        XCTAssertEqual(zip.zones.map(\.id), folder.zones.map(\.id))
        XCTAssertEqual(zip.walls.count, folder.walls.count)
        XCTAssertEqual(zip.openings.count, folder.openings.count)
    }

    /// A venue as real exports come: no `manifest.json` (a production
    /// campus had none) is a warning, not a refusal; an opening drawn as a
    /// MultiLineString is read, a line an opening; one with no line is
    /// named as skipped.
    func testAVenueWithoutAManifestAndWithMultiLineOpenings() throws {
        let scratch = try ScratchFolder("imdf-real")
        defer { scratch.remove() }
        let venue = scratch.url.appendingPathComponent("campus")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture("imdf")), to: venue)
        try FileManager.default.removeItem(at: venue.appendingPathComponent("manifest.json"))
        let openings = venue.appendingPathComponent("opening.geojson")
        var collection = try XCTUnwrap(try JSONParser.parse(Array(Data(contentsOf: openings))).objectValue)
        var features = try XCTUnwrap(collection["features"]?.arrayValue)
        // o-0 becomes two leaves of one opening; o-1 loses its geometry.
        var first = try XCTUnwrap(features[0].objectValue)
        let line = try XCTUnwrap(first["geometry"]?.objectValue?["coordinates"])
        first["geometry"] = .object(JSONObject([("type", .string("MultiLineString")), ("coordinates", .array([line, line]))]))
        features[0] = .object(first)
        var second = try XCTUnwrap(features[1].objectValue)
        second["geometry"] = .null
        features[1] = .object(second)
        collection["features"] = .array(features)
        var writer = JSONWriter()
        writer.value(.object(collection))
        try Data(writer.string.utf8).write(to: openings)

        let (original, _) = try plan("imdf")
        let result = try IMDFImporter().run(venue.path)
        let imported = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "campus")
        XCTAssertTrue(result.summary.contains("  warning: no manifest.json: read as IMDF from its other files"), "\(result.summary)")
        XCTAssertTrue(
            result.summary.contains { $0.contains("1 opening skipped (no known level_id, or no line): `o-1`") }, "\(result.summary)")
        XCTAssertFalse(original.summary.contains { $0.contains("warning") }, "\(original.summary)")
        // 5 openings, less o-1, plus o-0's second leaf (the same line: both kept, as drawn).
        let before = try PlanDecoder.decode(bytes: Array(original.json.utf8), file: "imdf").openings.count
        XCTAssertEqual(imported.openings.count, before)
        XCTAssertEqual(imported.openings.filter { $0.id.hasPrefix("o-0") }.count, 2)
        XCTAssertNotNil(DrawingImport.importer(for: venue.path), "a folder with units and no manifest is a venue `check` reads")
    }

    func testAnArchiveWithoutIMDFSaysWhatIsMissing() {
        XCTAssertThrowsError(try IMDFImporter().run(fixture("not-imdf.zip"))) { error in
            XCTAssertTrue(
                "\(error)".contains(
                    "not-imdf.zip: not an IMDF archive: missing level.geojson, unit.geojson"),
                "\(error)")
        }
    }
}
