import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SightlineJSON
import SightlinePlan
import SightlineText
import TestSupport
import XCTest

@testable import SightlineServe

/// The planner's API through Hummingbird's router test client, on the
/// spec's passage example: a camera at (−8, 0) looking east through a 1.2 m
/// passage sees the 6.0 m² trapezoid of the toilet behind it.
final class PlannerAPITests: XCTestCase {
    private var folder: ScratchFolder!
    private var file = ""

    override func setUpWithError() throws {
        folder = try ScratchFolder("serve")
        file = try folder.write(PlanBuilder.passageToilet(), "passage.json")
    }

    override func tearDownWithError() throws { folder.remove() }

    private func app() throws -> some ApplicationProtocol {
        let planner = try Planner(file: file, profileOption: nil, asOf: PlanBuilder.asOf)
        return Application(router: PlannerRouter.make(planner, access: .testing))
    }

    private static func json(_ buffer: ByteBuffer) throws -> JSONValue { try JSONParser.parse(Array(buffer.readableBytesView)) }

    private static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The toilet intrusions in a findings array, by camera.
    private static func intrusions(_ findings: JSONValue) -> [String: Double] {
        var out: [String: Double] = [:]
        for f in findings.arrayValue ?? [] {
            guard let o = f.objectValue, o["rule"]?.stringValue == "cn-2025/art8-view-intrusion" else { continue }
            out[o["camera"]?.stringValue ?? "", default: 0] += o["area"]?.numberValue ?? 0
        }
        return out
    }

