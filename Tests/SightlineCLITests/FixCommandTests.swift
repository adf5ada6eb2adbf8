import Foundation
import SightlineJSON
import SightlinePlan
import SightlineSynth
import TestSupport
import XCTest

/// `sightline fix`, against answers worked out by hand.
final class FixCommandTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("fix") }

    override func tearDownWithError() throws { folder.remove() }

    private func write(_ b: PlanBuilder, _ name: String) throws -> String { try folder.write(b, name) }

    private func fixJSON(_ path: String, _ extra: [String] = []) throws -> JSONObject {
        let r = try CLI.run(["fix", path, "--format", "json", "--as-of", "2026-01-15"] + extra)
        return try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue, r.stderr)
    }

    /// The passage (y ±0.6 at x = 0) seen from (−8, 0) spans bearings
    /// 90° ± atan(0.6/8) = 90° ± 4.289°. With a 60° field, headings within
    /// 30° of that are forbidden: compliant headings run clockwise from
    /// 124.289° round to 55.711°; with the default ±2° installation margin
    /// the headings proposed run from 126.289° to 53.711°.
    let half = atan(0.6 / 8) * 180 / .pi
    let margin = 2.0

    private func passage(_ camera: [String: Any] = [:]) throws -> String {
        var cam: [String: Any] = ["hfov": 60]
        for (k, v) in camera { cam[k] = v }
        return try write(PlanBuilder.passageToilet(camera: cam), "passage.json")
    }

    func testCompliantHeadingsAreExactlyThoseMissingThePassage() throws {
        let plan = try passage()
        func compliant(_ extra: [String]) throws -> (from: Double, to: Double, camera: JSONObject) {
            let camera = try XCTUnwrap(try fixJSON(plan, extra)["cameras"]?.arrayValue?.first?.objectValue)
            let compliant = try XCTUnwrap(camera["options"]?.objectValue?["heading"]?.objectValue?["compliant"]?.arrayValue)
            XCTAssertEqual(compliant.count, 1)
            return (compliant[0].objectValue?["from"]?.numberValue ?? -1, compliant[0].objectValue?["to"]?.numberValue ?? -1, camera)
        }
        // --margin 0: the edges themselves.
        let (from, to, _) = try compliant(["--margin", "0"])
        XCTAssertEqual(from, 90 + half + 30, accuracy: 0.1)
        XCTAssertEqual(to, 90 - half - 30, accuracy: 0.1)
        // Checked for real: the interval's ends are clean, 0.2° beyond them is not.
        for (heading, clean) in [(from, true), (to, true), (from - 0.2, false), (to + 0.2, false), (0.0, true), (90.0, false)] {
            let (_, findings) = try PlanBuilder.passageToilet(camera: ["hfov": 60, "heading": heading]).check()
            XCTAssertEqual(findings.rule("art8-view-intrusion").isEmpty, clean, "heading \(heading)")
        }
        // The default: 2° in from each edge, so a heading set 2° off either way still clears.
        let (kept, keptTo, camera) = try compliant([])
        XCTAssertEqual(kept, 90 + half + 30 + margin, accuracy: 0.1)
        XCTAssertEqual(keptTo, 90 - half - 30 - margin, accuracy: 0.1)
        for heading in [kept - margin, kept + margin, keptTo - margin, keptTo + margin] {
            let (_, findings) = try PlanBuilder.passageToilet(camera: ["hfov": 60, "heading": heading]).check()
            XCTAssertTrue(findings.rule("art8-view-intrusion").isEmpty, "heading \(heading), within the margin")
        }
        // The nearest compliant heading to 90° is the nearer end.
        let proposed = try XCTUnwrap(camera["options"]?.objectValue?["heading"]?.objectValue?["proposed"]?.numberValue)
        XCTAssertTrue(abs(proposed - kept) < 1e-9 || abs(proposed - keptTo) < 1e-9)
    }

    /// The mask proposed is the passage's bearing sector; the intrusion
    /// lies 8 to 12.03 m away, so the mask's elevations run from the floor
    /// at 8 m, atan2(−2.5, 8) = −17.35°, to the head at 12.03 m,
    /// atan2(−0.5, 12.03) = −2.38°.
    func testMaskIsThePassagesBearingSector() throws {
        let fix = try fixJSON(try passage())
        let mask = try XCTUnwrap(
            fix["cameras"]?.arrayValue?.first?.objectValue?["options"]?.objectValue?["mask"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(mask["azimuthFrom"]?.numberValue ?? 0, 90 - half, accuracy: 0.15)
        XCTAssertEqual(mask["azimuthTo"]?.numberValue ?? 0, 90 + half, accuracy: 0.15)
        XCTAssertLessThanOrEqual(mask["azimuthFrom"]?.numberValue ?? 99, 90 - half)
        XCTAssertGreaterThanOrEqual(mask["azimuthTo"]?.numberValue ?? 0, 90 + half)
        XCTAssertEqual(mask["elevationFrom"]?.numberValue ?? 0, atan2(-2.5, 8) * 180 / .pi, accuracy: 0.15)
        XCTAssertEqual(
            mask["elevationTo"]?.numberValue ?? 0, atan2(-0.5, (12.0 * 12.0 + 0.9 * 0.9).squareRoot()) * 180 / .pi, accuracy: 0.15)
        // Applied, it turns the error into the masked warning.
        let fixed = folder.url.appendingPathComponent("masked.json").path
        let r = try CLI.run(["fix", try passage(), "--apply", "mask", "-o", fixed, "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let check = try CLI.run(["check", fixed, "--format", "json", "--as-of", "2026-01-15"])
        let rules = try JSONParser.parse(Array(check.stdout.utf8)).objectValue?["findings"]?.arrayValue?.compactMap {
            $0.objectValue?["rule"]?.stringValue
        }
        XCTAssertEqual(rules, ["cn-2025/art8-view-masked"])
    }

    /// A 60° 16:9 lens has vfov 2·atan(tan 30° · 9/16) = 35.98°. The view
    /// stops short of the passage (8 m away) once the field's top edge meets
    /// the floor there: tilt = vfov/2 + atan(2.5/8) = 17.99° + 17.35° = 35.34°,
    /// the edge; the tilt to mount is 2° steeper, 37.34°, so a bracket 2°
    /// off either way still clears.
    func testSteeperTiltThatStopsShortOfThePassage() throws {
        let options = try XCTUnwrap(try fixJSON(try passage())["cameras"]?.arrayValue?.first?.objectValue?["options"]?.objectValue)
        let tilt = try XCTUnwrap(options["tilt"]?.numberValue)
        let edge = try XCTUnwrap(options["tiltEdge"]?.numberValue)
        let vfov = 2 * atan(tan(30 * Double.pi / 180) * 9 / 16) * 180 / .pi
        let exact = vfov / 2 + atan(2.5 / 8) * 180 / .pi
        XCTAssertEqual(edge, exact, accuracy: 0.1)
        XCTAssertEqual(tilt, exact + margin, accuracy: 0.1)
        for mounted in [tilt - margin, tilt, tilt + margin] {
            XCTAssertTrue(try PlanBuilder.passageToilet(camera: ["hfov": 60, "tilt": mounted]).check().1.isEmpty, "tilt \(mounted)")
        }
        XCTAssertFalse(try PlanBuilder.passageToilet(camera: ["hfov": 60, "tilt": edge - 0.3]).check().1.isEmpty)
    }

    /// A toilet from 0.6 m north of a camera 3 m up (vfov 20°): past
    /// 10° + atan(3/0.6) = 88.69° the field's top edge meets the floor short
    /// of it and nothing is seen; the 0.01 m² threshold lets the edge come a
    /// little before (so 87.5°–88.7°). Two degrees more is past 90°: no tilt
    /// keeps the margin, so none is proposed and the text says why; with
    /// `--margin 1` the edge plus 1° is.
    func testATiltWithNoRoomForTheMarginIsNamedNotProposed() throws {
        var b = PlanBuilder()
        b.zone("wc", "toilet", [[-5, 0.6], [5, 0.6], [5, 5], [-5, 5]])
        b.camera("cam", at: [0, 0], ["heading": 0, "hfov": 60, "vfov": 20, "tilt": 0, "mountHeight": 3])
        let plan = try write(b, "steep.json")
        let edge = 10 + atan(3 / 0.6) * 180 / .pi
        let options = try XCTUnwrap(try fixJSON(plan)["cameras"]?.arrayValue?.first?.objectValue?["options"]?.objectValue)
        XCTAssertEqual(options["tilt"], .null)
        let found = try XCTUnwrap(options["tiltEdge"]?.numberValue)
        XCTAssertTrue((87.5...edge + 0.05).contains(found), "edge \(found)")
        XCTAssertGreaterThan(found + 2, 90)
        let text = try CLI.run(["fix", plan, "--as-of", "2026-01-15", "--lang", "en"]).stdout
        XCTAssertTrue(
            text.contains("tilt:    \(DecimalText.fixed1(found))° clears only at the edge, with no ±2.0° to spare: not proposed"), text)
        let one = try XCTUnwrap(try fixJSON(plan, ["--margin", "1"])["cameras"]?.arrayValue?.first?.objectValue?["options"]?.objectValue)
        XCTAssertEqual(one["tilt"]?.numberValue ?? 0, found + 1, accuracy: 1e-9)
    }

    /// With --keep-coverage the heading proposed keeps at least as much of
    /// today's allowed view as the nearest compliant one, and is compliant.
    func testKeepCoverageKeepsAtLeastAsMuch() throws {
        var b = PlanBuilder.passageToilet(camera: ["hfov": 60, "heading": 80])
        b.zone("hall", "lobby", [[-20, -5], [0, -5], [0, 5], [-20, 5]])
        b.wall("hall-n", [[-20, 5], [0, 5]])
        b.wall("hall-s", [[-20, -5], [0, -5]])
        let plan = try write(b, "keep.json")
        func option(_ extra: [String]) throws -> (Double, Double) {
            let heading = try XCTUnwrap(
                try fixJSON(plan, extra)["cameras"]?.arrayValue?.first?.objectValue?["options"]?.objectValue?["heading"]?.objectValue)
            return (heading["proposed"]?.numberValue ?? -1, heading["keptArea"]?.numberValue ?? -1)
        }
        let nearest = try option([])
        let kept = try option(["--keep-coverage"])
        XCTAssertGreaterThanOrEqual(kept.1, nearest.1 - 1e-6)
        var fixed = b
        let i = fixed.features.firstIndex { ($0["id"] as? String) == "cam1" }!
        var p = fixed.features[i]["properties"] as! [String: Any]
        p["heading"] = kept.0
        fixed.features[i]["properties"] = p
        XCTAssertTrue(try fixed.check().1.rule("art8-view-intrusion").isEmpty)
    }

    func testCameraInsideMustMoveToTheNearestAllowedSpot() throws {
        let fix = try fixJSON("Examples/hotel-floor.json")
        let cam = try XCTUnwrap(fix["cameras"]?.arrayValue?.compactMap(\.objectValue).first { $0["camera"]?.stringValue == "cam-301" })
        let spot = try XCTUnwrap(cam["options"]?.objectValue?["move"]?.objectValue?["nearestAllowed"]?.numbersValue)
        // Straight down from (4, 6.8) into the corridor, 0.5 m from its north wall.
        XCTAssertEqual(spot[0], 4, accuracy: 0.01)
        XCTAssertEqual(spot[1], 0.5, accuracy: 0.01)
        XCTAssertEqual(cam["best"]?.stringValue, "move")
    }

    /// A camera in a toilet that is the whole level: no lawful spot to move
    /// it to, so `best` removes it, and says so; the fixed plan has no
    /// camera and no error.
    func testACameraWithNowhereLawfulToGoIsRemoved() throws {
        var b = PlanBuilder()
        b.wall("walls", [[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]])
        b.zone("wc", "toilet", [[0, 0], [4, 0], [4, 3], [0, 3]])
        b.camera("cam", at: [2, 1.5], ["heading": 0, "hfov": 90])
        let plan = try write(b, "all-toilet.json")
        XCTAssertEqual(try fixJSON(plan)["cameras"]?.arrayValue?.first?.objectValue?["best"]?.stringValue, "remove")
        let fixed = folder.url.appendingPathComponent("removed.json").path
        let r = try CLI.run(["fix", plan, "--apply", "best", "-o", fixed, "--as-of", "2026-01-15", "--lang", "en"])
        XCTAssertTrue(r.stdout.contains("best:    remove — applied: removed: no lawful spot on its level"), r.stdout)
        let written = try PlanDecoder.decode(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: fixed))), file: fixed)
        XCTAssertTrue(written.cameras.isEmpty)
        XCTAssertTrue(r.stdout.contains("no error remains"), r.stdout)
        XCTAssertEqual(r.status, 0)
    }

    /// --apply on the examples and a generated hotel: no Art. 8 error is left
    /// (with `best`, a camera standing inside a private room is moved out;
    /// with the others it stays, the one error they cannot fix), and the
    /// fixed plan differs from the original only in the fixed cameras'
    /// properties, the moved cameras' positions and the signs added.
    func testApplyLeavesNoFixableErrorAndChangesNothingElse() throws {
        let hotel = folder.url.appendingPathComponent("generated.json").path
        var generator = HotelGenerator(floors: 2, roomsPerSide: 12, seed: 5)
        generator.ptzEvery = 3
        try Data(generator.json().utf8).write(to: URL(fileURLWithPath: hotel))
        for (plan, choice) in [
            ("Examples/hotel-floor.json", "best"), ("Examples/clothing-store.json", "heading"), (hotel, "best"), (hotel, "mask"),
        ] {
            let fixed = folder.url.appendingPathComponent("fixed-\(choice).json").path
            let r = try CLI.run(["fix", plan, "--apply", choice, "-o", fixed, "--format", "json", "--as-of", "2026-01-15"])
            XCTAssertTrue(FileManager.default.fileExists(atPath: fixed), r.stderr)
            let remaining =
                try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["remainingErrors"]?.arrayValue?.compactMap(\.objectValue) ?? []
            let art8 = remaining.filter { ($0["rule"]?.stringValue ?? "").contains("art8") }
            if choice == "best" {
                XCTAssertEqual(art8.count, 0, "\(plan) \(choice): \(art8)")
            } else {
                XCTAssertTrue(art8.allSatisfy { $0["camera"]?.stringValue == "cam-301" }, "\(plan) \(choice): \(art8)")
            }
            let moved = Set(
                (try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["cameras"]?.arrayValue ?? []).compactMap(\.objectValue)
                    .filter { $0["applied"]?.stringValue?.hasPrefix("moved to") ?? false }.compactMap { $0["camera"]?.stringValue })
            try assertOnlyFixesChanged(original: plan, fixed: fixed, moved: moved)
        }
    }

    /// A camera at the origin (lens 3 m, vfov 40°, hfov 90°, range 30 m,
    /// heading north) inside a square ring of toilets 15 m to 20 m away:
    /// every 90° field contains an axis bearing where the ring is 15 m off,
    /// so no heading clears it at tilt 0 (far limit 30 m). Tilting until the
    /// field's top edge meets the floor short of 15 m does: tilt =
    /// 20° + atan(3/15) = 31.31°.
    private func ring(nearToilet: Bool) throws -> String {
        var b = PlanBuilder()
        b.zone("ring-n", "toilet", [[-20, 15], [20, 15], [20, 20], [-20, 20]])
        b.zone("ring-s", "toilet", [[-20, -20], [20, -20], [20, -15], [-20, -15]])
        b.zone("ring-e", "toilet", [[15, -15], [20, -15], [20, 15], [15, 15]])
        b.zone("ring-w", "toilet", [[-20, -15], [-15, -15], [-15, 15], [-20, 15]])
        // 0.3 m north of the lens: no tilt up to 90° clears it
        // (20° + atan(3/0.3) = 104.3°), and it forbids the northern headings.
        if nearToilet { b.zone("wc-north", "toilet", [[-5, 0.3], [5, 0.3], [5, 3], [-5, 3]]) }
        b.camera("cam", at: [0, 0], ["heading": 0, "hfov": 90, "vfov": 40, "tilt": 0, "mountHeight": 3, "range": 30])
        return try write(b, "ring.json")
    }

    func testBestTiltsWhenNoHeadingIsCompliant() throws {
        let camera = try XCTUnwrap(try fixJSON(ring(nearToilet: false))["cameras"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(camera["options"]?.objectValue?["heading"]?.objectValue?["compliant"]?.arrayValue?.count, 0)
        let tilt = try XCTUnwrap(camera["options"]?.objectValue?["tilt"]?.numberValue)
        XCTAssertGreaterThanOrEqual(tilt, 20 + atan(3.0 / 15) * 180 / .pi + margin)
        XCTAssertLessThanOrEqual(tilt, 31.45 + margin)
        XCTAssertEqual(camera["best"]?.stringValue, "tilt")
    }

    /// With the toilet 0.3 m north as well, neither alone clears it. At the
    /// first 2° step past 31.31°, tilt 32°, the ring is out of reach (far
    /// limit 3/tan 12° = 14.1 m), but not 2° gentler (30°, short of 31.31°):
    /// the first step that keeps the margin is 34°, where a heading clear of
    /// the near toilet's bearings by 2° exists: `best` sets both, and the
    /// fixed plan has no error.
    func testBestCombinesTiltAndHeadingWhenNeitherAloneClears() throws {
        let plan = try ring(nearToilet: true)
        let camera = try XCTUnwrap(try fixJSON(plan)["cameras"]?.arrayValue?.first?.objectValue)
        let options = try XCTUnwrap(camera["options"]?.objectValue)
        XCTAssertEqual(options["heading"]?.objectValue?["compliant"]?.arrayValue?.count, 0)
        XCTAssertEqual(options["tilt"], .null)
        let both = try XCTUnwrap(options["tiltAndHeading"]?.objectValue)
        XCTAssertEqual(both["tilt"]?.numberValue, 34)
        // The near toilet spans bearings ±86.6° (atan(5/0.3)); a 90° field
        // clear of it is centred within 131.6°…228.4°; the nearest to north
        // keeping the margin is its start plus 2°.
        let heading = try XCTUnwrap(both["heading"]?.numberValue)
        XCTAssertEqual(heading, 86.57 + 45 + margin, accuracy: 0.5)
        XCTAssertEqual(camera["best"]?.stringValue, "tilt-and-heading")
        let fixed = folder.url.appendingPathComponent("ring-fixed.json").path
        let r = try CLI.run(["fix", plan, "--apply", "best", "-o", fixed, "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("no error remains"), r.stdout)
    }

    /// The generated scenes the engine benchmark uses: after `--apply best`
    /// the re-check has no Art. 8 error at all (and the fix says so).
    func testApplyBestClearsEveryGeneratedScene() throws {
        var terminal = TerminalGenerator(seed: 3)
        terminal.side = 60
        terminal.cameras = 80
        let scenes = [
            ("hotel", HotelGenerator(floors: 2, roomsPerSide: 12, seed: 5).json()),
            ("mall", MallGenerator(floors: 2, seed: 2).json()), ("terminal", terminal.json()),
        ]
        for (name, json) in scenes {
            let plan = folder.url.appendingPathComponent("\(name).json").path
            try Data(json.utf8).write(to: URL(fileURLWithPath: plan))
            let before = try CLI.run(["check", plan, "--format", "json", "--as-of", "2026-01-15"])
            let art8Before = (try JSONParser.parse(Array(before.stdout.utf8)).objectValue?["findings"]?.arrayValue ?? [])
                .filter {
                    ($0.objectValue?["rule"]?.stringValue ?? "").contains("art8") && $0.objectValue?["severity"]?.stringValue == "error"
                }
            XCTAssertGreaterThan(art8Before.count, 0, "\(name): the scene must have something to fix")
            let fixed = folder.url.appendingPathComponent("\(name)-fixed.json").path
            let r = try CLI.run(["fix", plan, "--apply", "best", "-o", fixed, "--format", "json", "--as-of", "2026-01-15"])
            let remaining = try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["remainingErrors"]?.arrayValue ?? []
            XCTAssertEqual(
                remaining.filter { ($0.objectValue?["rule"]?.stringValue ?? "").contains("art8") }.count, 0, "\(name): \(remaining)")
            try assertOnlyFixesChanged(original: plan, fixed: fixed)
        }
    }

    private func assertOnlyFixesChanged(original: String, fixed: String, moved: Set<String> = []) throws {
        let a = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: original)))).objectValue!
        let b = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: fixed)))).objectValue!
        XCTAssertEqual(a.keys, b.keys)
        XCTAssertEqual(a["plan"], b["plan"], "plan metadata unchanged")
        let fa = a["features"]?.arrayValue ?? []
        let fb = b["features"]?.arrayValue ?? []
        XCTAssertGreaterThanOrEqual(fb.count, fa.count)
        for (x, y) in zip(fa, fb) {
            let ox = x.objectValue!
            let oy = y.objectValue!
            XCTAssertEqual(ox["id"], oy["id"])
            if !moved.contains(ox["id"]?.stringValue ?? "") { XCTAssertEqual(ox["geometry"], oy["geometry"]) }
            let px = ox["properties"]?.objectValue ?? JSONObject()
            let py = oy["properties"]?.objectValue ?? JSONObject()
            for (key, value) in px.members where !["heading", "tilt", "masks", "ptz"].contains(key) {
                XCTAssertEqual(py[key], value, "\(ox["id"] ?? .null).\(key) changed")
            }
            let changed = px.keys.filter { px[$0] != py[$0] } + py.keys.filter { px[$0] == nil }
            if !changed.isEmpty { XCTAssertEqual(px["kind"]?.stringValue, "camera", "only cameras change: \(changed)") }
        }
        for added in fb.dropFirst(fa.count) {
            XCTAssertEqual(added.objectValue?["properties"]?.objectValue?["kind"]?.stringValue, "sign", "only signs are added")
        }
    }
}
