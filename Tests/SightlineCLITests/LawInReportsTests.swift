import Foundation
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

/// The law as every command and format shows it: `filing` respects
/// applicability, every format carries every measure, `fix` prefers
/// re-aiming to masks.
final class LawInReportsTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("law") }

    override func tearDownWithError() throws { folder.remove() }

    private func write(_ b: PlanBuilder, _ name: String) throws -> String { try folder.write(b, name) }

    private func place(_ category: String) -> PlanBuilder {
        var b = PlanBuilder.passageToilet()
        b.plan["site"] = ["name": "T", "operator": ["name": "Test Co"], "placeCategory": category]
        b.plan["system"] = ["commissionedOn": "2025-06-01"]
        return b
    }

    func testFilingDoesNotApplyToArticle9OrNonPublicPlaces() throws {
        for (category, reason) in [("art9-other-public", "第九条第二款"), ("non-public", "第二条")] {
            let path = try write(place(category), "\(category).json")
            let r = try CLI.run(["filing", path, "--as-of", "2026-01-15"])
            XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
            XCTAssertTrue(r.stdout.contains("Art. 14 does not apply"), r.stdout)
            XCTAssertTrue(r.stdout.contains(reason), r.stdout)
            let json = try CLI.run(["filing", path, "--format", "json", "--as-of", "2026-01-15"])
            XCTAssertEqual(json.status, 0)
            XCTAssertEqual(try JSONParser.parse(Array(json.stdout.utf8)).objectValue?["status"]?.stringValue, "not required")
        }
        // The same plan as an Art. 7 venue: overdue, and the gaps named.
        let venue = try CLI.run(["filing", try write(place("art7-venue"), "venue.json"), "--as-of", "2026-01-15"])
        XCTAssertEqual(venue.status, 1)
        XCTAssertTrue(venue.stdout.contains("overdue"), venue.stdout)
    }

    func testEveryFormatCarriesTheMeasuresAsWellAsTheFines() throws {
        for format in ["text", "markdown", "html", "sarif", "geojson", "json"] {
            let r = try CLI.run(["check", "Examples/clothing-store.json", "--format", format, "--as-of", "2026-01-15"])
            XCTAssertEqual(r.status, 1, r.stderr)
            for piece in ["没收相关设备设施", "删除所收集的视频图像信息", "责令限期改正"] {
                XCTAssertTrue(r.stdout.contains(piece), "\(format) lacks \(piece)")
            }
            // The store's operator is an individual: no responsible-persons fine anywhere.
            XCTAssertFalse(r.stdout.contains("directly responsible persons"), "\(format) fines an individual's responsible persons")
        }
        let md = try CLI.run(["check", "Examples/clothing-store.json", "--format", "markdown", "--as-of", "2026-01-15"]).stdout
        XCTAssertTrue(
            md.contains("It is prohibited to install image acquisition equipment"), "Markdown's article column shows the English too")
    }

    func testFixPrefersReAimingToAMask() throws {
        let r = try CLI.run(["fix", "Examples/hotel-floor.json", "--format", "json", "--as-of", "2026-01-15"])
        let fixes = try XCTUnwrap(try JSONParser.parse(Array(r.stdout.utf8)).objectValue?["cameras"]?.arrayValue)
        let lobby = try XCTUnwrap(fixes.first { $0.objectValue?["camera"]?.stringValue == "cam-lobby" }?.objectValue)
        let options = try XCTUnwrap(lobby["options"]?.objectValue)
        XCTAssertNotNil(options["heading"]?.objectValue?["proposed"]?.numberValue)
        // The mask would cost 5.87 m² of view, the new heading 45 m²: by view kept the mask wins…
        XCTAssertFalse(options["mask"]?.arrayValue?.isEmpty ?? true, "a mask is offered…")
        XCTAssertNotEqual(lobby["best"]?.stringValue, "mask", "…but re-aiming and tilting rank above it: a mask can be lifted")
        // Of the two, the one keeping more of the allowed view.
        let heading = try XCTUnwrap(options["heading"]?.objectValue?["keptArea"]?.numberValue)
        let tilt = try XCTUnwrap(options["tiltKeptArea"]?.numberValue)
        XCTAssertEqual(lobby["best"]?.stringValue, tilt > heading ? "tilt" : "heading")
    }
}
