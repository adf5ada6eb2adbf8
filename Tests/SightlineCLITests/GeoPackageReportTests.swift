import Foundation
import OGR
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

/// `--format gpkg`, read back with real GDAL: through the OGR module (GDAL's
/// C API) and with `ogrinfo`/`ogr2ogr` from gdal-bin.
final class GeoPackageReportTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("gpkg") }

    override func tearDownWithError() throws { folder.remove() }

    private func layers(_ path: String) throws -> [String: [OGRRecord]] {
        var out: [String: [OGRRecord]] = [:]
        for layer in try OGRDataset(path: path, drivers: ["GPKG"]).layers { out[layer.name] = try layer.records() }
        return out
    }

    func testTheHotelFloorHasOneLayerPerKindWithTypedAttributes() throws {
        let gpkg = folder.url.appendingPathComponent("hotel.gpkg").path
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "gpkg", "-o", gpkg, "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("no georeference"), "a local plan says it is not on the globe: \(r.stderr)")
        let read = try layers(gpkg)
        XCTAssertEqual(Set(read.keys), ["views", "intrusions", "cameras", "zones", "walls", "wall_bodies", "findings"])
        XCTAssertEqual(read["views"]?.count, 4)
        XCTAssertEqual(read["cameras"]?.count, 4)
        // The lobby camera's 5.4753 m² of toilet (the JSON report's figure), as a real.
        let intrusion = try XCTUnwrap(read["intrusions"]?.first { $0.fields["camera"] == .string("cam-lobby") })
        guard case .real(let area)? = intrusion.fields["area"] else { return XCTFail("area is not a real: \(intrusion.fields)") }
        XCTAssertEqual(area, 5.4753, accuracy: 1e-4)
        XCTAssertEqual(read["findings"]?.count, 2)
        let info = try CLI.shell("ogrinfo -so '\(gpkg)' views")
        XCTAssertTrue(info.stdout.contains("not georeferenced"), info.stdout + info.stderr)
        // A Shapefile export takes every spatial layer.
        let shp = folder.url.appendingPathComponent("shp").path
        let export = try CLI.shell("ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 '\(shp)' '\(gpkg)'")
        XCTAssertEqual(export.status, 0, export.stderr)
        for layer in ["views", "intrusions", "cameras", "zones", "walls", "wall_bodies"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(shp)/\(layer).shp"), layer)
        }
    }

    /// A georeferenced plan lands on the map: WGS 84, the camera 8 m west of
    /// the origin at 120° E, 30° N is 8 / (111,320 · cos 30°) ≈ 8.3e-5° west.
    func testAGeoreferencedPlanIsWrittenInWGS84() throws {
        var b = PlanBuilder.passageToilet()
        b.plan["georeference"] = ["origin": [120, 30], "rotation": 0]
        let plan = try folder.write(b, "geo.json")
        let gpkg = folder.url.appendingPathComponent("geo.gpkg").path
        let r = try CLI.run(["check", plan, "--format", "gpkg", "-o", gpkg, "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertFalse(r.stderr.contains("no georeference"))
        let info = try CLI.shell("ogrinfo -so '\(gpkg)' cameras")
        XCTAssertTrue(info.stdout.contains("WGS 84"), info.stdout)
        let camera = try XCTUnwrap(try layers(gpkg)["cameras"]?.first)
        guard case .point(let p)? = camera.shape else { return XCTFail("not a point: \(String(describing: camera.shape))") }
        XCTAssertEqual(p.x, 120 - 8 / (111_320 * cos(30 * Double.pi / 180)), accuracy: 1e-6)
        XCTAssertEqual(p.y, 30, accuracy: 1e-6)
    }

    /// GeoJSON of a local plan carries a `crs` GDAL reads (never a silent WGS
    /// 84); a georeferenced one carries none (RFC 7946's WGS 84).
    func testGeoJSONSaysWhetherItIsOnTheGlobe() throws {
        let local = folder.url.appendingPathComponent("local.geojson").path
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "geojson", "-o", local, "--as-of", "2026-01-15"])
        XCTAssertTrue(r.stderr.contains("no georeference"), r.stderr)
        let info = try CLI.shell("ogrinfo -so -al '\(local)'")
        XCTAssertTrue(info.stdout.contains("not georeferenced"), info.stdout + info.stderr)
        XCTAssertFalse(info.stdout.contains("WGS 84"), info.stdout)
        var b = PlanBuilder.passageToilet()
        b.plan["georeference"] = ["origin": [120, 30], "rotation": 0]
        let geo = folder.url.appendingPathComponent("geo.geojson").path
        _ = try CLI.run(["check", try folder.write(b, "geo.json"), "--format", "geojson", "-o", geo, "--as-of", "2026-01-15"])
        let parsed = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: geo)))).objectValue
        XCTAssertNil(parsed?["crs"], "RFC 7946: WGS 84 needs no crs member")
        XCTAssertTrue(try CLI.shell("ogrinfo -so -al '\(geo)'").stdout.contains("WGS 84"))
    }

    func testAGeoPackageNeedsAFile() throws {
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "gpkg"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("-o"), r.stderr)
    }
}