    /// `/api/views?labels=1&level=`: the views and the level's labels as the
    /// reports place them: the intrusion's area (6.00 m², the passage
    /// example), the camera's id and each zone's name, keyed to what they
    /// name, none overlapping (estimated boxes, as LabelPlacer sizes them).
    func testViewsWithLabelsPlaceEveryLabelApart() async throws {
        let planner = try Planner(file: file, profileOption: nil, asOf: PlanBuilder.asOf)
        let plain = try JSONParser.parse(await planner.viewsJSON(level: nil, labels: true))
        XCTAssertNotNil(plain.arrayValue, "labels need a level: without one, the plain array")
        let all = try JSONParser.parse(await planner.viewsJSON())
        let level = try XCTUnwrap(all.arrayValue?.first?.objectValue?["level"]?.stringValue)
        let withLabels = try JSONParser.parse(await planner.viewsJSON(level: level, labels: true))
        let body = try XCTUnwrap(withLabels.objectValue)
        XCTAssertEqual(body["views"]?.arrayValue?.count, 1)
        let labels = try XCTUnwrap(body["labels"]?.arrayValue).compactMap(\.objectValue)
        let byKind = Dictionary(grouping: labels) { $0["kind"]?.stringValue ?? "" }
        XCTAssertEqual(byKind["area"]?.map { $0["text"]?.stringValue }, ["6.00 m²"])
        XCTAssertEqual(byKind["area"]?.first?["key"]?.stringValue, "cam1|wc")
        XCTAssertEqual(byKind["camera"]?.map { $0["key"]?.stringValue }, ["cam1"])
        XCTAssertGreaterThanOrEqual(byKind["zone"]?.count ?? 0, 1)
        let boxes = labels.map { l -> (Double, Double, Double, Double) in
            let (x, y, size) = (l["x"]?.numberValue ?? 0, l["y"]?.numberValue ?? 0, l["size"]?.numberValue ?? 0)
            let width = Double(l["text"]?.stringValue?.count ?? 0) * size * 0.6
            return (x - width / 2, y - size * 0.625, x + width / 2, y + size * 0.625)
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let (a, b) = (boxes[i], boxes[j])
                XCTAssertTrue(
                    min(a.2, b.2) <= max(a.0, b.0) + 1e-9 || min(a.3, b.3) <= max(a.1, b.1) + 1e-9, "labels \(i) and \(j) overlap")
            }
        }
    }

    func testMovingTheCameraOutOfAndBackIntoTheIntrusion() async throws {
        try await app().test(.router) { raw in
            let client = PageClient(raw)
            let findings = try await client.execute(uri: "/api/findings", method: .get) { try Self.json($0.body) }
            XCTAssertEqual(Self.intrusions(findings)["cam1"] ?? 0, 6.0, accuracy: 1e-3)
            // Turned west, the camera faces away from the passage: no intrusion.
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"heading": 270}"#)) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNil(Self.intrusions(try Self.json(r.body))["cam1"])
            }
            // Moved 20 m north and turned back east: the passage is behind the wall.
            try await client.execute(
                uri: "/api/cameras/cam1", method: .patch,
                body: Self.body(#"{"heading": 90, "position": [-8, 20]}"#)
            ) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNil(Self.intrusions(try Self.json(r.body))["cam1"])
            }
            // Back where it was: the 6.0 m² trapezoid again.
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"position": [-8, 0]}"#)) { r in
                XCTAssertEqual(Self.intrusions(try Self.json(r.body))["cam1"] ?? 0, 6.0, accuracy: 1e-3)
            }
            // The views follow: one intrusion polygon for cam1.
            let views = try await client.execute(uri: "/api/views", method: .get) { try Self.json($0.body) }
            let cam = views.arrayValue?.first { $0.objectValue?["camera"]?.stringValue == "cam1" }?.objectValue
            XCTAssertEqual(cam?["intrusions"]?.arrayValue?.count, 1)
        }
    }

    /// A mask over bearings 85°–95° hides the passage (90° ± 4.29°): the
    /// error becomes the 6.0 m² `art8-view-masked` warning; removing the
    /// masks (`null`) brings the error back.
    func testMasksSetFromThePanelTurnTheErrorIntoAWarning() async throws {
        try await app().test(.router) { raw in
            let client = PageClient(raw)
            try await client.execute(
                uri: "/api/cameras/cam1", method: .patch,
                body: Self.body(#"{"masks": [{"azimuthFrom": 85, "azimuthTo": 95}]}"#)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let findings = try Self.json(r.body).arrayValue ?? []
                XCTAssertNil(Self.intrusions(.array(findings))["cam1"])
                let masked = findings.compactMap(\.objectValue).first { $0["rule"]?.stringValue == "cn-2025/art8-view-masked" }
                XCTAssertEqual(masked?["area"]?.numberValue ?? 0, 6.0, accuracy: 1e-3)
            }
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"masks": null}"#)) { r in
                XCTAssertEqual(Self.intrusions(try Self.json(r.body))["cam1"] ?? 0, 6.0, accuracy: 1e-3)
            }
        }
    }

    func testFindingsAreThoseOfCheck() async throws {
        let check = try CLI.run(["check", file, "--format", "json", "--as-of", "2026-01-15"])
        let expected = try XCTUnwrap(try JSONParser.parse(Array(check.stdout.utf8)).objectValue?["findings"])
        try await app().test(.router) { raw in
            let client = PageClient(raw)
            let findings = try await client.execute(uri: "/api/findings", method: .get) { try Self.json($0.body) }
            XCTAssertEqual(findings, expected)
        }
    }

    func testSaveChangesOnlyTheEditedPropertyAndRefusesAStaleOrChangedFile() async throws {
        let original = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: file))))
        let file = self.file
        try await app().test(.router) { raw in
            let client = PageClient(raw)
            let etag = try await client.execute(uri: "/api/plan", method: .get) { $0.headers[.eTag] }
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"heading": 300}"#))
            // The page's ETag is now stale.
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: etag ?? ""]) { r in
                XCTAssertEqual(r.status, .conflict)
            }
            let current = try await client.execute(uri: "/api/plan", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: current]) { r in
                XCTAssertEqual(r.status, .ok)
            }
            let saved = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: file))))
            var expected = original.objectValue!
            var features = expected["features"]!.arrayValue!
            for i in features.indices {
                guard var f = features[i].objectValue, f["id"]?.stringValue == "cam1" else { continue }
                var p = f["properties"]!.objectValue!
                p["heading"] = .number(300)
                f["properties"] = .object(p)
                features[i] = .object(f)
            }
            expected["features"] = .array(features)
            XCTAssertEqual(saved, .object(expected), "only cam1's heading changed")
            // Another program changes the file: the next save refuses.
            try Data((String(decoding: Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self) + " ").utf8)
                .write(to: URL(fileURLWithPath: file))
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"heading": 310}"#))
            let now = try await client.execute(uri: "/api/plan", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: now]) { r in
                XCTAssertEqual(r.status, .conflict)
                XCTAssertTrue(String(buffer: r.body).contains("changed on disk"), String(buffer: r.body))
            }
        }
    }

    /// Another program rewrites the plan file.
    private static func outside(_ file: String, _ change: (inout [String: Any]) -> Void) throws {
        var plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        change(&plan)
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: file))
    }

    /// A plan's features' properties, by id.
    private static func features(_ plan: JSONValue) -> [String: JSONObject] {
        Dictionary(
            uniqueKeysWithValues: (plan.objectValue?["features"]?.arrayValue ?? []).compactMap(\.objectValue).map {
                ($0["id"]?.stringValue ?? "", $0["properties"]?.objectValue ?? JSONObject())
            })
    }

    /// After another program changed the file, Save is not stuck: reload
    /// reads the file as the other program left it and makes the session's
    /// edits again on it; both changes are then saved. An edit that no
    /// longer applies (its camera deleted outside) is dropped and counted.
    func testAReloadAfterAnOutsideChangeKeepsBothChanges() async throws {
        let file = self.file
        try await app().test(.router) { raw in
            let client = PageClient(raw)
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"heading": 300}"#))
            try Self.outside(file) { plan in
                var list = plan["features"] as? [[String: Any]] ?? []
                for i in list.indices where list[i]["id"] as? String == "wc" {
                    var p = list[i]["properties"] as? [String: Any] ?? [:]
                    p["name"] = "WC renamed outside"
                    list[i]["properties"] = p
                }
                plan["features"] = list
            }
            let etag = try await client.execute(uri: "/api/plan", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: etag]) { r in
                XCTAssertEqual(r.status, .conflict)
            }
            let answer = try await client.execute(uri: "/api/reload", method: .post) { try Self.json($0.body) }
            XCTAssertEqual(answer.objectValue?["kept"]?.numberValue, 1)
            XCTAssertEqual(answer.objectValue?["dropped"]?.arrayValue?.count, 0)
            let merged = try await client.execute(uri: "/api/plan", method: .get) { r in (try Self.json(r.body), r.headers[.eTag] ?? "") }
            XCTAssertEqual(Self.features(merged.0)["cam1"]?["heading"]?.numberValue, 300, "the session's edit is kept")
            XCTAssertEqual(Self.features(merged.0)["wc"]?["name"]?.stringValue, "WC renamed outside", "and the other program's")
            try await client.execute(uri: "/api/save", method: .post, headers: [.ifMatch: merged.1]) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            }
            let saved = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: file))))
            XCTAssertEqual(Self.features(saved)["cam1"]?["heading"]?.numberValue, 300)
            XCTAssertEqual(Self.features(saved)["wc"]?["name"]?.stringValue, "WC renamed outside")

            // The camera deleted outside: its edit no longer applies.
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"tilt": 20}"#))
            try Self.outside(file) { plan in
                plan["features"] = (plan["features"] as? [[String: Any]] ?? []).filter { $0["id"] as? String != "cam1" }
            }
            let second = try await client.execute(uri: "/api/reload", method: .post) { try Self.json($0.body) }
            XCTAssertEqual(second.objectValue?["kept"]?.numberValue, 0)
            XCTAssertEqual(second.objectValue?["dropped"]?.arrayValue?.count, 1, "\(second)")
        }
    }

    func testBadRequestsGetAStatusAndAMessage() async throws {
        try await app().test(.router) { raw in
            let client = PageClient(raw)
            try await client.execute(uri: "/api/cameras/nope", method: .patch, body: Self.body(#"{"heading": 1}"#)) { r in
                XCTAssertEqual(r.status, .notFound)
            }
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"heading": "north"}"#)) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue(String(buffer: r.body).contains("heading"), String(buffer: r.body))
            }
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body("{not json")) { r in
                XCTAssertEqual(r.status, .badRequest)
            }
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: Self.body(#"{"position": [1]}"#)) { r in
                XCTAssertEqual(r.status, .badRequest)
            }
            try await client.execute(
                uri: "/api/cameras/cam1", method: .patch,
                body: ByteBuffer(repeating: UInt8(ascii: " "), count: Planner.maxBodyBytes + 1)
            ) { r in
                XCTAssertEqual(r.status.code, 413)
            }
            for path in ["/etc/passwd", "/api/../passage.json", "/passage.json", "/api/plan/../../x"] {
                try await client.execute(uri: path, method: .get) { r in XCTAssertEqual(r.status, .notFound, path) }
            }
            // A rejected edit leaves the plan as it was.
            let findings = try await client.execute(uri: "/api/findings", method: .get) { try Self.json($0.body) }
            XCTAssertEqual(Self.intrusions(findings)["cam1"] ?? 0, 6.0, accuracy: 1e-3)
        }
    }

    func testAddingAndDeletingACamera() async throws {
        try await app().test(.router) { raw in
            let client = PageClient(raw)
            let added = try await client.execute(
                uri: "/api/cameras", method: .post,
                body: Self.body(#"{"position": [-6, 0], "heading": 90, "hfov": 90, "mountHeight": 2.5}"#)
            ) { r in
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                return try Self.json(r.body)
            }
            let id = try XCTUnwrap(added.objectValue?["id"]?.stringValue)
            XCTAssertNotNil(Self.intrusions(added.objectValue?["findings"] ?? .null)[id], "the new camera sees the toilet too")
            try await client.execute(uri: "/api/cameras/\(id)", method: .delete) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertNil(Self.intrusions(try Self.json(r.body))[id])
            }
            try await client.execute(uri: "/", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(String(buffer: r.body).contains("<svg id=\"canvas\""))
            }
        }
    }
}

