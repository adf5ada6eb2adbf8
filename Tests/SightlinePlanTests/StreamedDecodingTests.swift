import Foundation
import SightlinePlan
import TestSupport
import XCTest

/// A check decodes features as they are parsed, never holding the whole
/// tree (`keepDocument: false`); it must read every plan exactly as the
/// decoder that keeps the tree: the same features, the same problems in the
/// same order, the same limits on how many are shown.
final class StreamedDecodingTests: XCTestCase {
    private func both(_ bytes: [UInt8], file: String = "plan.json") -> (kept: Result<Plan, PlanError>, streamed: Result<Plan, PlanError>) {
        func decode(_ keep: Bool) -> Result<Plan, PlanError> {
            Result { () throws(PlanError) -> Plan in try PlanDecoder.decode(bytes: bytes, file: file, keepDocument: keep) }
        }
        return (decode(true), decode(false))
    }

    private func assertSame(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let (kept, streamed) = both(bytes)
        switch (kept, streamed) {
        case (.success(let a), .success(let b)):
            XCTAssertEqual("\(a.levels)", "\(b.levels)", name, file: file, line: line)
            XCTAssertEqual("\(a.zones)", "\(b.zones)", name, file: file, line: line)
            XCTAssertEqual("\(a.walls)", "\(b.walls)", name, file: file, line: line)
            XCTAssertEqual("\(a.openings)", "\(b.openings)", name, file: file, line: line)
            XCTAssertEqual("\(a.cameras)", "\(b.cameras)", name, file: file, line: line)
            XCTAssertEqual("\(a.signs)", "\(b.signs)", name, file: file, line: line)
            XCTAssertEqual(a.warnings, b.warnings, name, file: file, line: line)
            XCTAssertNotEqual(a.document, .null, "the kept decoder keeps the tree")
            XCTAssertEqual(b.document, .null, "the streamed decoder keeps none")
        case (.failure(let a), .failure(let b)):
            XCTAssertEqual(a.problems, b.problems, name, file: file, line: line)
        default:
            XCTFail("\(name): one decoder failed, the other did not", file: file, line: line)
        }
    }

    func testExamplesAndFixturesDecodeTheSame() throws {
        let root = CLI.packageRoot
        var files: [URL] = []
        for folder in ["Examples", "Fixtures/hostile"] {
            let url = root.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil).filter {
                $0.pathExtension == "json"
            }
        }
        XCTAssertGreaterThanOrEqual(files.count, 7)
        for url in files { assertSame([UInt8](try Data(contentsOf: url)), url.lastPathComponent) }
    }

    /// Features before the plan's metadata, with errors in both: the plan's
    /// problems still come first, then the features' in file order.
    func testProblemsKeepTheirOrder() {
        let text = """
            {"features": [
              {"type": "Feature", "id": "a", "properties": {"kind": "zone", "level": "L1", "category": "toliet"},
               "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
              {"type": "Feature", "id": "a", "properties": {"kind": "wall", "level": "L1"},
               "geometry": {"type": "LineString", "coordinates": [[0,0],[1,0]]}},
              {"type": "Feature", "properties": {"kind": "wall"}, "geometry": null},
              7
            ],
            "plan": {"units": "furlongs", "levels": [{"id": "L1", "elevation": 0}]},
            "type": "FeatureCollection"}
            """
        assertSame(Array(text.utf8), "order")
        if case .failure(let error) = both(Array(text.utf8)).streamed {
            XCTAssertEqual(error.problems.first?.property, "plan.units", "\(error.problems)")
            XCTAssertGreaterThanOrEqual(error.problems.count, 4, "\(error.problems)")
        } else {
            XCTFail("the plan has errors")
        }
    }

    /// More bad features than a log shows (200 of each severity): the same
    /// first ones and the same count of the rest.
    func testTheLimitOnProblemsIsTheSame() {
        var features: [String] = []
        for k in 0..<450 { features.append(#"{"type": "Feature", "id": "f\#(k)", "properties": {"kind": "sofa"}}"#) }
        let text = #"{"type": "FeatureCollection", "plan": {"units": "parsecs"}, "features": ["# + features.joined(separator: ",") + "]}"
        assertSame(Array(text.utf8), "limit")
        if case .failure(let error) = both(Array(text.utf8)).streamed {
            XCTAssertEqual(error.problems.last?.message.contains("more errors not shown"), true, "\(error.problems.last!)")
        }
    }

    /// Not an array, an empty array, a syntax error inside a feature.
    func testOddFeatureLists() {
        for text in [
            #"{"type": "FeatureCollection", "features": {}}"#,
            #"{"type": "FeatureCollection", "features": []}"#,
            #"{"type": "FeatureCollection", "features": [1, "x", null]}"#,
            #"{"type": "FeatureCollection", "features": [{"id": "a",}]}"#,
            #"{"type": "FeatureCollection", "features": [], "features": []}"#,
            #"[{"features": [{"id": "nested"}]}]"#,
        ] {
            assertSame(Array(text.utf8), text)
        }
    }
}
