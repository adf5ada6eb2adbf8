import Foundation
import PlanarGeometry
import SightlineBatch
import SightlineCheck
import SightlineEngine
import SightlineFix
import SightlineIO
import SightlineImport
import SightlineJSON
import SightlinePlan
import SightlineReport
import SightlineRules
import SightlineServe
import SightlineSynth

/// The engine on generated scenes, one core: the 40-floor, 40-rooms-a-side
/// hotel (600 cameras), the same with PTZ domes, the 10-floor open-plan mall
/// (240 cameras, 40 m range) and the one-level terminal (10,000 wall
/// segments, 1,000 cameras, 50 m range): decode, view regions, findings and
/// rendering, each as time and cameras/s.
/// Usage: swift run -c release sightline-bench [floors] [rooms] [repeats]
///        swift run -c release sightline-bench scaling        (terminal, cost per camera by range)
///        swift run -c release sightline-bench fix            (fix --apply best on the 40- and 160-floor hotels and the mall)
///        swift run -c release sightline-bench serve          (the planner: 1,000 camera moves, p50/p95/p99)
///        swift run -c release sightline-bench batch [buildings]
///        swift run -c release sightline-bench import [rooms]   (6 DXF entities a room)
///        swift run -c release sightline-bench memory          (peak memory of check by floors, streamed and whole)
let mode = CommandLine.arguments.dropFirst().first
if mode == "memory" {
    try benchMemory()
    exit(0)
}
if mode == "import" {
    try benchImport(rooms: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 16_667)
    exit(0)
}
if mode == "batch" {
    try benchBatch(count: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 1000)
    exit(0)
}
let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let floors = args.count > 0 ? args[0] : 40
let rooms = args.count > 1 ? args[1] : 40
let repeats = args.count > 2 ? args[2] : 5

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

let profile = try ProfileLoader.load("cn-2025")
let asOf = CalendarDate(year: 2026, month: 1, day: 1)

/// The best of `repeats` runs of each phase for one plan.
struct PhaseTimes {
    var decode = Double.infinity, engine = Double.infinity, rules = Double.infinity, render = Double.infinity
    var cameras = 0, findings = 0
    var total: Double { decode + engine + rules }
}

func measure(_ bytes: [UInt8], repeats: Int) throws -> PhaseTimes {
    var best = PhaseTimes()
    for _ in 0..<repeats {
        let t0 = now()
        let plan = try PlanDecoder.decode(bytes: bytes, file: "bench.json")
        let t1 = now()
        let analysis = try Engine(prohibited: profile.prohibitedCategories, parallelism: 1, zoneViewThreshold: profile.zoneViewThreshold)
            .analyze(plan)
        let t2 = now()
        let outcome = RuleEngine(profile: profile, asOf: asOf).evaluate(analysis)
        let t3 = now()
        let report = CheckReport(
            toolVersion: "bench", profile: profile, analysis: analysis, outcome: outcome, asOf: asOf,
            inputSHA256: SHA256.hex(bytes))
        let json = JSONReportRenderer().render(report)
        let t4 = now()
        precondition(!json.isEmpty)
        best.decode = min(best.decode, t1 - t0)
        best.engine = min(best.engine, t2 - t1)
        best.rules = min(best.rules, t3 - t2)
        best.render = min(best.render, t4 - t3)
        best.cameras = analysis.cameras.count
        best.findings = outcome.findings.count
    }
    return best
}

