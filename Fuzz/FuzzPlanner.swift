// libFuzzer target: the live planner's editing API — camera and feature
// edits, additions, deletions, background placement and reload — on any
// request body, against one planner kept across inputs (its state drifts
// as a user's session does). Built by Scripts/fuzz.sh, not by SwiftPM.
import Dispatch
import Foundation
import SightlineJSON
import SightlinePlan
import SightlineServe

/// The planner: the bundled hotel floor copied to a temporary folder.
private let planner: Planner = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-fuzz-planner-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("hotel-floor.json").path
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/hotel-floor.json")
    try? FileManager.default.removeItem(atPath: file)
    guard (try? FileManager.default.copyItem(atPath: source.path, toPath: file)) != nil,
        let made = try? Planner(file: file, profileOption: nil, asOf: CalendarDate(iso: "2026-01-15")!)
    else { fatalError("cannot start the planner on \(source.path)") }
    return made
}()

/// The first byte picks the request, the second an id from the plan; the
/// rest is the body. A `PlannerError` (a status and a message) is the
/// expected answer to a bad request; a trap or a sanitizer report is a bug,
/// and so is an answer that is not JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanner(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 2 else { return 0 }
    let op = Int(data[0]) % 8
    let ids = ["cam-lobby", "cam-301", "wc-3f", "room-301", "nope", "w-1", "3F", ""]
    let id = ids[Int(data[1]) % ids.count]
    let body = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    let done = DispatchSemaphore(value: 0)
    Task {
        do throws(PlannerError) {
            let answer: [UInt8]
            switch op {
            case 0: answer = try await planner.patchCamera(id, body: body)
            case 1: answer = try await planner.addCamera(body: body)
            case 2: answer = try await planner.addFeature(body: body)
            case 3: answer = try await planner.patchFeature(id, body: body)
            case 4: answer = try await planner.deleteFeature(id)
            case 5: answer = try await planner.placeBackground(level: id, body: body)
            case 6: answer = await planner.viewsJSON(level: id.isEmpty ? nil : id, labels: body.first.map { $0 & 1 == 1 } ?? false)
            default: answer = await planner.findingsJSON()
            }
            if (try? JSONParser.parse(answer)) == nil { fatalError("an answer that is not JSON") }
        } catch {
            if error.message.isEmpty { fatalError("a refusal without a message") }
        }
        done.signal()
    }
    done.wait()
    return 0
}
