import Foundation
import SightlineCheck
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineReport
import SightlineSynth
import TestSupport
import XCTest

/// The JSON report of a check made level by level (``StreamedCheck``) is
/// byte for byte the report of the whole check, on every kind of plan; and
/// whatever it cannot vouch for is left to the whole check.
final class StreamedCheckTests: XCTestCase {
    private static let asOf = CalendarDate(iso: "2026-01-15")!

    /// Bytes a ``ByteOutput`` was given.
    private final class Collected: ByteOutput {
        var bytes: [UInt8] = []
        func write(_ bytes: UnsafeRawBufferPointer) { self.bytes += bytes }
    }

    private func checker(parallelism: Int, toolVersion: String = "test") -> PlanChecker {
        PlanChecker(toolVersion: toolVersion, profileOption: nil, asOf: Self.asOf, parallelism: parallelism)
    }

    /// The whole check's JSON report of the file at `path`.
    private func wholeReport(_ path: String, toolVersion: String = "test") throws -> [UInt8] {
        let loaded = try LoadedPlan.load(path, profileOption: nil, keepDocument: false, keepSource: false)
        return JSONReportRenderer().renderBytes(try checker(parallelism: 1, toolVersion: toolVersion).check(loaded))
    }

    /// The streamed report of the file at `path`, or `nil` when it is left
    /// to the whole check.
    private func streamedReport(_ path: String, parallelism: Int) throws -> [UInt8]? {
        guard let streamed = try StreamedCheck.make(path: path, checker: checker(parallelism: parallelism), minimumBytes: 0) else {
            return nil
        }
        let out = Collected()
        try streamed.write(to: out)
        return out.bytes
    }

    /// Asserts both reports of `path` are the same bytes, with one level at
    /// a time and with three.
    private func assertSameReport(_ path: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try wholeReport(path)
        for parallelism in [1, 3] {
            let streamed = try XCTUnwrap(
                try streamedReport(path, parallelism: parallelism), "\(what): not streamed", file: file, line: line)
            if streamed != whole {
                let at =
                    zip(streamed, whole).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(streamed.count, whole.count)
                let context = { (b: [UInt8]) in String(decoding: b[max(0, at - 200)..<min(b.count, at + 200)], as: UTF8.self) }
                XCTFail(
                    "\(what), \(parallelism) at once: the reports differ at byte \(at)\nstreamed: …\(context(streamed))…\nwhole: …\(context(whole))…",
                    file: file, line: line)
            }
        }
    }

    /// The features of a plan document in another order, levels
    /// interleaved (a seeded shuffle).
    private func shuffled(_ json: String, seed: UInt64) throws -> String {
        guard case .object(var root) = try JSONParser.parse(Array(json.utf8)), var features = root["features"]?.arrayValue else {
            XCTFail("not a plan")
            return json
        }
        var rng = SeededGenerator(seed: seed)
        features.shuffle(using: &rng)
        root["features"] = .array(features)
        var w = JSONWriter(indent: 0)
        w.value(.object(root))
        return w.string
    }

    private func write(_ text: String, _ name: String, in folder: ScratchFolder) throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTheExamplesAndGeneratedBuildingsReportTheSame() throws {
        let folder = try ScratchFolder("streamed")
        defer { folder.remove() }
        for example in ["hotel-floor.json", "clothing-store.json"] {
            try assertSameReport(CLI.packageRoot.appendingPathComponent("Examples/\(example)").path, example)
        }
        let generated = [
            ("hotel.json", HotelGenerator(floors: 4, roomsPerSide: 6, seed: 2).json()),
            ("mall.json", MallGenerator(floors: 3, seed: 3).json()),
        ]
        for (name, json) in generated {
            try assertSameReport(write(json, name, in: folder), name)
            // Features of every level mixed through the file.
            try assertSameReport(write(shuffled(json, seed: 7), "mixed-\(name)", in: folder), "\(name) shuffled")
        }
    }

    /// Random valid plans hold every kind of feature and camera, voids over
    /// lower levels, restricted areas, a boundary, and warnings.
    func testRandomPlansReportTheSame() throws {
        let folder = try ScratchFolder("streamed-random")
        defer { folder.remove() }
        var streamed = 0
        for seed in UInt64(0)..<40 {
            let json = RandomPlanGenerator(seed: seed).json()
            let path = try write(seed % 2 == 0 ? json : shuffled(json, seed: seed), "random-\(seed).json", in: folder)
            // A random plan the engine refuses is left to the whole check.
            guard (try? wholeReport(path)) != nil else {
                XCTAssertNil(try streamedReport(path, parallelism: 1), "seed \(seed): streamed a plan the whole check refuses")
                continue
            }
            try assertSameReport(path, "random plan, seed \(seed)")
            streamed += 1
        }
        XCTAssertGreaterThan(streamed, 30)
    }

