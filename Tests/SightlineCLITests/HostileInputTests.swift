import Foundation
import SightlinePlan
import TestSupport
import XCTest

/// Regression tests from the audit's exact inputs: nothing crashes, nothing
/// is lost, nothing user-supplied reaches a terminal or spreadsheet raw.
final class HostileInputTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("hostile") }

    override func tearDownWithError() throws { folder.remove() }

    // MARK: Crashes

    /// `"\u00e9"` and `"e\u0301"` are one key to Swift; with 25+ members the
    /// object's index trapped (signal 4). Now a duplicate key, exit 2.
    func testCanonicallyEqualKeysAreADuplicateKey() throws {
        let r = try CLI.run(["check", "Fixtures/hostile/canonical-duplicate-keys.json"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(
            r.stderr,
            "Fixtures/hostile/canonical-duplicate-keys.json: not valid JSON: line 1, column 13: duplicate key \"é\" in one object\n")
    }

    func testABatchRecordsTheDuplicateKeyPlanAsInvalidAndGoesOn() throws {
        let plans = folder.url.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLI.packageRoot.appendingPathComponent("Fixtures/hostile/canonical-duplicate-keys.json").path,
            toPath: plans.appendingPathComponent("a-dup.json").path)
        try FileManager.default.copyItem(
            atPath: CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json").path,
            toPath: plans.appendingPathComponent("b-hotel.json").path)
        let db = folder.url.appendingPathComponent("r.sqlite").path
        let r = try CLI.run(["batch", plans.path, "--db", db, "--as-of", "2026-01-15"])
        XCTAssertNotEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("1 invalid"), r.stderr)
        let report = try CLI.run(["batch", "report", db, "--format", "csv"])
        XCTAssertTrue(report.stdout.contains("a-dup.json") && report.stdout.contains("invalid"), report.stdout)
        XCTAssertTrue(report.stdout.contains("b-hotel.json"), "the run went on past the bad building")
    }

    func testAFailedWriteToStandardOutputOrErrorIsExitTwo() throws {
        for command in ["check Examples/hotel-floor.json", "rules", "filing Examples/hotel-floor.json --as-of 2026-01-15"] {
            let full = try CLI.shell("\"$SIGHTLINE\" \(command) > /dev/full")
            XCTAssertEqual(full.status, 2, command)
            XCTAssertTrue(full.stderr.contains("cannot write to standard output: No space left on device"), full.stderr)
            let closed = try CLI.shell("\"$SIGHTLINE\" \(command) >&-")
            XCTAssertEqual(closed.status, 2, command)
            XCTAssertTrue(closed.stderr.contains("cannot write"), closed.stderr)
        }
        let errFull = try CLI.shell("\"$SIGHTLINE\" check no-such-plan.json 2>/dev/full")
        XCTAssertEqual(errFull.status, 2)
        let rulesErrClosed = try CLI.shell("\"$SIGHTLINE\" rules --profile nowhere 2>&-")
        XCTAssertEqual(rulesErrClosed.status, 2)
    }

    // MARK: Data safety

    /// A file-size limit makes the write of the fixed plan fail half-way:
    /// the user's plan must be as it was, and no temporary file left behind.
    func testAFailedWriteLeavesThePlanAsItWas() throws {
        let plan = folder.url.appendingPathComponent("hotel.json").path
        try FileManager.default.copyItem(atPath: CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json").path, toPath: plan)
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let r = try CLI.shell("trap '' XFSZ; ulimit -f 8; \"$SIGHTLINE\" fix '\(plan)' --apply best -o '\(plan)' --as-of 2026-01-15")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(plan): cannot write: File too large"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: plan)), before, "the plan is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url.path), ["hotel.json"], "no temporary file is left")
    }

    /// The JSON report is streamed into its file as it is made; a write that
    /// fails half-way (a file-size limit) leaves the report that was there.
    func testAStreamedReportThatFailsLeavesTheOldReport() throws {
        let report = folder.url.appendingPathComponent("report.json").path
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: report))
        let r = try CLI.shell(
            "trap '' XFSZ; ulimit -f 8; \"$SIGHTLINE\" check Examples/hotel-floor.json --format json -o '\(report)' --as-of 2026-01-15")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(report): cannot write: File too large"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: report, encoding: .utf8), "old report\n", "the old report is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url.path), ["report.json"], "no temporary file is left")
        let written = try CLI.shell("\"$SIGHTLINE\" check Examples/hotel-floor.json --format json -o '\(report)' --as-of 2026-01-15")
        let printed = try CLI.shell("\"$SIGHTLINE\" check Examples/hotel-floor.json --format json --as-of 2026-01-15")
        XCTAssertEqual(written.status, 1, written.stderr)
        XCTAssertEqual(try String(contentsOfFile: report, encoding: .utf8), printed.stdout, "the streamed file is the printed report")
    }

    func testWritingToAFolderSaysItIsAFolder() throws {
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "-o", folder.url.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("it is a folder"), r.stderr)
        XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain"))
    }

    // MARK: Output injection

    /// An id holding a screen clear, a title change, a C1 CSI, a bidi
    /// override and a newline: every text output shows them as escapes.
    func testControlAndBidiCharactersAreShownAsEscapes() throws {
        var b = PlanBuilder.passageToilet()
        let hostile = "cam\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\u{202E}evil\nFAIL: forged"
        b.features = b.features.map { f in
            guard (f["id"] as? String) == "cam1" else { return f }
            var f = f
            f["id"] = hostile
            return f
        }
        b.plan["site"] = ["name": "Site\r\nforged line", "address": "a", "operator": ["name": "o"]]
        let path = try folder.write(b, "hostile.json")
        let outputs = [
            try CLI.run(["check", path, "--as-of", "2026-01-15"]).stdout,
            try CLI.run(["check", path, "--format", "markdown", "--as-of", "2026-01-15"]).stdout,
            try CLI.run(["fix", path, "--as-of", "2026-01-15"]).stdout,
            try CLI.run(["filing", path, "--as-of", "2026-01-15"]).stdout,
        ]
        for out in outputs {
            XCTAssertFalse(
                out.unicodeScalars.contains {
                    $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x0D
                },
                "raw control or bidi character in:\n\(out)")
            XCTAssertFalse(out.contains("\nFAIL: forged"), "a forged line")
        }
        XCTAssertTrue(outputs[0].contains("cam\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202eevil\\nFAIL: forged"), outputs[0])
        // Markdown: line breaks (CRLF included) become spaces; one row stays one line.
        XCTAssertTrue(outputs[1].contains("Site forged line") || outputs[1].contains("Site  forged line"), outputs[1])
        // Error messages: one problem, one line.
        var bad = b
        bad.features.append(["type": "Feature", "id": "z\nforged: error", "properties": ["kind": "zone"], "geometry": NSNull()])
        let r = try CLI.run(["check", try folder.write(bad, "bad.json")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix(folder.url.path) }, r.stderr)
        XCTAssertTrue(r.stderr.contains("z\\nforged: error"), r.stderr)
    }

    // MARK: Wrong answers

    /// The hotel moved 1e12 m east turned 3 errors into 1 with exit 1; near
    /// 1e300 it found nothing. Beyond ±1,000 km is an input error now.
    func testCoordinatesBeyondTheDocumentedExtentAreAnInputError() throws {
        let r = try CLI.run(["check", "Fixtures/hostile/offset-1e12.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(
            r.stderr.hasPrefix(
                "Fixtures/hostile/offset-1e12.json: feature corridor: geometry.coordinates: position (1000000000000, -1) is more than 1,000 km"
            ), r.stderr)
        var huge = PlanBuilder.passageToilet()
        huge.camera("far", at: [1e300, 0])
        let h = try CLI.run(["check", try folder.write(huge, "huge.json")])
        XCTAssertEqual(h.status, 2)
        XCTAssertTrue(h.stderr.contains("feature far: geometry.coordinates"), h.stderr)
        var geographic = PlanBuilder.passageToilet()
        geographic.plan["crs"] = "EPSG:4326"
        geographic.camera("far", at: [20, 10])
        let g = try CLI.run(["check", try folder.write(geographic, "geo.json")])
        XCTAssertEqual(g.status, 2, "a plan 2,000 km across is no building")
    }

    /// Random valid plans through `batch`: every one checked, none invalid.
    func testRandomValidPlansThroughBatchAreAllChecked() throws {
        let plans = folder.url.appendingPathComponent("random").path
        XCTAssertEqual(try CLI.run(["generate", "random", "--count", "150", "--seed", "5000", "-o", plans]).status, 0)
        let db = folder.url.appendingPathComponent("random.sqlite").path
        let r = try CLI.run(["batch", plans, "--db", db, "--as-of", "2026-01-15"])
        XCTAssertTrue(r.stderr.contains("150 buildings: 150 checked") && r.stderr.contains(" 0 invalid"), r.stderr)
    }

    // MARK: Invalid UTF-8

    func testInvalidUTF8IsASyntaxErrorWithItsPlace() throws {
        let r = try CLI.run(["check", "Fixtures/hostile/invalid-utf8.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.stderr,
            "Fixtures/hostile/invalid-utf8.json: not valid JSON: line 2, column 27: invalid UTF-8 (byte 0xE9): the file must be UTF-8 text\n"
        )
    }
}

/// The smaller findings of the audit.
final class HostileInputSmallerTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("hostile-small") }

    override func tearDownWithError() throws { folder.remove() }

    /// A plan may not make the tool read an arbitrary file as its profile.
    func testAPlanNamesOnlyBuiltInProfilesOrFilesBesideIt() throws {
        var b = PlanBuilder.passageToilet()
        b.plan["profile"] = "/etc/passwd.json"
        let r = try CLI.run(["check", try folder.write(b, "p.json")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("plan.profile: `/etc/passwd.json`: a plan may name a built-in profile"), r.stderr)
        b.plan["profile"] = "../elsewhere/profile.json"
        XCTAssertTrue(try CLI.run(["check", try folder.write(b, "q.json")]).stderr.contains("a plan may name a built-in profile"))
        // A profile file beside the plan is fine, and --profile may name any file.
        try FileManager.default.copyItem(
            atPath: CLI.packageRoot.appendingPathComponent("Profiles/cn-chongqing-2009.json").path,
            toPath: folder.url.appendingPathComponent("local.json").path)
        b.plan["profile"] = "local.json"
        let beside = try CLI.run(["check", try folder.write(b, "r.json"), "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertNotEqual(beside.status, 2, beside.stderr)
        XCTAssertTrue(beside.stdout.contains("\"profile\": \"cn-chongqing-2009\""))
    }

    func testSpecialFilesGetClearMessages() throws {
        XCTAssertEqual(try CLI.run(["check", "/dev/null"]).stderr, "/dev/null: is empty: a plan is a GeoJSON FeatureCollection\n")
        XCTAssertEqual(try CLI.run(["check", folder.url.path]).stderr, "\(folder.url.path): is a directory, not a plan file\n")
    }

    /// Folder links in a batch are followed; a link loop is walked once.
    func testBatchFollowsFolderLinksWithoutLooping() throws {
        let root = folder.url.appendingPathComponent("portfolio")
        let real = folder.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json").path,
            toPath: real.appendingPathComponent("hotel.json").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: real.path)
        try FileManager.default.createSymbolicLink(atPath: real.appendingPathComponent("loop").path, withDestinationPath: root.path)
        let r = try CLI.run(["batch", root.path, "--db", folder.url.appendingPathComponent("r.sqlite").path, "--as-of", "2026-01-15"])
        XCTAssertTrue(r.stderr.contains("1 buildings: 1 checked"), r.stderr)
    }

    func testSARIFURIsArePercentEncoded() throws {
        let path = folder.url.appendingPathComponent("a plan #1?.json").path
        try FileManager.default.copyItem(atPath: CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json").path, toPath: path)
        let r = try CLI.run(["check", path, "--format", "sarif", "--as-of", "2026-01-15"])
        XCTAssertTrue(r.stdout.contains("a%20plan%20%231%3F.json"), r.stdout)
        XCTAssertFalse(r.stdout.contains("\"uri\": \"\(path)\""))
    }

    /// 2,000 features on an unknown level among 10,000: the message lists
    /// ten levels, and at most 200 problems are shown (was 85 s, 1.1 GB).
    func testHugeListsAndProblemCountsAreCapped() throws {
        let levels = (0..<10_000).map { ["id": "L\($0)"] }
        let features: [[String: Any]] = (0..<2_000).map {
            [
                "type": "Feature", "id": "c\($0)", "properties": ["kind": "camera", "level": "nope"],
                "geometry": ["type": "Point", "coordinates": [0, 0]],
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: [
            "type": "FeatureCollection", "plan": ["levels": levels], "features": features,
        ])
        let path = folder.url.appendingPathComponent("levels.json").path
        try data.write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["check", path])
        XCTAssertEqual(r.status, 2)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 201)
        XCTAssertTrue(lines[0].hasSuffix("`L8`, `L9`, … and 9990 more"), String(lines[0]))
        XCTAssertEqual(lines.last, "\(path): … and 1800 more errors not shown")
        // A 100,000-character name gets no edit-distance hint (was 95 s).
        var long = PlanBuilder.passageToilet()
        long.plan["levels"] = [["id": "a"], ["id": "b"]]
        long.camera("c", at: [0, 0], ["level": String(repeating: "x", count: 100_000)])
        let started = Date()
        XCTAssertEqual(try CLI.run(["check", try folder.write(long, "long.json")]).status, 2)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "no quadratic hint")
    }
}
