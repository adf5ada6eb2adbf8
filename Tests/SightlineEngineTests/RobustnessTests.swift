import Foundation
import GEOS
import SightlineEngine
import SightlinePlan
import SightlineRules
import SightlineSynth
import TestSupport
import XCTest

/// Bad input gets a clear error, never a crash: mutated plans (odd numbers,
/// wrong types, collapsed geometry, duplicated features, changed kinds) run
/// through decoding, the engine and the rules in-process, where a crash
/// would take the test run down with it.
final class RobustnessTests: XCTestCase {
    func testMutatedPlansNeverCrash() throws {
        var rng = SeededGenerator(seed: 2026)
        let weird: [Any] = [0, -1, 1e-12, 1e12, 360, -360, 90, 180, 0.5, NSNull(), "x", [Any](), [String: Any](), true, [0, 0]]
        let keys = [
            "mountHeight", "tilt", "hfov", "vfov", "range", "height", "thickness", "width", "masks", "ptz", "type",
            "lens", "resolution", "state", "category", "heading", "level", "material", "audio",
        ]
        var outcomes = (decodeErrors: 0, checked: 0)
        for _ in 0..<150 {
            var b = PlanBuilder.passageToilet(camera: ["resolution": [1920, 1080]])
            b.zone("hall", "lobby", [[-20, -5], [0, -5], [0, 5], [-20, 5]])
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let i = Int(rng.next() % UInt64(b.features.count))
                var f = b.features[i]
                var props = f["properties"] as? [String: Any] ?? [:]
                switch rng.next() % 5 {
                case 0, 1:
                    props[keys[Int(rng.next() % UInt64(keys.count))]] = weird[Int(rng.next() % UInt64(weird.count))]
                case 2:
                    // Collapse the geometry onto one point.
                    if var g = f["geometry"] as? [String: Any] {
                        switch g["type"] as? String {
                        case "Polygon": g["coordinates"] = [[[1, 1], [1, 1], [1, 1], [1, 1]]]
                        case "LineString": g["coordinates"] = [[1, 1], [1, 1]]
                        default: g["coordinates"] = [1e300, -1e300]
                        }
                        f["geometry"] = g
                    }
                case 3:
                    var copy = f
                    copy["id"] = "\(f["id"] ?? "x")-copy"
                    b.features.append(copy)
                default:
                    props["kind"] = ["camera", "wall", "zone", "opening", "sign", "boundary", "restricted"][Int(rng.next() % 7)]
                }
                f["properties"] = props
                b.features[i] = f
            }
            do {
                _ = try b.check()
                outcomes.checked += 1
            } catch is PlanError {
                outcomes.decodeErrors += 1
            } catch {
                // GEOS refusing a geometry is an error, not a crash; say which.
                XCTAssertTrue(error is GeometryError, "unexpected error: \(error)")
            }
        }
        XCTAssertGreaterThan(outcomes.checked, 10)
        XCTAssertGreaterThan(outcomes.decodeErrors, 10)
    }
}