func run(_ title: String, _ json: String) throws {
    let bytes = [UInt8](json.utf8)
    let t = try measure(bytes, repeats: repeats)
    func line(_ name: String, _ s: Double, _ note: String = "") -> String {
        String(
            format: "  %@ %7.1f ms  %9.0f cameras/s%@", name.padding(toLength: 13, withPad: " ", startingAt: 0), s * 1000,
            Double(t.cameras) / s, note)
    }
    print("\(title): \(bytes.count / 1024) KiB, \(t.cameras) cameras, \(t.findings) findings (best of \(repeats), one core)")
    print(line("decode", t.decode))
    print(line("engine", t.engine, "  (Engine.analyze: scenes, sweeps, shadows, overlaps)"))
    print(line("findings", t.rules))
    print(line("JSON render", t.render))
    print(String(format: "  decode + engine + findings: %.0f cameras/s", Double(t.cameras) / t.total))
    print(String(format: "  whole check in memory (with rendering): %.0f cameras/s", Double(t.cameras) / (t.total + t.render)))
}

/// The terminal at growing camera ranges: how the cost per camera grows
/// with k, the wall segments within its range.
func benchScaling() throws {
    print("scaling: one 300 m level, 10,000 wall segments, 1,000 cameras; view regions per camera by range")
    print("  range   k (segments in range, mean)   µs/camera   µs/(k·log2 k)")
    for range in [5.0, 10, 20, 30, 50] {
        var generator = TerminalGenerator(seed: 1)
        generator.range = range
        let plan = try PlanDecoder.decode(bytes: Array(generator.json().utf8), file: "terminal.json")
        let engine = Engine(prohibited: profile.prohibitedCategories, parallelism: 1)
        let level = plan.levels[0]
        let session = try LevelSession(plan: plan, level: level, engine: engine)
        let cameras = plan.cameras
        let k = Double(cameras.reduce(0) { $0 + session.segmentCount(near: $1.position, radius: range) }) / Double(cameras.count)
        var best = Double.infinity
        for _ in 0..<3 {
            let t0 = now()
            for camera in cameras { _ = try session.analyze(camera) }
            best = min(best, now() - t0)
        }
        let perCamera = best / Double(cameras.count) * 1e6
        print(String(format: "  %4.0f m  %10.0f                    %8.1f   %8.3f", range, k, perCamera, perCamera / (k * log2(max(k, 2)))))
    }
    try benchDeepStack()
}

/// The sweep's worst case: n closed 64-gons nested round the eye, so every
/// ray crosses all n and every piece is open at once (k = 64·n segments).
/// A scan of the open pieces is O(k·n) per view; the heap O(k log k).
func benchDeepStack() throws {
    print("deep stack: n nested 64-gons round the eye, all open on every ray (one sweep, full circle)")
    print("      k   scan µs   heap µs   as the sweep runs µs   µs/(k·log2 k)")
    for n in [4, 16, 64, 256] {
        var segments: [Segment] = []
        for ring in 0..<n {
            let r = 1 + 0.3 * Double(ring)
            for j in 0..<64 {
                segments.append(Segment(Point2.unit(angle: Double(j) * .pi / 32) * r, Point2.unit(angle: Double(j + 1) * .pi / 32) * r))
            }
        }
        func best(_ threshold: Int) -> Double {
            var sweep = RadialSweep()
            sweep.heapThreshold = threshold
            var fastest = Double.infinity
            for _ in 0..<5 {
                let t0 = now()
                let region = sweep.region(
                    eye: Point2(0.1, 0.05), domain: .init(start: 0, width: 2 * .pi), near: 0, far: 1000, segments: segments)
                fastest = min(fastest, now() - t0)
                precondition(region.count == 1)
            }
            return fastest * 1e6
        }
        let k = Double(segments.count)
        let usual = best(RadialSweep().heapThreshold)
        print(String(format: "  %5.0f  %8.0f  %8.0f  %12.0f           %8.4f", k, best(.max), best(0), usual, usual / (k * log2(k))))
    }
}

