import Foundation
import SightlineEngine
import SightlinePlan
import SightlineReport
import SightlineRules
import SightlineBatch
import SightlineImport
import SightlineSynth

/// Times the engine on the generated 40-floor, 40-rooms-a-side hotel (600
/// cameras) on one core: decode, view regions and findings, then rendering.
/// Usage: swift run -c release sightline-bench [floors] [rooms] [repeats]
///        swift run -c release sightline-bench batch [buildings]
///        swift run -c release sightline-bench import [rooms]   (6 DXF entities a room)
if CommandLine.arguments.dropFirst().first == "import" {
    try benchImport(rooms: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 16_667)
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "batch" {
    try benchBatch(count: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 1000)
    exit(0)
}
let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let floors = args.count > 0 ? args[0] : 40
let rooms = args.count > 1 ? args[1] : 40
let repeats = args.count > 2 ? args[2] : 5

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Times one plan: decode, view regions, findings, rendering; best of `repeats`.
let profile = try ProfileLoader.load("cn-2025")
let asOf = CalendarDate(year: 2026, month: 1, day: 1)

func run(_ title: String, _ generator: HotelGenerator) throws {
    let bytes = [UInt8](generator.json().utf8)
    var best = (decode: Double.infinity, engine: Double.infinity, rules: Double.infinity, render: Double.infinity)
    var cameraCount = 0, findingCount = 0
    for _ in 0..<repeats {
        let t0 = now()
        let plan = try PlanDecoder.decode(bytes: bytes, file: "hotel.json")
        let t1 = now()
        let analysis = try Engine(prohibited: profile.prohibitedCategories, parallelism: 1, zoneViewThreshold: profile.zoneViewThreshold).analyze(plan)
        let t2 = now()
        let outcome = RuleEngine(profile: profile, asOf: asOf).evaluate(analysis)
        let findings = outcome.findings
        let t3 = now()
        let report = CheckReport(toolVersion: "bench", profile: profile, analysis: analysis, outcome: outcome, asOf: asOf,
                                 inputSHA256: SHA256.hex(bytes))
        let json = JSONReportRenderer().render(report)
        let t4 = now()
        precondition(!json.isEmpty)
        best = (min(best.decode, t1 - t0), min(best.engine, t2 - t1), min(best.rules, t3 - t2), min(best.render, t4 - t3))
        cameraCount = analysis.cameras.count
        findingCount = findings.count
    }
    let engineTotal = best.decode + best.engine + best.rules
    func ms(_ s: Double) -> String { String(format: "%6.1f ms", s * 1000) }
    print("\(title): \(bytes.count / 1024) KiB, \(cameraCount) cameras, \(findingCount) findings (best of \(repeats), one core)")
    print("  decode        \(ms(best.decode))")
    print("  view regions  \(ms(best.engine))  (scenes + sweeps + overlays)")
    print("  findings      \(ms(best.rules))")
    print("  JSON render   \(ms(best.render))")
    print(String(format: "  engine (decode + views + findings): %.0f cameras/s", Double(cameraCount) / engineTotal))
}

var fixed = HotelGenerator(floors: floors, roomsPerSide: rooms, seed: 1)
try run("hotel \(floors) floors × \(rooms) rooms a side, fixed cameras", fixed)
fixed.ptzEvery = 3
try run("same hotel, every third camera a PTZ dome", fixed)

/// Generates a portfolio and runs the batch runner over it with one job
/// and with two, each into a fresh database.
func benchBatch(count: Int) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-bench-portfolio-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    try PortfolioGenerator(count: count, seed: 1).forEach { path, json in
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
            let options = BatchOptions(database: database, jobs: jobs, force: true, shard: nil, profile: nil,
                                       asOf: CalendarDate(year: 2026, month: 1, day: 1), toolVersion: "bench")
            let summary = try BatchRunner(options: options).run(inputs)
            let rate = Double(summary.checked) / summary.seconds
            if rate > rates[jobs, default: 0] { rates[jobs] = rate; seconds[jobs] = summary.seconds }
        }
    }
    for jobs in [1, 2] {
        print(String(format: "  --jobs %d: %.1f buildings/s (best of 5; %d buildings in %.2f s)", jobs, rates[jobs]!, inputs.count, seconds[jobs]!))
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
