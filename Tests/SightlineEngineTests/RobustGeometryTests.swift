import Foundation
import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineReport
import SightlineRules
import SightlineSynth
import TestSupport
import XCTest

/// Geometry that broke the engine or gave wrong answers in the audit.
final class RobustGeometryTests: XCTestCase {
    /// A 10 × 4 m toilet drawn as a MultiPolygon whose second part (a
    /// 1.5 × 2 m stall) lies inside the first. The parts are one area: a
    /// camera in the stall is inside the toilet, and a fisheye seeing the
    /// whole room sees all 40 m² (GEOSMakeValid alone made the stall a
    /// hole: 37 m², and no camera-inside).
    func testAPartInsideAnotherIsUnionedNotAHole() throws {
        var b = PlanBuilder()
        b.add(
            "wc", "zone",
            [
                "type": "MultiPolygon",
                "coordinates": [
                    [[[0, 0], [10, 0], [10, 4], [0, 4], [0, 0]]],
                    [[[1, 1], [2.5, 1], [2.5, 3], [1, 3], [1, 1]]],
                ],
            ], ["category": "toilet"])
        b.camera("in-stall", at: [2, 2], ["heading": 0])
        b.camera("above", at: [5, -2], ["type": "fisheye", "mountHeight": 3, "range": 30])
        let (analysis, findings) = try b.check()
        XCTAssertEqual(findings.rule("art8-camera-inside").map(\.cameraID), ["in-stall"])
        let seen = try XCTUnwrap(analysis.cameras.first { $0.camera.id == "above" }?.intrusions.first)
        XCTAssertEqual(seen.area, 40, accuracy: 1e-9)
        XCTAssertTrue(analysis.problems.contains { $0.feature == "wc" && $0.message.contains("unioned") }, "the repair is reported")
    }

    /// A bow-tie through the corners of a 4 × 4 box is two triangles of
    /// 4 m² each: 8 m², not the box's 16 (the rectangle fast path took it
    /// for the box).
    func testABowTieIsNotTakenForItsBox() throws {
        var b = PlanBuilder()
        b.add("bow", "zone", ["type": "Polygon", "coordinates": [[[0, 0], [4, 0], [0, 4], [4, 4], [0, 0]]]], ["category": "toilet"])
        b.camera("above", at: [2, -2], ["type": "fisheye", "mountHeight": 3, "range": 30])
        let (analysis, _) = try b.check()
        XCTAssertEqual(try XCTUnwrap(analysis.cameras[0].intrusions.first).area, 8, accuracy: 1e-9)
        XCTAssertFalse(PolygonRings(shell: [Point2(0, 0), Point2(4, 0), Point2(0, 4), Point2(4, 4)]).isAxisAlignedRectangle)
        XCTAssertTrue(PolygonRings(shell: [Point2(0, 0), Point2(4, 0), Point2(4, 4), Point2(0, 4)]).isAxisAlignedRectangle)
    }

    /// Polygons with a spike (an edge out and straight back) are invalid,
    /// and GEOSMakeValid repairs each into a collection of the polygon *and*
    /// the spike's line. Such a repair used to reach the next operation
    /// whole: a wall's thickness (GEOSBoundary: "Operation not supported by
    /// GeometryCollection") and a zone's overlay with the view ("Overlay
    /// input is mixed-dimension") rejected valid plans. The repair keeps the
    /// polygon: the fisheye sees the whole 4 × 4 toilet, 16 m², and the
    /// site boundary with its own spike still encloses the camera.
    func testARepairThatLeavesLinesKeepsOnlyThePolygon() throws {
        let spiked: [[Double]] = [[0, 0], [4, 0], [4, 4], [2, 4], [2, 6], [2, 4], [0, 4], [0, 0]]
        var b = PlanBuilder()
        b.add("wc", "zone", ["type": "Polygon", "coordinates": [spiked]], ["category": "toilet"])
        b.add(
            "body", "wall",
            ["type": "Polygon", "coordinates": [[[8, -3], [8.2, -3], [8.2, 3], [8.1, 3], [8.1, 5], [8.1, 3], [8, 3], [8, -3]]]])
        b.add(
            "site", "boundary",
            [
                "type": "Polygon",
                "coordinates": [[[-10, -10], [20, -10], [20, 20], [5, 20], [5, 25], [5, 20], [-10, 20], [-10, -10]]],
            ])
        b.camera("above", at: [2, -2], ["type": "fisheye", "mountHeight": 3, "range": 30])
        let (analysis, _) = try b.check()
        XCTAssertEqual(try XCTUnwrap(analysis.cameras[0].intrusions.first).area, 16, accuracy: 1e-9)
        XCTAssertTrue(analysis.problems.contains { $0.feature == "body" && $0.message.contains("repaired") }, "the repair is reported")
        XCTAssertTrue(analysis.problems.contains { $0.feature == "wc" && $0.message.contains("repaired") }, "the repair is reported")
    }

    /// Plans the random generator made that failed with TopologyException
    /// (GEOSDifference on a masked PTZ view) and with GEOSClipByRect: valid
    /// plans, so they are checked, never rejected.
    func testPlansThatBrokeTheOverlayAreChecked() throws {
        for name in ["random-1022.json", "random-1238.json"] {
            let bytes = [UInt8](try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Fixtures/hostile/\(name)")))
            let plan = try PlanDecoder.decode(bytes: bytes, file: name)
            let analysis = try Engine(prohibited: PlanBuilder.cn2025.prohibitedCategories).analyze(plan)
            XCTAssertFalse(analysis.cameras.isEmpty, name)
            XCTAssertTrue(analysis.cameras.allSatisfy { $0.viewArea.isFinite }, name)
        }
    }

    /// 300 random valid plans (every feature kind, near-coincident edges)
    /// through decoding, the engine, the rules and every renderer: none may
    /// be rejected, none may crash.
    func testRandomValidPlansAreAllChecked() throws {
        let renderers: [any ReportRenderer] = [
            TextReportRenderer(), JSONReportRenderer(), HTMLReportRenderer(), GeoJSONReportRenderer(),
            SARIFReportRenderer(), MarkdownReportRenderer(),
        ]
        var cameras = 0
        for seed in UInt64(1)...300 {
            let bytes = Array(RandomPlanGenerator(seed: seed).json().utf8)
            let plan = try PlanDecoder.decode(bytes: bytes, file: "random-\(seed).json")
            let analysis: PlanAnalysis
            do { analysis = try Engine(prohibited: PlanBuilder.cn2025.prohibitedCategories, zoneViewThreshold: 1).analyze(plan) } catch {
                return XCTFail("seed \(seed): \(error)")
            }
            cameras += analysis.cameras.count
            let outcome = RuleEngine(profile: PlanBuilder.cn2025, asOf: PlanBuilder.asOf).evaluate(analysis)
            let report = CheckReport(
                toolVersion: "test", profile: PlanBuilder.cn2025, analysis: analysis, outcome: outcome,
                asOf: PlanBuilder.asOf, inputSHA256: "0")
            for r in renderers { XCTAssertFalse(r.render(report).isEmpty) }
        }
        XCTAssertGreaterThan(cameras, 600, "the plans hold cameras to check")
    }
}