/// `fix --apply best` as the command runs it: check, study, apply, re-check.
func benchFix() throws {
    for (title, json) in [
        ("hotel 40 floors × 40 rooms", HotelGenerator(floors: 40, roomsPerSide: 40, seed: 1).json()),
        // Four times the floors: the rewrite must stay linear in them.
        ("hotel 160 floors × 40 rooms", HotelGenerator(floors: 160, roomsPerSide: 40, seed: 1).json()),
        ("mall 10 floors", MallGenerator(floors: 10, seed: 1).json()),
    ] {
        let bytes = Array(json.utf8)
        var best = (check: Double.infinity, fix: Double.infinity)
        var summary = ""
        for _ in 0..<3 {
            let t0 = now()
            let loaded = try LoadedPlan.load(bytes: bytes, file: "bench.json", profileOption: nil)
            let checker = PlanChecker(toolVersion: "bench", profileOption: nil, asOf: asOf, parallelism: 1)
            let (report, session) = try checker.checkKeepingScenes(loaded)
            let t1 = now()
            let planner = FixPlanner(keepCoverage: false)
            let fixes = try planner.plan(loaded, report: report, session: session)
            let result = try FixApplication.run(loaded, first: fixes, choice: .best, checker: checker, planner: planner, file: "fixed.json")
            let t2 = now()
            best = (min(best.check, t1 - t0), min(best.fix, t2 - t1))
            let art8 = result.remaining.filter { $0.rule.contains("art8") }.count
            summary =
                "\(fixes.cameras.count) cameras fixed, \(result.rounds) rounds, \(art8) Art. 8 errors left, \(result.remaining.count) errors left"
        }
        print(
            String(
                format: "fix %@: check %.0f ms, study + apply + re-check %.0f ms (best of 3, one core): %@", title,
                best.check * 1000, best.fix * 1000, summary))
    }
}

/// The live planner, server side: 1,000 camera moves replayed through the
/// planner (decode, re-check of the moved camera, rules, findings JSON),
/// p50/p95/p99; and loading the 40-floor hotel plus one level's drawing.
func benchServe() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-bench-serve-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenes = [
        ("hotel floor, 40 rooms", HotelGenerator(floors: 1, roomsPerSide: 20, seed: 1).json(), "F1-cam0"),
        ("mall floor", MallGenerator(floors: 1, seed: 1).json(), "M1-cam-corridor-0"),
    ]
    for (title, json, camera) in scenes {
        let file = folder.appendingPathComponent("plan.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: file))
        let planner = try Planner(file: file, profileOption: nil, asOf: asOf)
        let plan = try JSONParser.parse(Array(json.utf8))
        let start =
            plan.objectValue?["features"]?.arrayValue?.first { $0.objectValue?["id"]?.stringValue == camera }?
            .objectValue?["geometry"]?.objectValue?["coordinates"]?.numbersValue ?? [0, 0]
        var times: [Double] = []
        var rng = SeededGenerator(seed: 7)
        for k in 0..<1000 {
            // A drag: small steps along the corridor and back, the heading swinging.
            let dx = Double(k % 100) * 0.2 - 10
            let heading = Double(rng.next() % 3600) / 10
            let body = Array("{\"position\": [\(start[0] + dx), \(start[1])], \"heading\": \(heading)}".utf8)
            let t0 = now()
            _ = try await planner.patchCamera(camera, body: body)
            _ = await planner.viewsJSON()
            times.append(now() - t0)
        }
        times.sort()
        func p(_ q: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * q))] * 1000 }
        print(
            String(
                format: "serve %@: 1,000 moves of %@, server side (findings + views): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                title, camera, p(0.5), p(0.95), p(0.99)))
    }
    let file = folder.appendingPathComponent("hotel40.json").path
    try Data(HotelGenerator(floors: 40, roomsPerSide: 40, seed: 1).json().utf8).write(to: URL(fileURLWithPath: file))
    let t0 = now()
    let planner = try Planner(file: file, profileOption: nil, asOf: asOf)
    _ = await planner.planJSON()
    _ = await planner.viewsJSON()
    _ = await planner.findingsJSON()
    print(String(format: "serve: loading the 40-floor hotel (600 cameras) and everything the page draws: %.0f ms", (now() - t0) * 1000))
    // Tracing: a wall drawn on one floor of the 40 and taken away again, 50
    // times: each rebuilds that floor's scene and its 15 cameras only.
    var draws: [Double] = []
    for k in 0..<50 {
        let x = Double(k % 10) * 4 + 1
        let geometry = "{\"type\": \"LineString\", \"coordinates\": [[\(x), -0.9], [\(x), 0.9]]}"
        let body = Array("{\"id\": \"bench-wall\", \"kind\": \"wall\", \"level\": \"F20\", \"geometry\": \(geometry)}".utf8)
        let t1 = now()
        _ = try await planner.addFeature(body: body)
        _ = await planner.viewsJSON(level: "F20")
        draws.append(now() - t1)
        _ = try await planner.deleteFeature("bench-wall")
    }
    draws.sort()
    print(
        String(
            format: "serve: a wall drawn on one floor of the 40-floor hotel (findings + views): p50 %.0f ms, p95 %.0f ms",
            draws[draws.count / 2] * 1000, draws[min(draws.count - 1, draws.count * 95 / 100)] * 1000))
}