/// The planner's fix suggestion, from the same study as `sightline fix`.
final class PlannerFixTests: XCTestCase {
    /// On the passage example with a 60° field, the compliant headings run
    /// clockwise from 90° + atan(0.6/8) + 30° = 124.29°; the nearest to 90°
    /// is that end, rounded inwards: 124.3°. Applying it clears the camera.
    func testTheSuggestionIsFixsAndApplyingItClearsTheCamera() async throws {
        let folder = try ScratchFolder("serve-fix")
        defer { folder.remove() }
        let file = try folder.write(PlanBuilder.passageToilet(camera: ["hfov": 60]), "passage.json")
        let planner = try Planner(file: file, profileOption: nil, asOf: PlanBuilder.asOf)
        try await Application(router: PlannerRouter.make(planner, access: .testing)).test(.router) { raw in
            let client = PageClient(raw)
            let fix = try await client.execute(uri: "/api/cameras/cam1/fix", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                return try JSONParser.parse(Array(r.body.readableBytesView)).objectValue ?? JSONObject()
            }
            XCTAssertEqual(fix["needed"], .bool(true))
            let apply = try XCTUnwrap(fix["apply"]?.objectValue, "\(fix)")
            if fix["best"]?.stringValue == "heading" {
                let expected = 90 + atan(0.6 / 8) * 180 / .pi + 30
                XCTAssertEqual(apply["heading"]?.numberValue ?? 0, (expected * 10).rounded(.up) / 10, accuracy: 1e-9)
            }
            var body = JSONWriter()
            body.value(.object(apply))
            try await client.execute(uri: "/api/cameras/cam1", method: .patch, body: ByteBuffer(string: body.string)) { r in
                XCTAssertEqual(r.status, .ok)
                let findings = try JSONParser.parse(Array(r.body.readableBytesView)).arrayValue ?? []
                XCTAssertFalse(
                    findings.contains {
                        $0.objectValue?["rule"]?.stringValue?.contains("art8") == true
                            && $0.objectValue?["severity"]?.stringValue == "error"
                    })
            }
            try await client.execute(uri: "/api/cameras/cam1/fix", method: .get) { r in
                XCTAssertEqual(try JSONParser.parse(Array(r.body.readableBytesView)).objectValue?["needed"], .bool(false))
            }
            try await client.execute(uri: "/api/cameras/none/fix", method: .get) { r in XCTAssertEqual(r.status, .notFound) }
        }
    }
}

