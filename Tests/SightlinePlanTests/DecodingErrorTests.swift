import SightlineIO
import SightlinePlan
import SightlineSynth
import TestSupport
import XCTest

/// Every kind of bad input is an error that names the file, the feature and
/// the property, and says what was expected.
final class DecodingErrorTests: XCTestCase {
    private func problems(_ mutate: (inout PlanBuilder) -> Void) -> [PlanProblem] {
        var b = PlanBuilder.passageToilet()
        mutate(&b)
        do {
            _ = try b.decode(file: "plan.json")
            return []
        } catch {
            return (error as? PlanError)?.problems ?? []
        }
    }

    private func set(_ b: inout PlanBuilder, _ id: String, _ key: String, _ value: Any) {
        guard let i = b.features.firstIndex(where: { ($0["id"] as? String) == id }) else { return XCTFail("no \(id)") }
        var props = b.features[i]["properties"] as? [String: Any] ?? [:]
        props[key] = value
        b.features[i]["properties"] = props
    }

    func testUnknownZoneCategorySuggestsTheClosest() throws {
        let p = problems { set(&$0, "wc", "category", "toliet") }
        XCTAssertEqual(p.count, 1)
        XCTAssertEqual(p[0].file, "plan.json")
        XCTAssertEqual(p[0].feature, "wc")
        XCTAssertEqual(p[0].property, "properties.category")
        XCTAssertTrue(p[0].message.contains("did you mean `toilet`?"), p[0].message)
        XCTAssertEqual(p[0].description.prefix(40), "plan.json: feature wc: properties.catego")
    }

    /// A wall that zigzags across itself: 40 teeth over a base line cross it
    /// 80 times and are checked; a 1,000-point scribble crossing itself
    /// thousands of times (it took 38 s and 3.4 GB to check) is refused at
    /// once, naming the wall; so is a wall of 20,001 vertices.
    func testATangledOrHugeWallIsRefusedAndAFewCrossingsAreNot() {
        var zigzag: [[Double]] = [[-1, -20], [81, -20]]
        for k in 0...80 { zigzag.append([Double(k), k % 2 == 0 ? -21 : -19]) }
        XCTAssertEqual(problems { $0.wall("zig", zigzag) }.filter { $0.severity == .error }, [])

        var generator = SeededGenerator(seed: 3)
        let scribble = (0..<1_000).map { _ in
            [Double.random(in: 10...30, using: &generator), Double.random(in: 10...30, using: &generator)]
        }
        let tangled = problems { $0.wall("scribble", scribble) }
        XCTAssertEqual(tangled.map(\.feature), ["scribble"])
        XCTAssertEqual(tangled.first?.property, "geometry")
        XCTAssertTrue(tangled.first?.message.contains("crosses itself 1000 times or more") ?? false, "\(tangled)")

        let huge = (0...20_000).map { [Double($0) * 0.001, 0] }
        let long = problems { $0.wall("long", huge) }
        XCTAssertTrue(long.first?.message.contains("20001 vertices") ?? false, "\(long)")
    }

    func testDuplicateIds() {
        let p = problems { $0.camera("wc", at: [1, 1]) }
        XCTAssertEqual(p.map(\.feature), ["wc"])
        XCTAssertTrue(p[0].message.contains("duplicate id"), p[0].message)
    }

    func testMissingCoordinates() {
        let p = problems { $0.add("cam2", "camera", ["type": "Point"]) }
        XCTAssertEqual(p.map(\.property), ["geometry.coordinates"])
        XCTAssertEqual(p.first?.feature, "cam2")
    }

    func testNullGeometryIsAnError() {
        let p = problems { b in
            b.features.append(["type": "Feature", "id": "z9", "properties": ["kind": "zone", "category": "toilet"], "geometry": NSNull()])
        }
        XCTAssertEqual(p.map(\.feature), ["z9"])
        XCTAssertTrue(p[0].message.contains("missing or null"), p[0].message)
    }