if mode == "serve" {
    let done = DispatchSemaphore(value: 0)
    let failure = ServeBenchFailure()
    // Detached: top-level code runs on the main actor, which `wait` blocks.
    Task.detached {
        do { try await benchServe() } catch { failure.message = "\(error)" }
        done.signal()
    }
    done.wait()
    if let message = failure.message {
        print(message)
        exit(1)
    }
    exit(0)
}

final class ServeBenchFailure: @unchecked Sendable { var message: String? }

if mode == "scaling" {
    try benchScaling()
    exit(0)
}
if mode == "fix" {
    try benchFix()
    exit(0)
}
var hotel = HotelGenerator(floors: floors, roomsPerSide: rooms, seed: 1)
try run("hotel \(floors) floors × \(rooms) rooms a side, fixed cameras", hotel.json())
hotel.ptzEvery = 3
try run("same hotel, every third camera a PTZ dome", hotel.json())
try run("mall 10 floors, open plan (shop windows, fitting rooms, columns), 40 m range", MallGenerator(floors: 10, seed: 1).json())
try run("terminal, one 300 m level, 10,000 wall segments, 50 m range", TerminalGenerator(seed: 1).json())

/// Generates a portfolio and runs the batch runner over it with one job
/// and with two, each into a fresh database.
func benchBatch(count: Int) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-bench-portfolio-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    try PortfolioGenerator(count: count, seed: 1).forEachBuilding { path, json in
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: url)
    }
    let inputs = try PortfolioInputs.collect([root.path])
    print("portfolio: \(inputs.count) generated buildings")
    // Best of five runs each, interleaved (1, 2, 1, 2, …) so that a change
    // in the machine's load affects both alike: single runs vary by a third.
    var rates: [Int: Double] = [:]
    var seconds: [Int: Double] = [:]
    for attempt in 0..<5 {
        for jobs in [1, 2] {
            let database = root.appendingPathComponent("results-\(jobs)-\(attempt).sqlite").path
            let options = BatchOptions(
                database: database, jobs: jobs, force: true, shard: nil, profile: nil,
                asOf: CalendarDate(year: 2026, month: 1, day: 1), toolVersion: "bench")
            let summary = try BatchRunner(options: options).run(inputs)
            let rate = Double(summary.checked) / summary.seconds
            if rate > rates[jobs, default: 0] {
                rates[jobs] = rate
                seconds[jobs] = summary.seconds
            }
        }
    }
    for jobs in [1, 2] {
        print(
            String(
                format: "  --jobs %d: %.1f buildings/s (best of 5; %d buildings in %.2f s)", jobs, rates[jobs]!, inputs.count,
                seconds[jobs]!))
    }
    if let one = rates[1], let two = rates[2] { print(String(format: "  speed-up with 2 jobs: %.2f×", two / one)) }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("  peak memory: \(usage.ru_maxrss / 1024) MB (the whole benchmark process)")
}

