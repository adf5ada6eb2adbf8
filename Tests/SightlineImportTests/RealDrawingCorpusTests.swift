import Foundation
import PlanarGeometry
import SightlineEngine
import SightlineImport
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

/// Every real drawing of `Fixtures/real/` (made by people outside the
/// project: PROVENANCE.md) goes through its importer or is refused with one
/// line saying what to do; an imported plan is then checked as `check`
/// would check it. The rooms and toilets found are set against the
/// independent reading in `Fixtures/real/reading/` (ezdxf, shapely, XML;
/// run once, committed) and the totals printed, so the importers' progress
/// on real drawings is measured, not guessed.
final class RealDrawingCorpusTests: XCTestCase {
    private static let root = CLI.packageRoot.appendingPathComponent("Fixtures/real")

    /// What a file gives today: imported and checked, imported but refused
    /// by the check (with the words of its first problem), or refused by
    /// the import (with words of its one line). A change in any of these is
    /// a change in what real users meet: update the table with the reason.
    private static let expected: [String: Outcome] = [
        "dxf/contoso_autocad-v1_basement.dxf": .checked,
        "dxf/contoso_autocad-v1_ground.dxf": .checked,
        "dxf/contoso_autocad-v1_level_2.dxf": .checked,
        // One window drawn twice: the second is dropped (the wall is cut already).
        "dxf/contoso_revit-v2_ground.dxf": .checked,
        "dxf/ezdxf-wipeout_door_walls.dxf": .checked,
        "dxf/freecad-barcelona_pavilion_full.dxf": .checked,
        "dxf/freecad-barcelona_pavilion_plan.dxf": .checked,
        "dxf/freecad-barcelona_pavilion_plan_exported_r12.dxf": .importRefused("no layer was recognised"),
        "dxf/leica_disto-room_survey_r12.dxf": .importRefused("give --units"),
        "dxf/notecad-house_plan.dxf": .importRefused("no layer was recognised"),
        "dxf/qcad-bath_plan.dxf": .importRefused("no layer was recognised"),
        "dxf/qcad-floor_plan.dxf": .importRefused("no layer was recognised"),
        // Door nodes 0.12–0.37 m off the walls the importer writes are moved onto them.
        "osm/josm-tud_apb_dresden.osm": .checked,
        "osm/kde-amenity_toilets_cc0.osm": .importRefused("not an indoor map"),
        "osm/kde-wuerzburg_lecture_room.osm": .checked,
        "osm/osmfilter-leipzig_hbf.osm": .importRefused("not an indoor map"),
        "osm/osmfilter-paris_gare_de_lyon.osm": .importRefused("not an indoor map"),
        "osm/overpass-berlin_hbf.osm": .checked,
        // A validator's example, synthetic: one unit.
        "imdf/imdfmcp-synthetic_minimal": .checked,
        // Files named *.json, no venue, no openings; GDAL read the OSM ids in the properties for the features' ids.
        "imdf/osmtoimdf-uni_ulm": .checked,
        "imdf/polymap-spbpu_campus": .checked,
        // Korean labels, 32 `glass` units (glazing strips), amenity.geojson with a trailing comma (not read).
        "imdf/postech-building_c5": .checked,
    ]

    /// DXF files whose doors the import cannot match to the reading, and why.
    static let doorsDiffer: [String: String] = [
        // $INSUNITS says inches; its 8 swings are 1.01 units: metres. The import warns and names --units m, which finds all 8.
        "dxf/freecad-barcelona_pavilion_full.dxf": "declared in inches, drawn in metres"
    ]

    private enum Outcome: Equatable {
        case checked
        case checkRefused(String)
        case importRefused(String)
    }

