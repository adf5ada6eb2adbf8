// libFuzzer target: the importers — DXF, OSM XML, IMDF (zip) and camera
// schedules (CSV) — through GDAL, on any bytes. Built by Scripts/fuzz.sh,
// not by SwiftPM.
import Foundation
import SightlineImport
import SightlineJSON
import SightlinePlan

/// The first byte picks the importer, the rest is the file. An
/// `ImportError` is the expected answer to bad input (one line, naming the
/// file); an imported plan must decode, or be refused by the decoder with
/// `PlanError` lines — a trap, a sanitizer report or a multi-line error is
/// a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 1 else { return 0 }
    let kinds = ["dxf", "osm", "zip", "csv"]
    let kind = kinds[Int(data[0]) % kinds.count]
    let bytes = Data(bytes: data + 1, count: size - 1)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-fuzz-import-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("input.\(kind)").path
    guard (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result: ImportResult
    do throws(ImportError) {
        switch kind {
        case "dxf": result = try DXFImporter().run(path)
        case "osm": result = try OSMImporter().run(path)
        case "zip": result = try IMDFImporter().run(path)
        default:
            let plan = JSONValue.object(
                JSONObject([
                    ("type", .string("FeatureCollection")),
                    ("plan", .object(JSONObject([("format", .string(PlanDecoder.formatName)), ("units", .string("m"))]))),
                    ("features", .array([])),
                ]))
            result = try CameraSchedule(path: path).merge(into: plan, planFile: "plan.json")
        }
    } catch {
        if error.message.contains("\n") { fatalError("an import error spans lines: \(error.message)") }
        return 0
    }
    do {
        _ = try PlanDecoder.decode(bytes: Array(result.json.utf8), file: "imported.json")
    } catch {
        for p in error.problems where p.description.contains("\n") { fatalError("a problem spans lines: \(p.description)") }
    }
    return 0
}
