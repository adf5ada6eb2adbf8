import Foundation
import TestSupport
import XCTest

/// `--format geojson --layers`, read back with gdal-bin.
final class GeoJSONLayerTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("geojson-layers") }
    override func tearDownWithError() throws { folder.remove() }

    /// `--format geojson --layers`: one file per layer, each of one
    /// geometry type, so every one exports to a Shapefile; the local plan's
    /// CRS said in each (GDAL reads the engineering CRS), areas as reals.
    func testGeoJSONLayersAreSeparateFilesThatExportToShapefiles() throws {
        let folder = self.folder.url.appendingPathComponent("layers").path
        let r = try CLI.run([
            "check", "Examples/hotel-floor.json", "--format", "geojson", "--layers", "-o", folder, "--as-of", "2026-01-15",
        ])
        XCTAssertEqual(r.status, 1, r.stderr)
        let expected = [
            "views": ("Multi Polygon", 4), "cameras": ("Point", 4), "intrusions": ("Multi Polygon", 1),
            "finding_points": ("Point", 1), "zones": ("Multi Polygon", 9), "walls": ("Multi Line String", 13),
        ]
        for (layer, (geometry, count)) in expected {
            let file = "\(folder)/\(layer).geojson"
            let info = try CLI.shell("ogrinfo -so -al '\(file)'")
            XCTAssertEqual(info.status, 0, info.stderr)
            XCTAssertTrue(info.stdout.contains("Geometry: \(geometry)"), "\(layer): \(info.stdout)")
            XCTAssertTrue(info.stdout.contains("Feature Count: \(count)"), "\(layer): \(info.stdout)")
            XCTAssertTrue(info.stdout.contains("not georeferenced"), "\(layer) says it is not on the globe")
            let shp = self.folder.url.appendingPathComponent("shp-\(layer)").path
            let export = try CLI.shell("ogr2ogr -f 'ESRI Shapefile' '\(shp)' '\(file)'")
            XCTAssertEqual(export.status, 0, "\(layer): \(export.stderr)")
        }
        let intrusions = try CLI.shell("ogrinfo -so -al '\(folder)/intrusions.geojson'")
        XCTAssertTrue(intrusions.stdout.contains("area: Real"), intrusions.stdout)
    }
}
