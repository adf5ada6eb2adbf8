import Foundation
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

@testable import SightlineServe

/// `serve` opens a plan `check` refuses, lists every problem, analyses the
/// rest, and takes the edits that repair it (#28 item 6), on the spec's
/// passage example: a camera at (−8, 0) looking east through a 1.2 m
/// passage sees 6.0 m² of the toilet behind it once the toilet is a toilet.
final class PlannerRepairTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("serve-repair") }
    override func tearDownWithError() throws { folder.remove() }

    /// The toilet's category misspelt and a door drawn 10 m from any wall.
    private func brokenPlan() throws -> String {
        var b = PlanBuilder.passageToilet()
        let wc = try XCTUnwrap(b.features.firstIndex { ($0["id"] as? String) == "wc" })
        b.features[wc]["properties"] = ["kind": "zone", "category": "toliet"]
        b.opening("stray", "door", [[-15, 3], [-14, 3]])
        return try folder.write(b, "broken.json")
    }

    private static func intrusion(_ findings: [UInt8]) throws -> Double {
        try JSONParser.parse(findings).arrayValue?.compactMap(\.objectValue)
            .filter { $0["rule"]?.stringValue == "cn-2025/art8-view-intrusion" }
            .compactMap { $0["area"]?.numberValue }.reduce(0, +) ?? 0
    }

    func testAPlanWithProblemsOpensListsThemAndIsRepairedInThePage() async throws {
        let planner = try Planner(file: try brokenPlan(), profileOption: nil, asOf: PlanBuilder.asOf)
        // Both problems at once, each as `check` prints it, with its feature.
        XCTAssertEqual(planner.problemsAtStart.map(\.feature), ["wc", "stray"])
        let problemsBody = await planner.problemsJSON()
        let listed = try XCTUnwrap(JSONParser.parse(problemsBody).arrayValue).compactMap(\.objectValue)
        XCTAssertEqual(listed.map { $0["feature"]?.stringValue }, ["wc", "stray"])
        XCTAssertTrue(listed[1]["message"]?.stringValue?.hasPrefix("the opening lies on no wall") ?? false)
        // The rest is analysed: no toilet yet, so no intrusion.
        let first = await planner.findingsJSON()
        XCTAssertEqual(try Self.intrusion(first), 0)

        // Repair the category: the toilet joins the analysis.
        let afterCategory = try await planner.patchFeature("wc", body: Array(#"{"category": "toilet"}"#.utf8))
        XCTAssertEqual(try Self.intrusion(afterCategory), 6.0, accuracy: 1e-9)
        let left = await planner.problems
        XCTAssertEqual(left.map(\.feature), ["stray"])

        // An edit may not add a problem: a second door on no wall is refused.
        do {
            _ = try await planner.patchFeature(
                "p1", body: Array(#"{"geometry": {"type": "LineString", "coordinates": [[-20, 0], [-19, 0]]}}"#.utf8))
            XCTFail("an edit adding a problem is refused")
        } catch {
            XCTAssertEqual(error.status, 400)
            XCTAssertTrue(error.message.contains("feature p1: geometry: the opening lies on no wall"), error.message)
        }

        // Move the stray door onto the bottom wall: no problem left.
        let moved = try await planner.patchFeature(
            "stray", body: Array(#"{"geometry": {"type": "LineString", "coordinates": [[1, -5], [2, -5]]}}"#.utf8))
        XCTAssertEqual(try Self.intrusion(moved), 6.0, accuracy: 1e-9)
        let none = await planner.problems
        XCTAssertEqual(none.count, 0)
        // Saved, the file now checks.
        _ = try await planner.save(ifMatch: await planner.etag)
        XCTAssertNoThrow(try PlanDecoder.decode(contentsOf: planner.file))
    }

    /// A plan whose only problem is geometric (the decoder accepts it; the
    /// scene does not) opens as well, its door left out and listed.
    func testAPlanWithOnlyAnOpeningOnNoWallOpens() async throws {
        var b = PlanBuilder.passageToilet()
        b.opening("stray", "door", [[-15, 3], [-14, 3]])
        let planner = try Planner(file: try folder.write(b, "stray.json"), profileOption: nil, asOf: PlanBuilder.asOf)
        XCTAssertEqual(planner.problemsAtStart.map(\.feature), ["stray"])
        let findings = await planner.findingsJSON()
        XCTAssertEqual(try Self.intrusion(findings), 6.0, accuracy: 1e-9)
    }
}