/// SARIF that points at the line.
final class SARIFLocationTests: XCTestCase {
    /// Every located result's `startLine` is the line its camera's or
    /// zone's feature starts on: the feature's id follows within a few lines.
    func testEveryLocatedResultPointsAtItsFeature() throws {
        for plan in ["Examples/hotel-floor.json", "Examples/clothing-store.json"] {
            let r = try CLI.run(["check", plan, "--format", "sarif", "--as-of", "2026-01-15"])
            let run = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["runs"]?.arrayValue?.first?.objectValue)
            let lines = try String(contentsOf: CLI.packageRoot.appendingPathComponent(plan), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            var located = 0
            for result in run["results"]?.arrayValue ?? [] {
                let o = try XCTUnwrap(result.objectValue)
                let location = o["locations"]?.arrayValue?.first?.objectValue?["physicalLocation"]?.objectValue
                XCTAssertEqual(location?["artifactLocation"]?.objectValue?["uriBaseId"]?.stringValue, "WORKDIR")
                guard let line = location?["region"]?.objectValue?["startLine"]?.numberValue.map(Int.init) else { continue }
                located += 1
                let id = o["properties"]?.objectValue?["camera"]?.stringValue ?? o["properties"]?.objectValue?["zone"]?.stringValue ?? ""
                XCTAssertTrue(lines[line - 1].contains("{"), "\(plan):\(line) opens the feature")
                XCTAssertTrue(
                    lines[(line - 1)..<min(lines.count, line + 4)].contains { $0.contains("\"\(id)\"") },
                    "\(plan):\(line) is \(id)'s feature")
            }
            XCTAssertGreaterThan(located, 0, plan)
        }
    }

    func testFeatureLinesFollowStringsAndNesting() {
        let text =
            "{\"type\": \"x [\\\" {\",\n \"features\": [\n  {\"id\": \"a\", \"g\": [[1, 2]]},\n\n  {\"id\": \"b\"}\n ], \"after\": [{}]}"
        XCTAssertEqual(FeatureLines.startLines(Array(text.utf8)), [3, 5])
        XCTAssertEqual(FeatureLines.startLines(Array("{\"features\": []}".utf8)), [])
        XCTAssertEqual(FeatureLines.startLines(Array("[1, 2]".utf8)), [])
    }
}

/// SARIF's `helpUri`: each rule's section of `Documentation/RULES.md`,
/// which is written from the profiles and held to them here.
final class SARIFHelpTests: XCTestCase {
    private var rulesDocument: URL { CLI.packageRoot.appendingPathComponent("Documentation/RULES.md") }

    /// The committed RULES.md is what `sightline rules --format markdown
    /// --profile all` writes (re-record with SIGHTLINE_RECORD=1).
    func testTheRuleReferenceIsWrittenFromTheProfiles() throws {
        let r = try CLI.run(["rules", "--format", "markdown", "--profile", "all"])
        XCTAssertEqual(r.status, 0, r.stderr)
        if ProcessInfo.processInfo.environment["SIGHTLINE_RECORD"] == "1" {
            try r.stdout.write(to: rulesDocument, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try String(contentsOf: rulesDocument, encoding: .utf8), r.stdout, "Documentation/RULES.md is stale")
        XCTAssertTrue(r.stdout.contains("### cn-2025/art8-view-intrusion"))
        XCTAssertTrue(r.stdout.contains("### cn-chongqing-2009/"))
    }

    /// Every rule's helpUri is the document's URI and the anchor of that
    /// rule's own heading; by default, from a build in a checkout, the
    /// checkout's RULES.md; `--rules-doc` and the variable choose another.
    func testEveryRuleHelpUriNamesItsHeading() throws {
        let document = try String(contentsOf: rulesDocument, encoding: .utf8)
        let anchors = Set(
            document.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { RuleReferenceAnchor.github(String($0.dropFirst(4))) })
        let byDefault = try CLI.shell(
            "unset SIGHTLINE_RULES_DOC; \"$SIGHTLINE\" check Examples/hotel-floor.json --format sarif --as-of 2026-01-15")
        let base = URL(fileURLWithPath: rulesDocument.path).absoluteString
        let rules = try XCTUnwrap(
            try JSONParser.parse(Array(byDefault.stdout.utf8)).objectValue?["runs"]?.arrayValue?.first?.objectValue?["tool"]?.objectValue?[
                "driver"]?.objectValue?["rules"]?.arrayValue)
        XCTAssertGreaterThan(rules.count, 15)
        for rule in rules {
            let o = try XCTUnwrap(rule.objectValue)
            let id = try XCTUnwrap(o["id"]?.stringValue)
            let uri = try XCTUnwrap(o["helpUri"]?.stringValue, id)
            XCTAssertTrue(uri.hasPrefix(base + "#"), uri)
            let anchor = String(uri.dropFirst(base.count + 1))
            XCTAssertEqual(anchor, RuleReferenceAnchor.github(id))
            XCTAssertTrue(anchors.contains(anchor), "\(id): no heading for #\(anchor) in RULES.md")
        }
        let chosen = try CLI.run([
            "check", "Examples/hotel-floor.json", "--format", "sarif", "--as-of", "2026-01-15", "--rules-doc",
            "https://docs.example/RULES.md",
        ])
        XCTAssertTrue(chosen.stdout.contains("\"helpUri\": \"https://docs.example/RULES.md#cn-2025art8-view-intrusion\""))
        let none = try CLI.shell("SIGHTLINE_RULES_DOC= \"$SIGHTLINE\" check Examples/hotel-floor.json --format sarif --as-of 2026-01-15")
        XCTAssertFalse(none.stdout.contains("helpUri"), "an empty variable: no helpUri")
    }
}

/// GitHub's heading anchors, written out independently of the renderer's.
enum RuleReferenceAnchor {
    static func github(_ heading: String) -> String {
        heading.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(
            of: "[^a-z0-9_\\-\\p{L}]", with: "", options: .regularExpression)
    }
}
