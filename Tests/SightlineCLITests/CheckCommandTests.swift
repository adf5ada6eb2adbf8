import Foundation
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

/// `sightline check` end to end: exit codes, messages, files, golden reports.
final class CheckCommandTests: XCTestCase {
    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testCleanPlanExitsZero() throws {
        var b = PlanBuilder.passageToilet(opening: ["openingType": "door", "state": "closed"])
        b.plan["site"] = ["name": "Clean", "address": "1 Test Road", "operator": ["name": "Test Co"]]
        let path = try temporaryFile("clean.json", String(decoding: b.json(), as: UTF8.self))
        let r = try CLI.run(["check", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("PASS: "), r.stdout)
    }

    func testViolationExitsOneAndJSONHasRequiredFields() throws {
        let path = try temporaryFile("wc.json", String(decoding: PlanBuilder.passageToilet().json(), as: UTF8.self))
        let r = try CLI.run(["check", path, "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let report = try JSONParser.parse(Array(r.stdout.utf8))
        let findings = try XCTUnwrap(report.objectValue?["findings"]?.arrayValue)
        XCTAssertEqual(findings.count, 1)
        let f = try XCTUnwrap(findings[0].objectValue)
        XCTAssertEqual(f["rule"]?.stringValue, "cn-2025/art8-view-intrusion")
        XCTAssertEqual(f["severity"]?.stringValue, "error")
        XCTAssertEqual(f["camera"]?.stringValue, "cam1")
        XCTAssertEqual(f["zone"]?.stringValue, "wc")
        XCTAssertEqual(f["area"]?.numberValue ?? 0, 6.0, accuracy: 1e-4)
        let camera = try XCTUnwrap(report.objectValue?["cameras"]?.arrayValue?.first?.objectValue)
        XCTAssertNotNil(camera["viewArea"]?.numberValue)
        XCTAssertEqual(camera["view"]?.objectValue?["type"]?.stringValue, "MultiPolygon")
    }

    func testBadInputExitsTwoNamingFileFeatureAndProperty() throws {
        var b = PlanBuilder.passageToilet()
        b.features[5]["properties"] = ["kind": "zone", "category": "toliet"]
        let path = try temporaryFile("bad.json", String(decoding: b.json(), as: UTF8.self))
        let r = try CLI.run(["check", path, "--format", "json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.json: feature wc: properties.category: unknown value `toliet`"), r.stderr)
        XCTAssertTrue(r.stderr.contains("did you mean `toilet`?"), r.stderr)
        // The JSON report still parses and holds no findings.
        let report = try JSONParser.parse(Array(r.stdout.utf8))
        XCTAssertEqual(report.objectValue?["findings"]?.arrayValue?.count, 0)
    }

    func testMissingFileAndMalformedJSONExitTwo() throws {
        let missing = try CLI.run(["check", "no/such/plan.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no/such/plan.json: no such file"), missing.stderr)
        let path = try temporaryFile("broken.json", "{\"type\": \"FeatureCollection\", \"features\": [")
        let broken = try CLI.run(["check", path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("not valid JSON: line 1"), broken.stderr)
    }

    func testOpeningOnNoWallExitsTwo() throws {
        var b = PlanBuilder.passageToilet()
        b.opening("stray", "door", [[-15, 3], [-14, 3]])
        let path = try temporaryFile("stray.json", String(decoding: b.json(), as: UTF8.self))
        let r = try CLI.run(["check", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("feature stray: geometry: the opening lies on no wall"), r.stderr)
    }

    /// A property error and an opening on no wall are both reported by the
    /// first run, one a line (they had come in two passes: fix one, meet
    /// the other); the refused zone's own geometry is not reported again.
    func testEveryProblemIsReportedAtOnce() throws {
        var b = PlanBuilder.passageToilet()
        b.features[5]["properties"] = ["kind": "zone", "category": "toliet"]
        b.opening("stray", "door", [[-15, 3], [-14, 3]])
        b.opening("stray-2", "door", [[-15, 5], [-14, 5]])
        let path = try temporaryFile("twice.json", String(decoding: b.json(), as: UTF8.self))
        let r = try CLI.run(["check", path])
        XCTAssertEqual(r.status, 2)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("twice.json: feature") }
        XCTAssertEqual(lines.count, 3, r.stderr)
        XCTAssertTrue(lines[0].contains("feature wc: properties.category: unknown value `toliet`"), r.stderr)
        XCTAssertTrue(lines[1].contains("feature stray: geometry: the opening lies on no wall"), r.stderr)
        XCTAssertTrue(lines[2].contains("feature stray-2: geometry: the opening lies on no wall"), r.stderr)
    }

    /// `--baseline`: a public-security camera moved between the two plans is
    /// found by the level-by-level JSON check and by the text report alike;
    /// a baseline that cannot be read exits 2 naming it.
    func testBaselineFindsAPublicSecurityCameraMoved() throws {
        func plan(_ x: Double) -> PlanBuilder {
            var b = PlanBuilder()
            b.plan["site"] = [
                "name": "Square", "address": "1 Test Road", "placeCategory": "art7-venue", "operator": ["name": "City", "kind": "unit"],
            ]
            b.camera("police", at: [x, 0], ["heading": 90, "publicSecurity": true])
            return b
        }
        let old = try temporaryFile("old.json", String(decoding: plan(0).json(), as: UTF8.self))
        let new = try temporaryFile("new.json", String(decoding: plan(3).json(), as: UTF8.self))
        let json = try CLI.run(["check", new, "--baseline", old, "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertNotEqual(json.status, 2, json.stderr)
        let rules = try XCTUnwrap(JSONParser.parse(Array(json.stdout.utf8)).objectValue?["findings"]?.arrayValue).compactMap {
            $0.objectValue?["rule"]?.stringValue
        }
        XCTAssertTrue(rules.contains("cn-2025/art23-public-camera-changed"), "\(rules)")
        let text = try CLI.run(["check", new, "--baseline", old, "--lang", "en", "--as-of", "2026-01-15"])
        XCTAssertTrue(text.stdout.contains("differs from the baseline plan: moved 3.00 m"), text.stdout)
        let missing = try CLI.run(["check", new, "--baseline", "no/such.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no/such.json: no such file"), missing.stderr)
    }

    func testBadCommandLineExitsTwo() throws {
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "xml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("xml"), r.stderr)
        let profile = try CLI.run(["check", "Examples/hotel-floor.json", "--profile", "nowhere"])
        XCTAssertEqual(profile.status, 2)
        XCTAssertEqual(try CLI.run(["--version"]).status, 0)
    }

    func testOutputFileReceivesTheReport() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-\(getpid())-report.json").path
        let r = try CLI.run(["check", "Examples/clothing-store.json", "--format", "json", "-o", out])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.stdout.hasPrefix("FAIL: ") && r.stdout.hasSuffix("report written to \(out)\n"), "only the verdict line: \(r.stdout)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.contains("\"fitting-a\""))
    }

    /// Golden reports for the bundled examples in every format: JSON-based
    /// ones compared structurally, HTML, Markdown and text as text.
    /// Re-record on purpose with `SIGHTLINE_RECORD=1 swift test`.
    func testGoldenReportsForExamples() throws {
        // Every format in English; the formats people read in Chinese too
        // (JSON, GeoJSON and SARIF keep English keys and messages for tools).
        let runs =
            ["json", "geojson", "sarif", "html", "markdown", "text"].map { ($0, "en") } + ["html", "markdown", "text"].map { ($0, "zh") }
        for name in ["hotel-floor", "clothing-store"] {
            for (format, language) in runs {
                let r = try CLI.run(["check", "Examples/\(name).json", "--format", format, "--as-of", "2026-01-15", "--lang", language])
                XCTAssertEqual(r.status, 1, r.stderr)
                let ext = ["json": "json", "geojson": "geojson", "sarif": "sarif", "html": "html", "markdown": "md", "text": "txt"][format]!
                let golden = CLI.packageRoot.appendingPathComponent(
                    "Tests/SightlineCLITests/Golden/\(name)\(language == "zh" ? ".zh" : "").\(ext)")
                if ProcessInfo.processInfo.environment["SIGHTLINE_RECORD"] == "1" {
                    try Data(r.stdout.utf8).write(to: golden)
                    continue
                }
                let expected = try Data(contentsOf: golden)
                if ["json", "geojson", "sarif"].contains(format) {
                    let difference = firstDifference(try JSONParser.parse(Array(r.stdout.utf8)), try JSONParser.parse([UInt8](expected)))
                    if let difference {
                        XCTFail(
                            "\(name).\(ext) differs from its golden file at \(difference); re-record with SIGHTLINE_RECORD=1 if intended")
                    }
                } else if r.stdout != String(decoding: expected, as: UTF8.self) {
                    XCTFail("\(name).\(ext) differs from its golden file; re-record with SIGHTLINE_RECORD=1 if intended")
                }
            }
        }
    }

    func testTextReportGroupsFindingsByCamera() throws {
        let r = try CLI.run(["check", "Examples/hotel-floor.json"])
        XCTAssertEqual(r.status, 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines.first, "FAIL: Examples/hotel-floor.json — Example Hotel, 3F: 4 cameras, 2 errors, 0 warnings (profile cn-2025)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("camera cam-lobby") })
        XCTAssertTrue(lines.contains { $0.contains("cn-2025/art8-view-intrusion  zone wc-3f \"Public toilet\"") })
    }
}

/// `sightline rules` and `sightline filing`, and profiles chosen by file.
final class RulebookCommandTests: XCTestCase {
    func testRulesListsEveryRuleWithSeverityAndArticle() throws {
        let r = try CLI.run(["rules"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for id in [
            "cn-2025/art8-camera-inside", "cn-2025/art10-consent-missing", "cn-2025/art13-signage-missing",
            "cn-2025/art14-filing-overdue", "cn-2025/art17-retention-short", "coverage/required-uncovered",
        ] {
            XCTAssertTrue(r.stdout.contains(id), "\(id) missing from:\n\(r.stdout)")
        }
        let json = try CLI.run(["rules", "--profile", "cn-chongqing-2009", "--format", "json"])
        let rules = try JSONParser.parse(Array(json.stdout.utf8)).objectValue?["rules"]?.arrayValue ?? []
        XCTAssertTrue(rules.contains { $0.objectValue?["id"]?.stringValue == "cn-chongqing-2009/art20-view-intrusion" })
        XCTAssertEqual(try CLI.run(["rules", "--profile", "nowhere"]).status, 2)
    }

    func testFilingRecordOfTheClothingStore() throws {
        let r = try CLI.run(["filing", "Examples/clothing-store.json", "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1, "the store's filing is overdue")
        let record = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue)
        XCTAssertEqual(record["unit"]?.objectValue?["name"]?.stringValue, "Li Wei")
        XCTAssertEqual(record["address"]?.stringValue, "1 Example Mall, Chongqing")
        XCTAssertEqual(record["system"]?.objectValue?["cameras"]?.objectValue?["fixed"]?.numberValue, 2)
        XCTAssertEqual(record["system"]?.objectValue?["retentionDays"]?.numberValue, 30)
        XCTAssertEqual(record["due"]?.stringValue, "2025-10-01")
        XCTAssertEqual(record["status"]?.stringValue, "overdue")
        let hotel = try CLI.run(["filing", "Examples/hotel-floor.json", "--as-of", "2026-01-15"])
        XCTAssertEqual(hotel.status, 0, hotel.stdout)
        XCTAssertTrue(hotel.stdout.contains("filed on time"), hotel.stdout)
    }

    func testProfileFromAFile() throws {
        let file = CLI.packageRoot.appendingPathComponent("Profiles/cn-chongqing-2009.json").path
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--profile", file, "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let report = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue)
        XCTAssertEqual(report["profile"]?.stringValue, "cn-chongqing-2009")
        let rules = report["findings"]?.arrayValue?.compactMap { $0.objectValue?["rule"]?.stringValue } ?? []
        XCTAssertTrue(rules.contains("cn-chongqing-2009/art20-view-intrusion"), "\(rules)")
        let bad = try CLI.run(["check", "Examples/hotel-floor.json", "--as-of", "15/01/2026"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("YYYY-MM-DD"), bad.stderr)
    }
}

/// Each kind of bad input, through the command line: exit 2 and a line
/// naming file, feature and property.
final class BadInputCommandTests: XCTestCase {
    func testEveryBadInputExitsTwoWithItsMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-bad-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func setProperty(_ b: inout PlanBuilder, _ id: String, _ key: String, _ value: Any) {
            let i = b.features.firstIndex { ($0["id"] as? String) == id }!
            var p = b.features[i]["properties"] as! [String: Any]
            p[key] = value
            b.features[i]["properties"] = p
        }
        let cases: [(String, (inout PlanBuilder) -> Void, String)] = [
            ("duplicate-id", { $0.camera("wc", at: [1, 1]) }, "feature wc: id: duplicate id"),
            (
                "missing-coordinates", { $0.add("cam2", "camera", ["type": "Point"]) },
                "feature cam2: geometry.coordinates: missing coordinates"
            ),
            (
                "wrong-type", { $0.add("cam2", "camera", ["type": "LineString", "coordinates": [[0, 0], [1, 1]]]) },
                "feature cam2: geometry.type: a camera needs a Point"
            ),
            ("unknown-level", { setProperty(&$0, "cam1", "level", "L2") }, "feature cam1: properties.level: unknown level `L2`"),
            (
                "tilt-range", { setProperty(&$0, "cam1", "tilt", 120) },
                "feature cam1: properties.tilt: expected a number at least -90 and at most 90"
            ),
            ("category", { setProperty(&$0, "wc", "category", "toliet") }, "did you mean `toilet`?"),
            (
                "null-geometry",
                { b in
                    b.features.append([
                        "type": "Feature", "id": "z9", "properties": ["kind": "zone", "category": "toilet"], "geometry": NSNull(),
                    ])
                }, "feature z9: geometry: geometry is missing or null"
            ),
        ]
        for (name, mutate, expected) in cases {
            var b = PlanBuilder.passageToilet()
            mutate(&b)
            let path = dir.appendingPathComponent("\(name).json").path
            try Data(b.json()).write(to: URL(fileURLWithPath: path))
            let r = try CLI.run(["check", path])
            XCTAssertEqual(r.status, 2, name)
            XCTAssertTrue(r.stderr.contains("\(name).json: ") && r.stderr.contains(expected), "\(name): \(r.stderr)")
        }
        // A non-finite number cannot be written in JSON; an overflowing one is refused.
        let overflow = dir.appendingPathComponent("overflow.json").path
        let text = String(decoding: PlanBuilder.passageToilet().json(), as: UTF8.self).replacingOccurrences(
            of: "[-8,0]", with: "[-8e999,0]")
        try Data(text.utf8).write(to: URL(fileURLWithPath: overflow))
        let r = try CLI.run(["check", overflow])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("number out of range"), r.stderr)
    }
}