    /// A "non-public" home that lets guest rooms on two floors: the privacy
    /// rules run on the rooms of both, whichever level the rooms are on.
    func testAHomestayOverTwoFloorsReportsTheSame() throws {
        let folder = try ScratchFolder("streamed-homestay")
        defer { folder.remove() }
        let path = try folder.write(homestay(), "homestay.json")
        try assertSameReport(path, "homestay")
        let report = try XCTUnwrap(try JSONParser.parse(XCTUnwrap(try streamedReport(path, parallelism: 2))).objectValue)
        XCTAssertEqual(report["warnings"]?.arrayValue?.count, 2, "each camera's unknown property, in file order")
    }

    /// The same home in longitude and latitude (EPSG:4326): the frame's
    /// centre needs every position, which the first pass then parses.
    func testAPlanInLongitudeAndLatitudeReportsTheSame() throws {
        let folder = try ScratchFolder("streamed-geographic")
        defer { folder.remove() }
        var plan = homestay { p in [116.3 + p[0] * 1e-5, 39.9 + p[1] * 1e-5] }
        plan.plan["crs"] = "EPSG:4326"
        let path = try folder.write(plan, "homestay-lonlat.json")
        try assertSameReport(path, "homestay in EPSG:4326")
    }

    /// A "non-public" home that lets guest rooms upstairs, its positions
    /// through `place`.
    private func homestay(_ place: ([Double]) -> [Double] = { $0 }) -> PlanBuilder {
        var plan = PlanBuilder()
        plan.plan["levels"] = [["id": "G", "height": 3.0], ["id": "F1", "elevation": 3.0, "height": 3.0]]
        plan.plan["site"] = [
            "name": "Home", "address": "2 Lane", "placeCategory": "non-public", "operator": ["name": "Li", "kind": "individual"],
        ]
        for level in ["G", "F1"] {
            plan.wall("\(level)-w", [[0, 0], [10, 0], [10, 6], [0, 6], [0, 0]].map(place), ["level": level])
            plan.zone("\(level)-hall", "corridor", [[0, 0], [10, 0], [10, 3], [0, 3]].map(place), ["level": level])
            plan.zone(
                "\(level)-room", level == "F1" ? "guest_room" : "room", [[0, 3], [10, 3], [10, 6], [0, 6]].map(place), ["level": level])
            plan.camera("\(level)-cam", at: place([1, 1]), ["level": level, "heading": 30, "hfov": 90, "range": 12, "unknownThing": 1])
        }
        return plan
    }

    /// `sightline check --format json` streams a plan of 2 MiB or more: the
    /// report, to a file or to standard output, is the whole check's, with
    /// the verdict line and exit status of any check.
    func testTheCommandStreamsALargePlan() throws {
        let folder = try ScratchFolder("streamed-command")
        defer { folder.remove() }
        // Written with wide indentation, as an editor might, so a modest
        // tower passes the size at which checks stream.
        var w = JSONWriter(indent: 8)
        w.value(try JSONParser.parse(Array(HotelGenerator(floors: 30, roomsPerSide: 20, seed: 5).json().utf8)))
        let json = w.string
        XCTAssertGreaterThan(json.utf8.count, StreamedCheck.minimumFileBytes)
        let path = try write(json, "tower.json", in: folder)
        let version = try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let whole = try wholeReport(path, toolVersion: version)
        let output = folder.url.appendingPathComponent("report.json").path
        let toFile = try CLI.run(["check", path, "--format", "json", "-o", output, "--as-of", "2026-01-15", "--lang", "en"])
        XCTAssertEqual(toFile.status, 1, toFile.stderr)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
        XCTAssertTrue(written == whole, "the streamed report differs from the whole check's")
        let errors = try XCTUnwrap(try JSONParser.parse(written).objectValue?["summary"]?.objectValue?["errors"]?.numberValue)
        XCTAssertGreaterThan(errors, 0)
        XCTAssertTrue(toFile.stdout.hasPrefix("FAIL"), toFile.stdout)
        XCTAssertTrue(toFile.stdout.contains("\(Int(errors)) error"), toFile.stdout)
        let toStandardOutput = try CLI.run(["check", path, "--format", "json", "--as-of", "2026-01-15"])
        XCTAssertEqual(toStandardOutput.status, 1, toStandardOutput.stderr)
        XCTAssertEqual(Array(toStandardOutput.stdout.utf8), written)
    }

