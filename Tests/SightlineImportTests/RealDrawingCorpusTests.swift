import Foundation
import SightlineEngine
import SightlineImport
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
        // Glazing drawn beside its wall, not on it (issue #28: parallel glazing lines).
        "dxf/contoso_revit-v2_ground.dxf": .checkRefused("the opening lies on no wall"),
        "dxf/ezdxf-wipeout_door_walls.dxf": .checked,
        "dxf/freecad-barcelona_pavilion_full.dxf": .checked,
        "dxf/freecad-barcelona_pavilion_plan.dxf": .checked,
        "dxf/freecad-barcelona_pavilion_plan_exported_r12.dxf": .importRefused("no layer was recognised"),
        "dxf/leica_disto-room_survey_r12.dxf": .importRefused("give --units"),
        "dxf/notecad-house_plan.dxf": .importRefused("no layer was recognised"),
        "dxf/qcad-bath_plan.dxf": .importRefused("no layer was recognised"),
        "dxf/qcad-floor_plan.dxf": .importRefused("no layer was recognised"),
        // Door nodes 0.05–0.5 m from the walls the importer writes (issue #28: doors only where their wall is).
        "osm/josm-tud_apb_dresden.osm": .checkRefused("the opening is near no wall"),
        "osm/kde-amenity_toilets_cc0.osm": .importRefused("not an indoor map"),
        "osm/kde-wuerzburg_lecture_room.osm": .checked,
        "osm/osmfilter-leipzig_hbf.osm": .importRefused("not an indoor map"),
        "osm/osmfilter-paris_gare_de_lyon.osm": .importRefused("not an indoor map"),
        "osm/overpass-berlin_hbf.osm": .checked,
    ]

    private enum Outcome: Equatable {
        case checked
        case checkRefused(String)
        case importRefused(String)
    }

    private func files() throws -> [String] {
        try ["dxf", "osm"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".dxf") || $0.hasSuffix(".osm") }.map { "\(folder)/\($0)" }
        }.sorted()
    }

    /// The independent reading's counts for a file.
    private func reading(_ file: String) throws -> (rooms: Int, toilets: Int) {
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let url = Self.root.appendingPathComponent("reading/\(stem).json")
        let counts = try JSONParser.parse([UInt8](Data(contentsOf: url))).objectValue?["counts"]?.objectValue
        return (Int(counts?["rooms"]?.numberValue ?? 0), Int(counts?["toilets"]?.numberValue ?? 0))
    }

    func testEveryRealDrawingImportsAndChecksOrIsRefusedInOneLine() throws {
        let all = try files()
        XCTAssertEqual(Set(all), Set(Self.expected.keys), "every file of the corpus has its expectation")
        var totals = (files: 0, imported: 0, checked: 0, rooms: 0, readRooms: 0, toilets: 0, readToilets: 0)
        for file in all {
            let path = Self.root.appendingPathComponent(file).path
            let read = try reading(file)
            totals.files += 1
            totals.readRooms += read.rooms
            totals.readToilets += read.toilets
            let result: ImportResult
            do {
                result = try file.hasSuffix(".osm") ? OSMImporter().run(path) : DXFImporter().run(path)
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
                + "\(totals.rooms) zones against \(totals.readRooms) rooms read, \(totals.toilets) toilets against \(totals.readToilets) read"
        )
    }
}
