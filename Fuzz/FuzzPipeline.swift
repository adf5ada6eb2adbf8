// libFuzzer target: the whole check — decode, engine, rules, every
// renderer — as `sightline check` runs it, and the check level by level
// against it. Built by Scripts/fuzz.sh.
import Foundation
import SightlineCheck
import SightlineIO
import SightlinePlan
import SightlineReport
import SightlineRules

private let renderers: [any ReportRenderer] = [
    TextReportRenderer(), JSONReportRenderer(), HTMLReportRenderer(), GeoJSONReportRenderer(),
    SARIFReportRenderer(), MarkdownReportRenderer(),
]
private let cache = ProfileCache()
private let asOf = CalendarDate(year: 2026, month: 1, day: 15)
/// Where each input is written for the streamed check, which reads a file.
private let file = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-fuzz-\(getpid()).json").path

/// Bytes a report is written to.
private final class Collected: ByteOutput {
    var bytes: [UInt8] = []
    func write(_ bytes: UnsafeRawBufferPointer) { self.bytes += bytes }
}

/// A `PlanError` (bad input, or geometry the engine cannot use) is a fine
/// answer; a trap or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size < 200_000 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let loaded = try? LoadedPlan.load(bytes: bytes, file: "fuzz.json", profileOption: nil, cache: cache) else { return 0 }
    // Keep each input cheap: the fuzzer wants executions, not huge scenes.
    guard loaded.plan.cameras.count <= 40, loaded.plan.walls.count <= 400 else { return 0 }
    let checker = PlanChecker(toolVersion: "fuzz", profileOption: nil, asOf: asOf, parallelism: 1)
    let report = try? checker.check(loaded)
    if let report { for renderer in renderers { _ = renderer.render(report) } }
    // The check level by level gives the whole check's JSON report, or
    // leaves the plan to it.
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else { return 0 }
    let made: StreamedCheck?
    do {
        made = try StreamedCheck.make(path: file, checker: checker, cache: cache, minimumBytes: 0)
    } catch {
        // Only another program's write refuses the check, and nothing else writes this file.
        fatalError("the check level by level refused a file nothing changed: \(error)")
    }
    guard let streamed = made else { return 0 }
    guard let whole = try? checker.check(LoadedPlan.load(file, profileOption: nil, cache: cache, keepDocument: false)) else {
        fatalError("the check level by level made a report of a plan the whole check refuses")
    }
    let out = Collected()
    do { try streamed.write(to: out) } catch { fatalError("the streamed report could not be written: \(error)") }
    if out.bytes != JSONReportRenderer().renderBytes(whole) { fatalError("the streamed report differs from the whole check's") }
    return 0
}