    func testWrongGeometryTypeForKind() {
        let p = problems { $0.add("cam2", "camera", ["type": "LineString", "coordinates": [[0, 0], [1, 1]]]) }
        XCTAssertEqual(p.map(\.property), ["geometry.type"])
        XCTAssertTrue(p[0].message.contains("needs a Point"), p[0].message)
    }

    func testUnknownLevel() {
        let p = problems { set(&$0, "cam1", "level", "L2") }
        XCTAssertEqual(p.map(\.property), ["properties.level"])
        XCTAssertTrue(p[0].message.contains("unknown level `L2`"), p[0].message)
        XCTAssertTrue(p[0].message.contains("did you mean `L1`?"), p[0].message)
    }

    func testOutOfRangeTilt() {
        let p = problems { set(&$0, "cam1", "tilt", 120) }
        XCTAssertEqual(p.map(\.property), ["properties.tilt"])
        XCTAssertTrue(p[0].message.contains("at most 90"), p[0].message)
    }

    func testUnclosedRing() {
        let p = problems {
            $0.add("z9", "zone", ["type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]], ["category": "toilet"])
        }
        XCTAssertEqual(p.first?.feature, "z9")
        XCTAssertTrue(p.first?.message.contains("must be closed") ?? false)
    }

    func testEverythingWrongIsListedAtOnce() {
        let p = problems { b in
            set(&b, "wc", "category", "toliet")
            set(&b, "cam1", "tilt", -100)
            set(&b, "cam1", "hfov", "wide")
        }
        XCTAssertEqual(
            Set(p.map { "\($0.feature ?? "")/\($0.property ?? "")" }),
            ["wc/properties.category", "cam1/properties.tilt", "cam1/properties.hfov"])
    }

    func testBadUnitsAndCRS() {
        let p = problems { b in
            b.plan["units"] = "km"
            b.plan["crs"] = "EPSG:3857"
        }
        XCTAssertEqual(Set(p.compactMap(\.property)), ["plan.units", "plan.crs"])
    }

    func testSyntaxErrorNamesLineAndColumn() {
        let bytes = Array("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}".utf8)
        XCTAssertThrowsError(try PlanDecoder.decode(bytes: bytes, file: "broken.json")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.hasPrefix("broken.json: not valid JSON: line 3, column 16"), text)
        }
    }

    func testNumberOverflowIsRejected() {
        let bytes = Array(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"c\",\"properties\":{\"kind\":\"camera\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e999,0]}}]}"
                .utf8)
        XCTAssertThrowsError(try PlanDecoder.decode(bytes: bytes, file: "x.json")) { error in
            XCTAssertTrue(String(describing: error).contains("out of range"))
        }
    }

    func testUnknownPropertyIsAWarningWithAHint() throws {
        var b = PlanBuilder.passageToilet()
        set(&b, "cam1", "mountHieght", 3)
        let plan = try b.decode()
        XCTAssertEqual(plan.warnings.count, 1)
        XCTAssertTrue(plan.warnings[0].message.contains("did you mean"), plan.warnings[0].message)
    }

    func testLensGivesTheDatasheetField() throws {
        var b = PlanBuilder.passageToilet()
        set(&b, "cam1", "hfov", NSNull())
        set(&b, "cam1", "lens", ["focalLength": 2.8, "sensorFormat": "1/2.8\""])
        let plan = try b.decode()
        XCTAssertEqual(plan.cameras[0].lens?.sensorWidthMM, 5.37)
    }
}

final class CalendarDateTests: XCTestCase {
    /// 2025-06-01 + 30 days = 2025-07-01; 2024 is a leap year.
    func testAddingDaysAndParsing() {
        XCTAssertEqual(CalendarDate(iso: "2025-06-01")?.adding(days: 30).description, "2025-07-01")
        XCTAssertEqual(CalendarDate(iso: "2024-02-28")?.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(CalendarDate(iso: "1970-01-01")?.dayNumber, 0)
        XCTAssertNil(CalendarDate(iso: "2025-02-29"))
        XCTAssertNil(CalendarDate(iso: "2025-6-1"))
    }
}

final class SHA256Tests: XCTestCase {
    /// FIPS 180-2 appendix B test vectors.
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
