// libFuzzer target: the plan decoder (JSON syntax, UTF-8, keys, every
// property and geometry check), and the streamed check's index of the same
// bytes against it. Built by Scripts/fuzz.sh, not by SwiftPM.
import SightlinePlan

/// Any bytes: decoded as a plan; a `PlanError` is the expected answer to
/// bad input, anything else (a trap, a sanitizer report) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let plan = try? PlanDecoder.decode(bytes: bytes, file: "fuzz.json")
    if let plan {
        // Every problem prints as one line.
        for p in plan.warnings where p.description.contains("\n") { fatalError("a warning spans lines: \(p.description)") }
    }
    bytes.withUnsafeBufferPointer { buffer in checkIndex(buffer, against: plan) }
    return 0
}

/// The index a streamed check makes (``PlanIndex``) may give up on any
/// plan, but what it reads must be what the decoder reads: when every
/// level decodes from it, the whole decode succeeds with the same features
/// on each level; when the whole decode succeeds, every level decodes.
private func checkIndex(_ buffer: UnsafeBufferPointer<UInt8>, against plan: Plan?) {
    guard let index = PlanIndex.make(bytes: buffer, file: "fuzz.json") else { return }
    let levels = index.skeleton.levels.indices.map { index.levelPlan($0) }
    guard let plan else {
        if levels.allSatisfy({ $0 != nil }) { fatalError("every level decoded from the index of a plan the decoder refuses") }
        return
    }
    guard index.skeleton.levels == plan.levels else { fatalError("the index's levels are not the plan's") }
    for (i, decoded) in levels.enumerated() {
        // A feature with so many warnings the decoder sums them up is left to it.
        guard let decoded else {
            if plan.warnings.count < ProblemLog.maxKept { fatalError("level \(i) of a decodable plan did not decode from the index") }
            continue
        }
        let id = plan.levels[i].id
        let same =
            decoded.plan.zones.map(\.id) == plan.zones.filter { $0.info.level == id }.map(\.id)
            && decoded.plan.walls.map(\.info.id) == plan.walls.filter { $0.info.level == id }.map(\.info.id)
            && decoded.plan.openings.map(\.info.id) == plan.openings.filter { $0.info.level == id }.map(\.info.id)
            && decoded.plan.cameras.map(\.id) == plan.cameras.filter { $0.info.level == id }.map(\.id)
            && decoded.plan.signs.map(\.info.id) == plan.signs.filter { $0.info.level == id }.map(\.info.id)
        if !same { fatalError("level \(id) decoded from the index holds other features than the plan's") }
    }
}