    /// The corpus: DXF and OSM files, and IMDF venues (folders).
    private func files() throws -> [String] {
        try ["dxf", "osm", "imdf"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".dxf") || $0.hasSuffix(".osm") || folder == "imdf" }.map { "\(folder)/\($0)" }
        }.sorted()
    }

    private func importing(_ file: String) throws(ImportError) -> ImportResult {
        let path = Self.root.appendingPathComponent(file).path
        if file.hasPrefix("imdf/") { return try IMDFImporter().run(path) }
        return try file.hasSuffix(".osm") ? OSMImporter().run(path) : DXFImporter().run(path)
    }

    /// The independent reading's counts for a file.
    private func reading(_ file: String) throws -> (rooms: Int, toilets: Int, privatePlaces: Int, doors: Int, levels: Int) {
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let url = Self.root.appendingPathComponent("reading/\(stem).json")
        let root = try JSONParser.parse([UInt8](Data(contentsOf: url))).objectValue
        let counts = root?["counts"]?.objectValue
        return (
            Int(counts?["rooms"]?.numberValue ?? 0), Int(counts?["toilets"]?.numberValue ?? 0),
            Int(counts?["art8_places"]?.numberValue ?? 0), Int(counts?["doors"]?.numberValue ?? 0), root?["levels"]?.arrayValue?.count ?? 0
        )
    }

    func testEveryRealDrawingImportsAndChecksOrIsRefusedInOneLine() throws {
        let all = try files()
        XCTAssertEqual(Set(all), Set(Self.expected.keys), "every file of the corpus has its expectation")
        var totals = (files: 0, imported: 0, checked: 0, rooms: 0, readRooms: 0, toilets: 0, readToilets: 0, doors: 0, readDoors: 0)
        for file in all {
            let read = try reading(file)
            totals.files += 1
            totals.readRooms += read.rooms
            totals.readToilets += read.toilets
            let result: ImportResult
            do {
                result = try importing(file)
            } catch {
                XCTAssertFalse(error.message.contains("\n"), "\(file): one line: \(error.message)")
                if case .importRefused(let words)? = Self.expected[file] {
                    XCTAssertTrue(error.message.contains(words), "\(file): \(error.message)")
                } else {
                    XCTFail("\(file): refused by the import: \(error.message)")
                }
                print("corpus: \(file): import refused: \(error.message)")
                continue
            }
            totals.imported += 1
            let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: file)
            let toilets = plan.zones.filter { $0.category == .toilet }.count
            totals.rooms += plan.zones.count
            totals.toilets += toilets
            print("corpus: \(file): \(plan.zones.count) zones (reading \(read.rooms) rooms), \(toilets) toilets (reading \(read.toilets))")
            XCTAssertLessThanOrEqual(toilets, max(read.toilets, 0) + 0, "\(file): no toilet the reading does not see")
            if file.hasPrefix("dxf/") {
                // Doors however drawn: blocks, doorway outlines, leaves and swing arcs.
                let doors = plan.openings.filter { $0.type == .door }.count
                totals.doors += doors
                totals.readDoors += read.doors
                print("corpus: \(file): \(doors) doors (reading \(read.doors))")
                if let why = Self.doorsDiffer[file] {
                    XCTAssertNotEqual(doors, read.doors, "\(file): doors now match the reading (\(why)); update the table")
                } else {
                    XCTAssertEqual(doors, read.doors, "\(file): doors")
                }
            }
            if file.hasPrefix("imdf/") {
                // A venue's units are its rooms, one for one (building-fabric units are walls), on the levels the reading lists.
                XCTAssertEqual(plan.zones.count, read.rooms, "\(file): units")
                XCTAssertEqual(toilets, read.toilets, "\(file): restrooms")
                let privatePlaces = plan.zones.filter { RoomKeywords.privateCategories.contains($0.category.rawValue) }.count
                XCTAssertEqual(privatePlaces, read.privatePlaces, "\(file): Art. 8 places (restrooms, locker rooms…)")
                XCTAssertEqual(plan.levels.count, read.levels, "\(file): levels")
            }
            do {
                _ = try Engine(prohibited: [.toilet, .guestRoom, .changingRoom, .bathhouse]).analyze(plan)
                totals.checked += 1
                XCTAssertEqual(Self.expected[file], .checked, "\(file): now checks; update the table")
            } catch let error as PlanError {
                let first = error.problems.first?.message ?? ""
                if case .checkRefused(let words)? = Self.expected[file] {
                    XCTAssertTrue(first.contains(words), "\(file): \(first)")
                } else {
                    XCTFail("\(file): refused by the check: \(first)")
                }
            }
        }
        print(
            "corpus totals: \(totals.files) files, \(totals.imported) imported, \(totals.checked) checked; "
                + "\(totals.rooms) zones against \(totals.readRooms) rooms read, \(totals.toilets) toilets against \(totals.readToilets) read; "
                + "DXF doors \(totals.doors) against \(totals.readDoors) read"
        )
    }

    /// Cameras at real restroom doors: for every door on a toilet's outline
    /// in the real venues that have doors, a camera 0.6 m outside the door
    /// looking in sees into that toilet, and the same camera turned to look
    /// away does not. The geometry is the source's; only the cameras are added.
    func testCamerasThroughRealRestroomDoorsAreFoundAndCamerasAimedAwayAreNot() throws {
        var totals = (doors: 0, found: 0, falseAlarms: 0)
        for file in [
            "imdf/polymap-spbpu_campus", "imdf/postech-building_c5", "osm/josm-tud_apb_dresden.osm", "osm/overpass-berlin_hbf.osm",
        ] {
            let result = try importing(file)
            let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: file)
            var cameras: [JSONValue] = []
            var expected: [String: (zone: String, looksIn: Bool)] = [:]
            for toilet in plan.zones where toilet.category == .toilet {
                for door in plan.openings where door.info.level == toilet.info.level {
                    // A door line (IMDF) or a door node (OSM) on the toilet's outline, and the outline's direction there.
                    let middle: Point2
                    switch door.shape {
                    case .line(let line):
                        guard let a = line.first, let b = line.last, a.distance(to: b) > 0.4 else { continue }
                        middle = (a + b) * 0.5
                    case .point(let p, _): middle = p
                    }
                    let edges = toilet.polygons.flatMap(\.edges).filter { $0.distance(to: middle) < 0.05 }
                    guard let edge = edges.first, edge.a.distance(to: edge.b) > 0 else { continue }
                    let along = (edge.b - edge.a) * (1 / edge.a.distance(to: edge.b))
                    var outward = Point2(-along.y, along.x)
                    if toilet.polygons.contains(where: { $0.covers(middle + outward * 0.3) }) { outward = outward * -1 }
                    let spot = middle + outward * 0.6
                    // A door whose outside is another toilet or no room at all says nothing here.
                    guard !plan.zones.contains(where: { $0.category == .toilet && $0.polygons.contains { $0.covers(spot) } }),
                        plan.zones.contains(where: { $0.polygons.contains { $0.covers(spot) } })
                    else { continue }
                    let inward = outward * -1
                    for (suffix, direction, looksIn) in [("in", inward, true), ("away", outward, false)] {
                        let id = "probe-\(cameras.count / 2)-\(suffix)"
                        let heading = (atan2(direction.x, direction.y) * 180 / .pi + 360).truncatingRemainder(dividingBy: 360)
                        cameras.append(Self.camera(id, level: toilet.info.level, heading: heading, at: plan.frame.toPlan(spot)))
                        expected[id] = (toilet.id, looksIn)
                    }
                }
            }
            guard var root = result.document.objectValue, let features = root["features"]?.arrayValue else { continue }
            root["features"] = .array(features + cameras)
            var w = JSONWriter()
            w.value(.object(root))
            let probed = try PlanDecoder.decode(bytes: Array(w.string.utf8), file: file)
            let analysis = try Engine(prohibited: [.toilet]).analyze(probed)
            var doors = 0
            for camera in analysis.cameras {
                guard let (zone, looksIn) = expected[camera.camera.id] else { continue }
                let sees = camera.intrusions.contains { $0.zone.id == zone && $0.area >= 0.01 }
                if looksIn {
                    doors += 1
                    if sees { totals.found += 1 }
                    XCTAssertTrue(sees, "\(file): \(camera.camera.id) looks through a door of \(zone) and sees nothing of it")
                } else if sees {
                    totals.falseAlarms += 1
                    XCTFail("\(file): \(camera.camera.id) looks away from \(zone) and is said to see into it")
                }
            }
            totals.doors += doors
            print("corpus doors: \(file): \(doors) restroom doors probed")
        }
        XCTAssertGreaterThan(totals.doors, 10, "the probe reached real restroom doors")
        print(
            "corpus doors: \(totals.found) of \(totals.doors) cameras through real restroom doors found, \(totals.falseAlarms) false alarms in \(totals.doors) aimed away"
        )
    }

    /// A camera feature at `position` (the plan's own coordinates): a 60°
    /// lens reaching 8 m, looking along `heading`.
    private static func camera(_ id: String, level: String, heading: Double, at position: Point2) -> JSONValue {
        let properties: [(String, JSONValue)] = [
            ("kind", .string("camera")), ("level", .string(level)), ("heading", .number(heading)), ("hfov", .number(60)),
            ("range", .number(8)),
        ]
        let point: [(String, JSONValue)] = [
            ("type", .string("Point")), ("coordinates", .array([.number(position.x), .number(position.y)])),
        ]
        return .object(
            JSONObject([
                ("type", .string("Feature")), ("id", .string(id)), ("properties", .object(JSONObject(properties))),
                ("geometry", .object(JSONObject(point))),
            ]))
    }
}
