import Foundation
import OGR
import SightlinePlan
import TestSupport
import XCTest

/// `batch report --format gpkg`, read back with real GDAL.
final class PortfolioGeoPackageTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("portfolio-gpkg") }
    override func tearDownWithError() throws { folder.remove() }

    /// Two buildings: the passage example placed at 120° E, 30° N (its
    /// origin is the building's point; the camera's 6.0 m² toilet trapezoid
    /// an intrusion in WGS 84, about 4 m east of it: 4 / (111,320 · cos 30°)
    /// ≈ 4.15e-5° of longitude at most), and the same plan unplaced (local,
    /// no georeference): a row with no geometry, and a warning.
    func testAPortfolioLandsOnTheMapWithTypedLayers() throws {
        var placed = PlanBuilder.passageToilet()
        placed.plan["georeference"] = ["origin": [120, 30], "rotation": 0]
        let inputs = folder.url.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(placed.json()).write(to: inputs.appendingPathComponent("a-placed.json"))
        try Data(PlanBuilder.passageToilet().json()).write(to: inputs.appendingPathComponent("b-local.json"))
        let db = folder.url.appendingPathComponent("results.db").path
        let run = try CLI.run(["batch", inputs.path, "--db", db, "--as-of", "2026-01-15", "--jobs", "1"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let gpkg = folder.url.appendingPathComponent("portfolio.gpkg").path
        let r = try CLI.run(["batch", "report", db, "--format", "gpkg", "-o", gpkg])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "2 buildings (1 on the map) written to \(gpkg)\n")
        XCTAssertTrue(r.stderr.contains("1 of 2 buildings have no place on the map"), r.stderr)

        func text(_ r: OGRRecord, _ field: String) -> String {
            if case .string(let s)? = r.fields[field] { return s }
            return ""
        }
        var read: [String: [OGRRecord]] = [:]
        for layer in try OGRDataset(path: gpkg, drivers: ["GPKG"]).layers { read[layer.name] = try layer.records() }
        XCTAssertEqual(Set(read.keys), ["buildings", "intrusions", "finding_points", "findings"])
        let buildings = try XCTUnwrap(read["buildings"])
        XCTAssertEqual(buildings.count, 2)
        let a = try XCTUnwrap(buildings.first { text($0, "path").contains("a-placed") })
        guard case .point(let site)? = a.shape else { return XCTFail("the placed building has no point: \(String(describing: a.shape))") }
        XCTAssertEqual(site.x, 120, accuracy: 1e-9)
        XCTAssertEqual(site.y, 30, accuracy: 1e-9)
        guard case .integer(let errors)? = a.fields["errors"] else { return XCTFail("errors is not an integer: \(a.fields)") }
        XCTAssertEqual(errors, 1)
        let b = try XCTUnwrap(buildings.first { text($0, "path").contains("b-local") })
        XCTAssertNil(b.shape)
        let intrusions = try XCTUnwrap(read["intrusions"])
        XCTAssertEqual(intrusions.count, 1, "only the placed building's intrusion has a place")
        guard case .real(let area)? = intrusions[0].fields["area"] else { return XCTFail("area is not a real") }
        XCTAssertEqual(area, 6.0, accuracy: 1e-3)
        XCTAssertEqual(read["findings"]?.filter { text($0, "rule").hasSuffix("art8-view-intrusion") }.count, 2)
        let info = try CLI.shell("ogrinfo -so '\(gpkg)' intrusions")
        XCTAssertTrue(info.stdout.contains("WGS 84"), info.stdout)
        XCTAssertTrue(info.stdout.contains("area: Real"), info.stdout)
        let extent = try CLI.shell("ogrinfo -so -al '\(gpkg)' intrusions | grep Extent")
        XCTAssertTrue(extent.stdout.contains("(120.0000"), "east of the origin: \(extent.stdout)")
        let shp = folder.url.appendingPathComponent("shp").path
        let export = try CLI.shell("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 '\(shp)' '\(gpkg)'")
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(shp)/buildings.shp"))
    }
}
