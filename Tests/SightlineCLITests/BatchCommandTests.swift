import Foundation
import SightlineJSON
import SightlinePlan
import SightlineSynth
import TestSupport
import XCTest

/// `sightline batch` end to end, with real processes.
final class BatchCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-batch-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `count` generated buildings under `folder/portfolio`.
    private func portfolio(_ count: Int, seed: UInt64 = 7) throws -> String {
        let root = folder.appendingPathComponent("portfolio")
        try PortfolioGenerator(count: count, seed: seed).forEachBuilding { path, json in
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(json.utf8).write(to: url)
        }
        return root.path
    }

    private func db(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func report(_ database: String) throws -> [JSONObject] {
        let r = try CLI.run(["batch", "report", database, "--format", "json"])
        return try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["buildings"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    func testABrokenBuildingIsRecordedAndTheRestGoOn() throws {
        let root = try portfolio(6)
        try Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8).write(to: URL(fileURLWithPath: root + "/broken.json"))
        var bad = PlanBuilder.passageToilet()
        bad.features[5]["properties"] = ["kind": "zone", "category": "toliet"]
        try Data(bad.json()).write(to: URL(fileURLWithPath: root + "/bad-category.json"))
        let r = try CLI.run(["batch", root, "--db", db("r.sqlite"), "--jobs", "2", "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let buildings = try report(db("r.sqlite"))
        XCTAssertEqual(buildings.count, 8)
        let byPath = Dictionary(uniqueKeysWithValues: buildings.map { ($0["path"]?.stringValue ?? "", $0) })
        XCTAssertEqual(byPath["broken.json"]?["status"]?.stringValue, "invalid")
        XCTAssertTrue(byPath["broken.json"]?["inputError"]?.stringValue?.contains("not valid JSON: line 1") ?? false)
        // The same message `check` gives: file, feature, property, hint.
        let message = byPath["bad-category.json"]?["inputError"]?.stringValue ?? ""
        XCTAssertTrue(message.contains("bad-category.json: feature wc: properties.category: unknown value `toliet`"), message)
        XCTAssertEqual(buildings.filter { $0["status"]?.stringValue != "invalid" }.count, 6)
        let text = try CLI.run(["batch", "report", db("r.sqlite")])
        XCTAssertTrue(text.stdout.contains("2 invalid"), text.stdout)
    }

    /// A portfolio folder's drawings are checked as `check` checks them (a
    /// DXF imported, its findings stored), a drawing named on the command
    /// line too, and the files that are neither plans nor drawings are
    /// named on standard error, not passed over without a word.
    func testDrawingsAreCheckedAndOtherFilesAreNamed() throws {
        let root = try portfolio(2)
        let drawing = CLI.packageRoot.appendingPathComponent("Fixtures/import/tarch-floor.dxf")
        try FileManager.default.createDirectory(atPath: root + "/tower", withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: drawing, to: URL(fileURLWithPath: root + "/tower/floor.dxf"))
        try Data("minutes".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
        try Data("%PDF-1.4".utf8).write(to: URL(fileURLWithPath: root + "/tower/sheet.pdf"))
        let r = try CLI.run(["batch", root, "--db", db("d.sqlite"), "--as-of", "2026-01-15"])
        XCTAssertTrue(r.stderr.contains("skipped 2 files that are neither a plan"), r.stderr)
        XCTAssertTrue(r.stderr.contains("notes.txt") && r.stderr.contains("sheet.pdf"), r.stderr)
        let buildings = try report(db("d.sqlite"))
        XCTAssertEqual(buildings.count, 3)
        let dxf = try XCTUnwrap(buildings.first { $0["path"]?.stringValue == "tower/floor.dxf" })
        XCTAssertNotEqual(dxf["status"]?.stringValue, "invalid", "\(dxf)")
        let checked = try CLI.run(["check", drawing.path, "--format", "json", "--as-of", "2026-01-15"])
        let direct = try JSONParser.parse(Array(checked.stdout.utf8)).objectValue?["findings"]?.arrayValue?.count
        XCTAssertEqual(dxf["findings"]?.arrayValue?.count, direct, "the drawing's findings are check's")
        XCTAssertGreaterThan(direct ?? 0, 0)
        // Named on the command line, a drawing is checked, not read as JSON.
        let named = try CLI.run(["batch", drawing.path, "--db", db("n.sqlite"), "--as-of", "2026-01-15"])
        XCTAssertNotEqual(named.status, 2, named.stderr)
        let one = try report(db("n.sqlite"))
        XCTAssertEqual(one.first?["status"]?.stringValue, dxf["status"]?.stringValue)
        XCTAssertNil(one.first?["inputError"]?.stringValue, "\(one)")
    }

    /// A rerun that skips every building exits as the first run did: the
    /// stored results count, not only the buildings checked this time.
    func testARerunThatSkipsEverythingKeepsTheExitCode() throws {
        let failing = folder.appendingPathComponent("failing").path
        let clean = folder.appendingPathComponent("clean").path
        for (root, heading) in [(failing, 90), (clean, 270)] {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try Data(PlanBuilder.passageToilet(camera: ["heading": heading]).json()).write(to: URL(fileURLWithPath: root + "/plan.json"))
        }
        for (root, status) in [(failing, Int32(1)), (clean, 0)] {
            let database = root + ".sqlite"
            XCTAssertEqual(try CLI.run(["batch", root, "--db", database, "--as-of", "2026-01-15"]).status, status)
            let rerun = try CLI.run(["batch", root, "--db", database, "--as-of", "2026-01-15"])
            XCTAssertTrue(rerun.stderr.contains("0 checked, 1 already in"), rerun.stderr)
            XCTAssertEqual(rerun.status, status, root)
        }
    }

    /// Three shards merged give exactly the findings of one unsharded run.
    func testThreeShardsMergedEqualOneRun() throws {
        let root = try portfolio(12)
        XCTAssertEqual(try CLI.run(["batch", root, "--db", db("all.sqlite"), "--as-of", "2026-01-15"]).status, 1)
        var shardCounts: [Int] = []
        for k in 0..<3 {
            _ = try CLI.run(["batch", root, "--db", db("s\(k).sqlite"), "--shard", "\(k)/3", "--as-of", "2026-01-15"])
            shardCounts.append(try report(db("s\(k).sqlite")).count)
        }
        XCTAssertEqual(shardCounts.reduce(0, +), 12)
        // Merging a shard twice keeps each building once.
        let merge = try CLI.run([
            "batch", "merge", db("s0.sqlite"), db("s1.sqlite"), db("s2.sqlite"), db("s0.sqlite"), "-o", db("merged.sqlite"),
        ])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        func essence(_ b: [JSONObject]) -> [String] {
            b.map { o in
                let findings = (o["findings"]?.arrayValue ?? []).compactMap(\.objectValue).map {
                    "\($0["rule"]?.stringValue ?? "")|\($0["camera"]?.stringValue ?? "")|\($0["zone"]?.stringValue ?? "")|\($0["area"]?.numberValue ?? -1)"
                }
                return "\(o["path"]?.stringValue ?? "") \(o["sha256"]?.stringValue ?? "") \(o["status"]?.stringValue ?? "") \(findings)"
            }
        }
        XCTAssertEqual(essence(try report(db("merged.sqlite"))), essence(try report(db("all.sqlite"))))
    }

    /// A run killed part-way (SIGKILL to the child) and resumed has every
    /// building exactly once.
    func testKilledRunResumesWithEveryBuildingOnce() throws {
        let root = try portfolio(80, seed: 11)
        let database = db("killed.sqlite")
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["batch", root, "--db", database, "--jobs", "1", "--quiet", "--as-of", "2026-01-15"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some buildings are committed, then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        var stored = 0
        while Date() < deadline, process.isRunning {
            stored = (try? report(database).count) ?? 0
            if stored >= 5 { break }
            usleep(20_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let partial = try report(database).count
        XCTAssertLessThan(partial, 80, "the run should have been killed part-way (it stored \(partial))")
        let resumed = try CLI.run(["batch", root, "--db", database, "--as-of", "2026-01-15"])
        XCTAssertTrue(resumed.stderr.contains("\(partial) already in"), resumed.stderr)
        let buildings = try report(database)
        XCTAssertEqual(buildings.count, 80)
        XCTAssertEqual(Set(buildings.compactMap { $0["path"]?.stringValue }).count, 80)
    }

    func testAChangedFileIsRedoneAndForceRedoesAll() throws {
        let root = try portfolio(5)
        let database = db("r.sqlite")
        _ = try CLI.run(["batch", root, "--db", database, "--as-of", "2026-01-15"])
        let before = try report(database)
        // Change one building: a different plan at the same path.
        let changed = root + "/part-000/building-00002.json"
        try Data(PlanBuilder.passageToilet(opening: ["openingType": "door", "state": "closed"]).json()).write(
            to: URL(fileURLWithPath: changed))
        let again = try CLI.run(["batch", root, "--db", database, "--as-of", "2026-01-15"])
        XCTAssertTrue(again.stderr.contains("1 checked, 4 already in"), again.stderr)
        let after = try report(database)
        let oldSHA = before.first { $0["path"]?.stringValue == "part-000/building-00002.json" }?["sha256"]
        let newSHA = after.first { $0["path"]?.stringValue == "part-000/building-00002.json" }?["sha256"]
        XCTAssertNotEqual(oldSHA, newSHA)
        XCTAssertEqual(after.count, 5)
        let forced = try CLI.run(["batch", root, "--db", database, "--force", "--as-of", "2026-01-15"])
        XCTAssertTrue(forced.stderr.contains("5 checked, 0 already in"), forced.stderr)
    }

    func testListFileInputAndExitCodes() throws {
        let clean = folder.appendingPathComponent("clean.json")
        try Data(PlanBuilder.passageToilet(opening: ["openingType": "door", "state": "closed"]).json()).write(to: clean)
        try Data("# plans\nclean.json\n".utf8).write(to: folder.appendingPathComponent("list.txt"))
        let ok = try CLI.run([
            "batch", "@" + folder.appendingPathComponent("list.txt").path, "--db", db("l.sqlite"), "--as-of", "2026-01-15",
        ])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try report(db("l.sqlite")).first?["path"]?.stringValue, "clean.json")
        XCTAssertEqual(try CLI.run(["batch", folder.appendingPathComponent("missing").path, "--db", db("x.sqlite")]).status, 2)
        XCTAssertEqual(try CLI.run(["batch", folder.path, "--db", db("x.sqlite"), "--shard", "3/3"]).status, 2)
        let csv = try CLI.run(["batch", "report", db("l.sqlite"), "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}path,sha256,status"), "a UTF-8 BOM, then the header: \(csv.stdout)")
    }
}

/// The progress line appears on a terminal and nowhere else.
final class BatchProgressTests: XCTestCase {
    func testProgressLineOnlyOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no `script` to make a terminal") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-progress-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try PortfolioGenerator(count: 3, seed: 3).forEachBuilding { path, json in
            try Data(json.utf8).write(
                to: dir.appendingPathComponent("plans").appendingPathComponent(path.replacingOccurrences(of: "/", with: "-")))
        }
        let command = "\(CLI.executable.path) batch \(dir.path)/plans --db \(dir.path)/r.sqlite --as-of 2026-01-15"
        // `script` runs the command on a pseudo-terminal and copies what it shows.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let shown = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertTrue(shown.contains("3/3 buildings"), shown)
        XCTAssertTrue(shown.contains("invalid"), shown)
        // Not a terminal: no progress line.
        let piped = try CLI.run(["batch", dir.path + "/plans", "--db", dir.path + "/r2.sqlite", "--as-of", "2026-01-15"])
        XCTAssertFalse(piped.stderr.contains("3/3 buildings"), piped.stderr)
    }
}