    /// A plan with an error, standard input and a missing file are checked
    /// whole, which says what is wrong.
    func testWhatCannotBeStreamedIsLeftToTheWholeCheck() throws {
        let folder = try ScratchFolder("streamed-refused")
        defer { folder.remove() }
        var plan = PlanBuilder()
        plan.plan["levels"] = [["id": "G"], ["id": "F1", "elevation": 3.0]]
        plan.camera("c1", at: [1, 1], ["level": "F9"])
        XCTAssertNil(
            try StreamedCheck.make(path: try folder.write(plan, "unknown-level.json"), checker: checker(parallelism: 1), minimumBytes: 0))
        var repeated = PlanBuilder()
        repeated.camera("c1", at: [1, 1])
        repeated.camera("c1", at: [2, 1])
        XCTAssertNil(
            try StreamedCheck.make(path: try folder.write(repeated, "repeated-id.json"), checker: checker(parallelism: 1), minimumBytes: 0))
        // An error the first pass does not read, found as the level is decoded.
        var mistyped = PlanBuilder()
        mistyped.plan["levels"] = [["id": "G"], ["id": "F1", "elevation": 3.0]]
        mistyped.camera("c1", at: [1, 1], ["level": "F1"])
        mistyped.features[0]["type"] = "Features"
        XCTAssertNil(
            try StreamedCheck.make(path: try folder.write(mistyped, "mistyped.json"), checker: checker(parallelism: 1), minimumBytes: 0))
        XCTAssertNil(try StreamedCheck.make(path: "-", checker: checker(parallelism: 1), minimumBytes: 0))
        XCTAssertNil(
            try StreamedCheck.make(
                path: folder.url.appendingPathComponent("missing.json").path, checker: checker(parallelism: 1), minimumBytes: 0))
        XCTAssertNil(try StreamedCheck.make(path: folder.url.path, checker: checker(parallelism: 1), minimumBytes: 0))
    }

    /// A plan rewritten and truncated by another program while it is
    /// checked: every check either refuses (the file changed while it was
    /// read), leaves a broken version to the whole check, or answers for one
    /// whole version, its digest and its findings together; none crashes
    /// (a truncated mapping used to fault with SIGBUS).
    func testAPlanChangedDuringTheCheckIsRefusedOrAnsweredForOneVersion() throws {
        let folder = try ScratchFolder("streamed-changing")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("plan.json").path
        let versions = [
            HotelGenerator(floors: 3, roomsPerSide: 6, seed: 5).json(), HotelGenerator(floors: 4, roomsPerSide: 5, seed: 6).json(),
        ]
        var expected: [[UInt8]] = []
        for version in versions {
            try Data(version.utf8).write(to: URL(fileURLWithPath: path))
            expected.append(try wholeReport(path))
        }
        let stop = ManagedAtomicFlag()
        let writer = Thread {
            var k = 0
            while !stop.isSet {
                let bytes = Array(versions[k % 2].utf8)
                // Not atomic, as an editor or a copy writes: truncated, then written in two halves.
                guard let handle = FileHandle(forWritingAtPath: path) else { continue }
                try? handle.truncate(atOffset: 0)
                try? handle.write(contentsOf: bytes[..<(bytes.count / 2)])
                usleep(200)
                try? handle.write(contentsOf: bytes[(bytes.count / 2)...])
                try? handle.close()
                usleep(UInt32(k % 3) * 1_000)
                k += 1
            }
        }
        writer.start()
        var answered = 0
        var refused = 0
        var leftToWholeCheck = 0
        for _ in 0..<30 {
            do {
                guard let report = try streamedReport(path, parallelism: 2) else {
                    leftToWholeCheck += 1
                    continue
                }
                XCTAssertTrue(expected.contains(report), "a report is one version's, digest and findings together")
                answered += 1
            } catch let error as PlanError {
                XCTAssertTrue(error.problems.first?.message.contains("changed while it was being read") ?? false, "\(error)")
                refused += 1
            }
        }
        stop.set()
        while writer.isExecuting { usleep(1_000) }
        print("changing plan: \(answered) answered, \(refused) refused, \(leftToWholeCheck) left to the whole check")
        XCTAssertEqual(answered + refused + leftToWholeCheck, 30)
    }
}

/// A flag one thread sets and another reads.
private final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
