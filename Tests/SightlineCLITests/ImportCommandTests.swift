import Foundation
import OGR
import PlanarGeometry
import SightlineIO
import SightlineImport
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

/// `sightline import` and `check` on a drawing, as a new user runs them.
final class ImportCommandTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("import") }

    override func tearDownWithError() throws { folder.remove() }

    private func json(_ text: String) throws -> JSONObject { try XCTUnwrap(try JSONParser.parse(Array(text.utf8)).objectValue) }

    /// CAM-02 at (5.5, 1.0) looks north through the toilet's 0.9 m doorway
    /// (jambs at x 5.05 and 5.95, inner face y 2.1): the wedge is
    /// ±atan(0.45/1.1) = ±22.25°, widening until the partitions' inner
    /// faces (x 4.1, 6.9) at y 4.422, up to the outline's face y 7.9; its
    /// area in the toilet (y ≥ 2.0) is 0.818·(3.422² − 1)/2 + 2.8·3.478 =
    /// 14.120 m², less 0.086 m² inside the near limit (0.6 m / tan 28° =
    /// 1.129 m): 14.03 m². CAM-01, looking east along the corridor, grazes
    /// the doorway between slopes 1.1/3.95 and 0.9/3.05: 0.137 m² (sampled
    /// on a 4 mm grid). The guest room's fire door is closed: nothing.
    /// GDAL is opened on first use, not at start (Sources/CGDAL): without
    /// it a plan is still checked, while a drawing or a GeoPackage says what
    /// is missing and exits 2; the binary does not link libgdal at all.
    func testGDALIsOpenedOnlyWhenADrawingOrGeoPackageNeedsIt() throws {
        let missing = "SIGHTLINE_LIBGDAL=/nonexistent/libgdal.so"
        let plan = try CLI.shell("\(missing) \"$SIGHTLINE\" check Examples/hotel-floor.json --format json --as-of 2026-01-15")
        XCTAssertEqual(plan.status, 1, plan.stderr)
        XCTAssertTrue(plan.stdout.contains("\"verdict\": \"fail\""), "a plan is checked without GDAL")
        let drawing = try CLI.shell("\(missing) \"$SIGHTLINE\" import dxf Fixtures/import/tarch-floor.dxf -o /dev/null")
        XCTAssertEqual(drawing.status, 2)
        XCTAssertTrue(drawing.stderr.contains("libgdal could not be opened"), drawing.stderr)
        XCTAssertTrue(drawing.stderr.contains("SIGHTLINE_LIBGDAL"), "it says how to point at one")
        let venue = try CLI.shell("\(missing) \"$SIGHTLINE\" import imdf Fixtures/import/imdf.zip -o /dev/null")
        XCTAssertEqual(venue.status, 2)
        XCTAssertTrue(venue.stderr.contains("libgdal could not be opened"), "not 'not a folder or zip': \(venue.stderr)")
        let gpkg = try CLI.shell("\(missing) \"$SIGHTLINE\" check Examples/hotel-floor.json --format gpkg -o /dev/null/x.gpkg")
        XCTAssertEqual(gpkg.status, 2)
        XCTAssertTrue(gpkg.stderr.contains("libgdal could not be opened"), gpkg.stderr)
        let linked = try CLI.shell("ldd \"$SIGHTLINE\"")
        XCTAssertFalse(linked.stdout.contains("libgdal"), "libgdal is not linked: \(linked.stdout)")
    }

    func testCheckingTheDrawingFindsTheToiletViews() throws {
        let r = try CLI.run(["check", "Fixtures/import/tarch-floor.dxf", "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1, r.stderr)
        // The evidence names the drawing itself, not the plan made of it in memory.
        let drawing = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Fixtures/import/tarch-floor.dxf"))
        XCTAssertEqual(try json(r.stdout)["input"]?.objectValue?["sha256"]?.stringValue, SHA256.hex([UInt8](drawing)))
        let findings = try json(r.stdout)["findings"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let views = findings.filter { $0["rule"]?.stringValue == "cn-2025/art8-view-intrusion" }
        XCTAssertEqual(views.map { $0["camera"]?.stringValue }, ["CAM-01", "CAM-02"])
        XCTAssertEqual(Set(views.compactMap { $0["zoneName"]?.stringValue }), ["卫生间"], "nothing of the guest room behind its closed door")
        XCTAssertEqual(views[1]["area"]?.numberValue ?? 0, 14.03, accuracy: 0.05)
        XCTAssertEqual(views[0]["area"]?.numberValue ?? 0, 0.137, accuracy: 0.01)
    }

    func testImportWritesAPlanCheckAcceptsAndPrintsTheSummary() throws {
        let plan = folder.url.appendingPathComponent("floor.json").path
        let r = try CLI.run(["import", "dxf", "Fixtures/import/tarch-floor.dxf", "-o", plan])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("layer SPACE → 4 rooms"), r.stderr)
        XCTAssertTrue(r.stderr.contains("4 zones (1 corridor, 1 guest_room, 1 lobby, 1 toilet)"), r.stderr)
        let check = try CLI.run(["check", plan, "--as-of", "2026-01-15"])
        XCTAssertEqual(check.status, 1)
        XCTAssertFalse(check.stdout.contains("input warnings"), check.stdout)
    }

    func testCameraSchedulesMergeByIdFromCSVAndXLSX() throws {
        let plan = folder.url.appendingPathComponent("floor.json").path
        XCTAssertEqual(try CLI.run(["import", "dxf", "Fixtures/import/tarch-floor.dxf", "-o", plan]).status, 0)
        var outputs: [String] = []
        for schedule in ["cameras.csv", "cameras.xlsx"] {
            let out = folder.url.appendingPathComponent("merged-\(schedule).json").path
            let r = try CLI.run(["import", "cameras", "Fixtures/import/\(schedule)", "--into", plan, "-o", out])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stderr.contains("2 cameras: 1 added, 1 replaced"), r.stderr)
            outputs.append(try String(contentsOfFile: out, encoding: .utf8))
        }
        XCTAssertEqual(outputs[0], outputs[1], "the CSV and the XLSX say the same")
        let merged = try PlanDecoder.decode(bytes: Array(outputs[0].utf8), file: "merged.json")
        XCTAssertEqual(merged.cameras.map(\.id), ["CAM-01", "CAM-02", "CAM-03"], "CAM-01 replaced where it stood, CAM-03 appended")
        XCTAssertEqual(merged.cameras[0].mountHeight, 3.0)
        XCTAssertEqual(merged.cameras[0].tilt, 20)
        XCTAssertEqual(merged.cameras[2].heading, 270)
        XCTAssertEqual(merged.cameras[2].position, Point2(11, 1))
    }

    /// 200,000 schedule rows, half replacing cameras the plan has: merged
    /// by an index of ids, in time linear in the rows (a search of the
    /// features per row did not finish in 150 s).
    func testALargeScheduleMergesInLinearTime() throws {
        var plan = PlanBuilder()
        var csv = "id,x,y,heading\n"
        for k in 0..<100_000 { plan.camera("c\(k)", at: [Double(k % 500), Double(k / 500)], ["heading": 0]) }
        for k in 0..<200_000 { csv += "c\(k * 2 % 200_000 + k / 100_000),\(k % 400),\(k / 400),90\n" }
        let schedule = folder.url.appendingPathComponent("large.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: schedule))
        let document = try JSONParser.parse(plan.json())
        let started = Date()
        let result = try CameraSchedule(path: schedule).merge(into: document, planFile: "plan.json")
        print("200,000 schedule rows merged into 100,000 cameras in \(DecimalText.fixed1(Date().timeIntervalSince(started))) s")
        XCTAssertTrue(result.summary[0].contains("200000 cameras: 100000 added, 100000 replaced"), result.summary[0])
        XCTAssertEqual(result.document.objectValue?["features"]?.arrayValue?.count, 200_000)
    }

    /// `check` and `serve` take `import dxf`'s `--map` and `--units`: a real
    /// QCAD outline on layer `0` is refused as it is, and checked in one step
    /// once a mapping names its layer as walls.
    func testCheckTakesTheMappingAndUnitsADrawingNeeds() throws {
        let drawing = "Fixtures/real/dxf/qcad-floor_plan.dxf"
        let refused = try CLI.run(["check", drawing])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--map FILE"), refused.stderr)
        let mapping = folder.url.appendingPathComponent("outline.yaml").path
        try Data("layers:\n  \"0\": wall\n".utf8).write(to: URL(fileURLWithPath: mapping))
        let checked = try CLI.run(["check", drawing, "--map", mapping, "--units", "m", "--format", "json"])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        let report = try JSONParser.parse(Array(checked.stdout.utf8))
        XCTAssertEqual(report.objectValue?["cameras"]?.arrayValue?.count, 0)
        let badMap = try CLI.run(["check", drawing, "--map", "Fixtures/import/bad-mapping.yaml"])
        XCTAssertEqual(badMap.status, 2)
        XCTAssertTrue(badMap.stderr.hasPrefix("Fixtures/import/bad-mapping.yaml: "), badMap.stderr)
    }

    func testBadInputsExitTwoWithOneClearLine() throws {
        let plan = folder.url.appendingPathComponent("floor.json").path
        XCTAssertEqual(try CLI.run(["import", "dxf", "Fixtures/import/tarch-floor.dxf", "-o", plan]).status, 0)
        let bad = try CLI.run([
            "import", "cameras", "Fixtures/import/cameras-bad-height.csv", "--into", plan, "-o",
            folder.url.appendingPathComponent("x.json").path,
        ])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(
            bad.stderr,
            "Fixtures/import/cameras-bad-height.csv: row 2: column 安装高度: expected a number (metres above the floor), found `高`\n")
        // A quoted cell may hold a line break and escapes (found by the
        // import fuzzer): the message stays one line, the cell escaped and cut.
        let schedule = folder.url.appendingPathComponent("break.csv").path
        let cell = "1.\n\u{1B}[31m" + String(repeating: "9", count: 200)
        try Data("id,x,y\nc1,\"\(cell)\",3\n".utf8).write(to: URL(fileURLWithPath: schedule))
        let broken = try CLI.run(["import", "cameras", schedule, "--into", plan, "-o", folder.url.appendingPathComponent("y.json").path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertEqual(
            broken.stderr,
            "\(schedule): row 2: column x: expected a number (a coordinate), found `1.\\n\\x1b[31m\(String(repeating: "9", count: 48))…`\n")
        let corrupt = try CLI.run(["check", "Fixtures/import/corrupt.dxf"])
        XCTAssertEqual(corrupt.status, 2)
        XCTAssertEqual(corrupt.stderr.split(separator: "\n").count, 1, corrupt.stderr)
        XCTAssertTrue(corrupt.stderr.hasPrefix("Fixtures/import/corrupt.dxf: not a readable DXF drawing"), corrupt.stderr)
    }
}

/// A georeferenced import's GeoJSON report, read back by GDAL as a GIS tool would.
final class GeoreferencedReportTests: XCTestCase {
    func testTheReportLandsOnTheMapWhereTheDrawingWasPlaced() throws {
        let folder = try ScratchFolder("georef")
        defer { folder.remove() }
        let plan = folder.url.appendingPathComponent("floor.json").path
        let report = folder.url.appendingPathComponent("floor.geojson").path
        XCTAssertEqual(
            try CLI.run(["import", "dxf", "Fixtures/import/tarch-floor.dxf", "--origin", "120.1551,30.2741", "-o", plan]).status, 0)
        _ = try CLI.run(["check", plan, "--format", "geojson", "-o", report, "--as-of", "2026-01-15"])
        // Read through GDAL, as a GIS tool would: the first camera stands 2 m
        // east and 1 m north of the origin (96,487.6 and 110,854.0 m per
        // degree at 30.2741°N on WGS 84).
        let records = try XCTUnwrap(try OGRDataset(path: report, drivers: ["GeoJSON"]).layers.first).records()
        let points = records.compactMap { r -> Point2? in if case .point(let p)? = r.shape { return p } else { return nil } }
        XCTAssertEqual(points.count, 2, "the two camera positions")
        XCTAssertEqual(points[0].x, 120.1551 + 2 / 96_487.6, accuracy: 2e-7, "\(points)")
        XCTAssertEqual(points[0].y, 30.2741 + 1 / 110_854.0, accuracy: 2e-7, "\(points)")
    }
}

/// The other sources through the CLI: IMDF and OSM in, findings out; their
/// bad inputs exit 2 with one line.
final class ImportSourcesCommandTests: XCTestCase {
    /// The IMDF venue has no cameras: nothing of Art. 8 can be found; the
    /// plan names no operator, retention or commissioning, so the findings
    /// are warnings that records are missing: the Art. 8 ¶2 inspection of
    /// its restrooms and the Art. 14 filing.
    func testCheckingAnIMDFVenue() throws {
        let r = try CLI.run(["check", "Fixtures/import/imdf.zip", "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let findings = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["findings"]?.arrayValue).compactMap(
            \.objectValue)
        XCTAssertEqual(
            findings.compactMap { $0["rule"]?.stringValue }, ["cn-2025/art8-inspection-unrecorded", "cn-2025/art14-filing-incomplete"])
    }

    func testCheckingAnOSMFileFindsTheToiletView() throws {
        let r = try CLI.run(["check", "Fixtures/import/indoor.osm", "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let findings = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["findings"]?.arrayValue).compactMap(
            \.objectValue)
        let view = try XCTUnwrap(findings.first { $0["rule"]?.stringValue == "cn-2025/art8-view-intrusion" })
        XCTAssertEqual(view["camera"]?.stringValue, "CAM-7")
        XCTAssertEqual(view["area"]?.numberValue ?? 0, 12.471, accuracy: 0.01, "the trapezoid derived in OSMImportTests")
    }

    func testBadSourcesExitTwoWithOneLine() throws {
        for (args, start) in [
            (
                ["import", "imdf", "Fixtures/import/not-imdf.zip"],
                "Fixtures/import/not-imdf.zip: not an IMDF archive: missing level.geojson"
            ),
            (
                ["import", "osm", "Fixtures/import/outdoor.osm"],
                "Fixtures/import/outdoor.osm: no indoor=room, corridor, area or wall features"
            ),
            (["import", "dxf", "Fixtures/import/corrupt.dxf"], "Fixtures/import/corrupt.dxf: not a readable DXF drawing"),
        ] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix(start), r.stderr)
            XCTAssertEqual(r.stdout, "", "no plan is written")
        }
    }
}
