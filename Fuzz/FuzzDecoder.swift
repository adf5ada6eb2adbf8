// libFuzzer target: the plan decoder (JSON syntax, UTF-8, keys, every
// property and geometry check). Built by Scripts/fuzz.sh, not by SwiftPM.
import SightlinePlan

/// Any bytes: decoded as a plan; a `PlanError` is the expected answer to
/// bad input, anything else (a trap, a sanitizer report) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let plan = try? PlanDecoder.decode(bytes: bytes, file: "fuzz.json") {
        // Every problem prints as one line.
        for p in plan.warnings where p.description.contains("\n") { fatalError("a warning spans lines: \(p.description)") }
    }
    return 0
}