/// Imports a generated DXF of `rooms` rooms (six entities each: 16,667
/// rooms is 100,002 entities) and an IMDF-like count of units, timing the
/// import (GDAL's read and the mapping) and the decode of its result.
func benchImport(rooms: Int) throws {
    let side = Int(Double(rooms).squareRoot().rounded(.up))
    let generator = DXFGenerator(columns: side, rows: (rooms + side - 1) / side)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-bench-\(getpid()).dxf").path
    try generator.text().write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    print("import: generated DXF, \(generator.entityCount) entities (\(generator.columns * generator.rows) rooms)")
    var best = (importing: Double.infinity, decode: Double.infinity)
    var zones = 0
    for _ in 0..<3 {
        let t0 = now()
        let result = try DXFImporter().run(path)
        let t1 = now()
        let plan = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "imported.json")
        let t2 = now()
        zones = plan.zones.count
        best = (min(best.importing, t1 - t0), min(best.decode, t2 - t1))
    }
    print(String(format: "  import (GDAL read + mapping + JSON)  %.0f ms", best.importing * 1000))
    print(String(format: "  decode of the imported plan          %.0f ms  (%d zones)", best.decode * 1000, zones))
}

/// Peak memory of `sightline check --format json` (the release binary next
/// to this one) on hotels of 10 to 480 floors (40 rooms a side): the plan
/// given as a file, which a plan of 2 MiB or more is checked level by level
/// from, and on standard input, which is always checked whole. Each is the
/// child process's peak resident set (wait4's ru_maxrss), best of three.
///
/// The plans are generated by the tool too: a child started by
/// posix_spawn is charged its parent's peak at exec, so this process never
/// holds a plan.
func benchMemory() throws {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let tool = folder.appendingPathComponent("sightline").path
    guard FileManager.default.isExecutableFile(atPath: tool) else {
        print("build sightline first: swift build -c release --product sightline")
        return
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-bench-memory-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let report = scratch.appendingPathComponent("report.json").path

    /// Runs the tool; its peak resident set in MB and its wall time in s.
    func measure(_ arguments: [String], input: String?, repeats: Int = 3) -> (mb: Double, seconds: Double) {
        var best = (mb: Double.infinity, seconds: Double.infinity)
        for _ in 0..<repeats {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            if let input { posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            let argv = ([tool] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var pid: pid_t = 0
            let start = now()
            guard posix_spawn(&pid, tool, &actions, nil, argv, environ) == 0 else { return best }
            var status: Int32 = 0
            var usage = rusage()
            _ = wait4(pid, &status, 0, &usage)
            let seconds = now() - start
            best = (min(best.mb, Double(usage.ru_maxrss) / 1024), min(best.seconds, seconds))
        }
        return best
    }

    print("peak memory of `sightline check --format json -o FILE` (MB; wall time in s), hotel with 40 rooms a side:")
    print("  floors   plan MB   file (streamed ≥ 2 MiB)   stdin (whole)")
    for floors in [10, 40, 80, 160, 480] {
        let plan = scratch.appendingPathComponent("hotel\(floors).json").path
        _ = measure(["generate", "hotel", "--floors", "\(floors)", "--rooms", "40", "--seed", "1", "-o", plan], input: nil, repeats: 1)
        let size = (try FileManager.default.attributesOfItem(atPath: plan)[.size] as? Int) ?? 0
        let common = ["--format", "json", "-o", report, "--as-of", "2026-01-15"]
        let file = measure(["check", plan] + common, input: nil)
        let whole = measure(["check", "-"] + common, input: plan)
        print(
            String(
                format: "  %6d   %7.1f   %8.1f MB (%5.2f s)        %8.1f MB (%5.2f s)", floors, Double(size) / 1_048_576,
                file.mb, file.seconds, whole.mb, whole.seconds))
    }
}
