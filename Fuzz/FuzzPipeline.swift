// libFuzzer target: the whole check — decode, engine, rules, every
// renderer — as `sightline check` runs it. Built by Scripts/fuzz.sh.
import SightlineCheck
import SightlinePlan
import SightlineReport
import SightlineRules

private let renderers: [any ReportRenderer] = [
    TextReportRenderer(), JSONReportRenderer(), HTMLReportRenderer(), GeoJSONReportRenderer(),
    SARIFReportRenderer(), MarkdownReportRenderer(),
]
private let cache = ProfileCache()
private let asOf = CalendarDate(year: 2026, month: 1, day: 15)

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
    guard let report = try? checker.check(loaded) else { return 0 }
    for renderer in renderers { _ = renderer.render(report) }
    return 0
}