/// The page's words come from the catalogue: every key the page asks for
/// (`t("…")`, `data-t`, `data-title`, `data-label`) is a phrase, and the page
/// is sent with the phrases of its language.
final class PlannerPageLanguageTests: XCTestCase {
    func testEveryKeyThePageUsesIsACataloguePhraseInBothLanguages() throws {
        let template = PlannerPage.template
        var keys = Set<String>()
        for pattern in [#"(?<![A-Za-z.])t\("([A-Za-z]+)"[,)]"#, #"data-(?:t|title|label)="([A-Za-z]+)""#] {
            let regex = try NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: template, range: NSRange(template.startIndex..., in: template)) {
                keys.insert(String(template[Range(match.range(at: 1), in: template)!]))
            }
        }
        XCTAssertGreaterThan(keys.count, 50)
        // The keys it builds from a value: a kind, a severity, a camera type.
        keys.formUnion(["plannerKindZone", "plannerKindWall", "plannerKindOpening", "severityError", "severityWarning", "severityInfo"])
        keys.formUnion(["typeFixed", "typePtz", "typeFisheye"])
        let phrases = Set(Phrase.allCases.map(\.rawValue))
        XCTAssertEqual(keys.subtracting(phrases), [], "keys the page uses that the catalogue lacks")
        let zh = PlannerPage.html(in: .zh)
        XCTAssertTrue(zh.contains("<html lang=\"zh-CN\">"))
        XCTAssertTrue(zh.contains("\"plannerSave\": \"保存\"") || zh.contains("\"plannerSave\":\"保存\""), "the Chinese table is sent")
        XCTAssertTrue(PlannerPage.html(in: .en).contains("<html lang=\"en\">"))
        XCTAssertFalse(zh.contains("__PHRASES__") || zh.contains("__LANG__"))
    }
}
