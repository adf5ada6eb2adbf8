import Foundation
import SightlineIO
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

/// Every format: evidence of what was checked, and no plan string unescaped.
final class ReportFormatTests: XCTestCase {
    static let hostile = "<script>alert(1)</script>"

    /// The passage plan with a hostile zone name, site name and camera id.
    private func hostilePlan() throws -> String {
        var b = PlanBuilder.passageToilet()
        b.plan["site"] = [
            "name": "\"><img src=x onerror=alert(2)> & | `x` *y*", "address": "1 | 2 Road",
            "operator": ["name": "A & B <Ltd>"],
        ]
        for i in b.features.indices where (b.features[i]["id"] as? String) == "wc" {
            var p = b.features[i]["properties"] as! [String: Any]
            p["name"] = Self.hostile
            b.features[i]["properties"] = p
            b.features[i]["id"] = "wc\"onmouseover=\"alert(3)"
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-escape-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("hostile.json").path
        try Data(b.json()).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testHostileStringsAreEscapedInEveryFormat() throws {
        let path = try hostilePlan()
        for format in ["html", "markdown", "json", "geojson", "sarif", "text"] {
            let r = try CLI.run(["check", path, "--format", format, "--as-of", "2026-01-15"])
            XCTAssertEqual(r.status, 1, "\(format): \(r.stderr)")
            switch format {
            case "html":
                XCTAssertFalse(r.stdout.contains("<script>alert"), "raw script tag in HTML")
                XCTAssertFalse(r.stdout.contains("<img"), "raw img tag in HTML")
                XCTAssertFalse(r.stdout.contains("\"onmouseover"), "attribute break-out in HTML")
                XCTAssertTrue(r.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                // Exactly one script element: ours.
                XCTAssertEqual(r.stdout.components(separatedBy: "<script").count - 1, 1)
            case "markdown":
                XCTAssertFalse(r.stdout.contains("<script>"))
                XCTAssertTrue(r.stdout.contains("&lt;script&gt;"))
                // The table keeps its shape: a `|` in a name is escaped.
                let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("| 1 |") }
                XCTAssertEqual(rows.first?.components(separatedBy: " | ").count, 9, "\(rows)")
                XCTAssertTrue(r.stdout.contains("1 \\| 2 Road"))
            case "json", "geojson", "sarif":
                let value = try JSONParser.parse(Array(r.stdout.utf8))
                XCTAssertTrue(containsString(value, Self.hostile), "\(format) lost the name")
                XCTAssertFalse(r.stdout.contains("<script>"), "\(format) should escape < and > too")
            default:
                XCTAssertTrue(r.stdout.contains(Self.hostile), "text for a terminal shows the name as it is")
            }
        }
    }

    func testEveryFormatNamesToolProfileAndInputHash() throws {
        let bytes = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json"))
        let sha = SHA256.hex([UInt8](bytes))
        for format in ["html", "markdown", "json", "geojson", "sarif", "text"] {
            let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", format, "--as-of", "2026-01-15"])
            XCTAssertTrue(r.stdout.contains(sha), "\(format) lacks the SHA-256")
            XCTAssertTrue(r.stdout.contains("0.1.0"), "\(format) lacks the tool version")
            XCTAssertTrue(r.stdout.contains("cn-2025") || r.stdout.contains("cn\\-2025"), "\(format) lacks the profile")
        }
    }

    func testSARIFHasOneResultPerFindingWithRuleMetadata() throws {
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "sarif", "--as-of", "2026-01-15"])
        let sarif = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue)
        XCTAssertEqual(sarif["version"]?.stringValue, "2.1.0")
        let run = try XCTUnwrap(sarif["runs"]?.arrayValue?.first?.objectValue)
        let results = try XCTUnwrap(run["results"]?.arrayValue)
        XCTAssertEqual(results.count, 2)
        let rules = try XCTUnwrap(run["tool"]?.objectValue?["driver"]?.objectValue?["rules"]?.arrayValue)
        for result in results {
            let o = try XCTUnwrap(result.objectValue)
            let index = Int(try XCTUnwrap(o["ruleIndex"]?.numberValue))
            XCTAssertEqual(rules[index].objectValue?["id"], o["ruleId"])
            XCTAssertNotNil(rules[index].objectValue?["help"]?.objectValue?["text"]?.stringValue)
            let location = o["locations"]?.arrayValue?.first?.objectValue
            XCTAssertEqual(
                location?["physicalLocation"]?.objectValue?["artifactLocation"]?.objectValue?["uri"]?.stringValue,
                "Examples/hotel-floor.json")
            XCTAssertNotNil(location?["logicalLocations"]?.arrayValue?.first?.objectValue?["name"]?.stringValue)
        }
    }

    /// The geographic plan's GeoJSON stays in lon/lat.
    func testGeoJSONIsInThePlansOwnCRS() throws {
        var b = PlanBuilder.passageToilet()
        b.plan["crs"] = "EPSG:4326"
        b.features = b.features.map { feature in
            var f = feature
            if var g = f["geometry"] as? [String: Any], let c = g["coordinates"] {
                func walk(_ v: Any) -> Any {
                    if let list = v as? [Any] {
                        if list.count == 2, let x = (list[0] as? NSNumber)?.doubleValue, let y = (list[1] as? NSNumber)?.doubleValue {
                            return [120.15 + x / 96_000, 30.25 + y / 111_000]
                        }
                        return list.map(walk)
                    }
                    return v
                }
                g["coordinates"] = walk(c)
                f["geometry"] = g
            }
            return f
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-geo-\(getpid()).json").path
        try Data(b.json()).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["check", path, "--format", "geojson", "--as-of", "2026-01-15"])
        let features = try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["features"]?.arrayValue ?? []
        let finding = try XCTUnwrap(features.first { $0.objectValue?["properties"]?.objectValue?["layer"]?.stringValue == "finding" })
        let ring = finding.objectValue?["geometry"]?.objectValue?["coordinates"]?.arrayValue?.first?.arrayValue?.first?.arrayValue ?? []
        let first = ring.first?.numbersValue ?? []
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first[0], 120.15, accuracy: 0.001)
        XCTAssertEqual(first[1], 30.25, accuracy: 0.001)
    }

    /// The HTML report rendered by a real headless browser, when one is
    /// installed (Scripts/render-html.sh installs Chromium and a CJK font).
    func testHTMLRendersInHeadlessChromium() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else { throw XCTSkip("no Chromium installed") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-html-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let html = dir.appendingPathComponent("hotel.html").path
        let png = dir.appendingPathComponent("hotel.png").path
        _ = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "html", "--as-of", "2026-01-15", "-o", html])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--screenshot=\(png)", "file://\(html)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size ?? 0, 50_000, "the screenshot should show a drawing, not a blank page")
    }
}

private func containsString(_ v: JSONValue, _ s: String) -> Bool {
    switch v {
    case .string(let x): return x == s
    case .array(let a): return a.contains { containsString($0, s) }
    case .object(let o): return o.members.contains { containsString($0.value, s) }
    default: return false
    }
}
