import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// One plan per rule that triggers it and one that does not, with the
/// finding ids, severities and citations asserted.
final class RulebookTests: XCTestCase {
    /// A 10 × 10 m lobby with one camera in a corner looking across it.
    private func lobby(sign: [Double]? = nil, door: Bool = false) -> PlanBuilder {
        var b = PlanBuilder()
        b.wall("walls", [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]])
        if door { b.opening("front-door", "door", [[4, 0], [6, 0]], ["state": "closed"]) }
        b.zone("hall", "lobby", [[0, 0], [10, 0], [10, 10], [0, 10]], ["name": "Lobby"])
        b.camera("cam", at: [0.5, 0.5], ["heading": 45, "hfov": 90, "mountHeight": 2.8, "tilt": 20])
        if let sign { b.add("sign", "sign", ["type": "Point", "coordinates": sign]) }
        return b
    }

    private func set(_ b: inout PlanBuilder, system key: String, _ value: Any?) {
        var system = b.plan["system"] as? [String: Any] ?? [:]
        system[key] = value ?? NSNull()
        b.plan["system"] = system
    }

    // MARK: Art. 10

    /// A military managed area starting `distance` metres east of the camera.
    private func nearRestricted(distance: Double, consent: String? = nil, onArea: String? = nil) -> PlanBuilder {
        var b = lobby(sign: [5, 5])
        var props: [String: Any] = ["category": "military_managed"]
        if let onArea { props["consentRef"] = onArea }
        let x = 0.5 + distance // the camera is at x = 0.5
        b.add(
            "barracks", "restricted",
            ["type": "Polygon", "coordinates": [[[x, -50], [x + 50, -50], [x + 50, 50], [x, 50], [x, -50]]]], props)
        if let consent, let i = b.features.firstIndex(where: { ($0["id"] as? String) == "cam" }) {
            var properties = b.features[i]["properties"] as? [String: Any] ?? [:]
            properties["consentRef"] = consent
            b.features[i]["properties"] = properties
        }
        return b
    }

    /// Art. 10's 周边 has no distance in the statute: a camera found near
    /// only by Sightline's 100 m (consentDistance) is a warning that says
    /// the distance is Sightline's setting.
    func testConsentNeededWithinOneHundredMetres() throws {
        let (_, near) = try nearRestricted(distance: 60).check()
        let f = try XCTUnwrap(near.rule("art10-consent-missing").first)
        XCTAssertEqual(f.severity, .warning, "near, not seeing it: the distance is Sightline's")
        XCTAssertTrue(f.message.contains("Sightline's setting consentDistance takes 100.00 m"), f.message)
        XCTAssertTrue(f.message(in: .zh).contains("Sightline 设定 consentDistance 取 100.00 m"), f.message(in: .zh))
        XCTAssertEqual(f.zoneID, "barracks")
        XCTAssertEqual(f.distance ?? 0, 60, accuracy: 1e-9)
        XCTAssertEqual(f.citation.reference, "Art. 10")
        XCTAssertTrue(f.citation.zh.contains("应当事先征得相关涉密单位的同意"))
        XCTAssertEqual(f.consequence.article, "Art. 28")
        XCTAssertEqual(f.consequence.fines.first, Fine(party: "unit", minYuan: 10_000, maxYuan: 20_000, note: nil))

        let (_, far) = try nearRestricted(distance: 150).check()
        XCTAssertTrue(far.rule("art10-consent-missing").isEmpty)
        let (_, onCamera) = try nearRestricted(distance: 60, consent: "PLA-2025-17").check()
        XCTAssertTrue(onCamera.rule("art10-consent-missing").isEmpty)
        let (_, onArea) = try nearRestricted(distance: 60, onArea: "PLA-2025-18").check()
        XCTAssertTrue(onArea.rule("art10-consent-missing").isEmpty)
    }

    /// A camera whose view covers part of the unit's area is in its 周边 on
    /// any reading: an error, with the area seen (a fisheye 20 m from the
    /// area with a 30 m range reaches about 180 m² of it on an open floor).
    func testAViewIntoARestrictedAreaIsAnError() throws {
        var b = PlanBuilder()
        b.add(
            "barracks", "restricted", ["type": "Polygon", "coordinates": [[[20, -10], [50, -10], [50, 10], [20, 10], [20, -10]]]],
            ["category": "military_managed"])
        b.camera("cam", at: [0, 0], ["heading": 90, "hfov": 170, "range": 30, "mountHeight": 3, "type": "fisheye"])
        let (_, findings) = try b.check()
        let f = try XCTUnwrap(findings.rule("art10-consent-missing").first)
        XCTAssertEqual(f.severity, .error)
        XCTAssertGreaterThan(f.area ?? 0, 100)
    }

    /// A local authority copies cn-2025 and widens the consent distance to
    /// 200 m: the camera 150 m away now needs consent.
    func testCopiedProfileWithAStricterParameterChangesTheVerdict() throws {
        let text = try XCTUnwrap(BuiltInProfiles.files["cn-2025"])
        let stricter = text.replacingOccurrences(of: "\"consentDistance\": 100", with: "\"consentDistance\": 200")
            .replacingOccurrences(of: "\"id\": \"cn-2025\"", with: "\"id\": \"cn-2025-strict\"")
        XCTAssertNotEqual(stricter, text)
        let profile = try ProfileLoader.load(bytes: Array(stricter.utf8), file: "strict.json")
        XCTAssertEqual(profile.parameters.consentDistance, 200)
        let (_, findings) = try nearRestricted(distance: 150).check(profile: profile)
        XCTAssertEqual(findings.rule("art10-consent-missing").map(\.rule), ["cn-2025-strict/art10-consent-missing"])
    }

    // MARK: Art. 13

    func testSignageMissingWhenASeenZoneHasNoSign() throws {
        let (_, none) = try lobby().check()
        let f = try XCTUnwrap(none.rule("art13-signage-missing").first)
        XCTAssertEqual(f.zoneID, "hall")
        XCTAssertNil(f.camera)
        XCTAssertEqual(f.consequence.note, "no fine is set for this")
        XCTAssertTrue(f.consequence.measures.first?.contains("责令改正") ?? false)
        XCTAssertGreaterThan(f.area ?? 0, 1)
        let (_, inside) = try lobby(sign: [5, 5]).check()
        XCTAssertTrue(inside.rule("art13-signage-missing").isEmpty)
        let (_, onEdge) = try lobby(sign: [10, 5]).check()
        XCTAssertTrue(onEdge.rule("art13-signage-missing").isEmpty, "a sign on the zone's edge counts")
    }

    /// A sign outside the lobby counts when within 5 m of an opening on its
    /// boundary (the front door, x 4…6 on y = 0).
    func testSignNearADoorServesTheZone() throws {
        let (_, near) = try lobby(sign: [5, -4.9], door: true).check()
        XCTAssertTrue(near.rule("art13-signage-missing").isEmpty)
        let (_, far) = try lobby(sign: [5, -5.1], door: true).check()
        XCTAssertEqual(far.rule("art13-signage-missing").count, 1)
    }

    func testViewBeyondSiteBoundary() throws {
        var b = lobby(sign: [5, 5])
        // The boundary ends at x = 6: the view of x 6…10 is off site.
        b.add("site", "boundary", ["type": "Polygon", "coordinates": [[[-1, -1], [6, -1], [6, 11], [-1, 11], [-1, -1]]]])
        let (analysis, findings) = try b.check()
        let f = try XCTUnwrap(findings.rule("art13-view-beyond-site").first)
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.area ?? 0, analysis.cameras[0].offSite?.area ?? -1, accuracy: 1e-9)
        XCTAssertGreaterThan(f.area ?? 0, 1)
        let (_, outcome) = try lobby(sign: [5, 5]).evaluate()
        XCTAssertEqual(
            outcome.notEvaluated.map(\.rule), ["cn-2025/art13-view-beyond-site", "cn-2025/art14-filing-change-unfiled"],
            "a filed plan that does not say what was filed cannot be checked for unfiled changes")
    }

    // MARK: Art. 14 and 17

    private func filing(commissioned: String?, filed: String?, preexisting: Bool = false) -> PlanBuilder {
        var b = lobby(sign: [5, 5])
        set(&b, system: "commissionedOn", commissioned)
        set(&b, system: "filedOn", filed)
        set(&b, system: "preexisting", preexisting)
        return b
    }

    /// Commissioned 2025-06-01: due 30 days later, 2025-07-01, on time on
    /// the day itself; checked as of 2026-01-15.
    func testFilingOverdue() throws {
        XCTAssertTrue(try filing(commissioned: "2025-06-01", filed: "2025-07-01").check().1.rule("art14-filing-overdue").isEmpty)
        let late = try filing(commissioned: "2025-06-01", filed: "2025-07-02").check().1.rule("art14-filing-overdue")
        XCTAssertEqual(late.count, 1)
        XCTAssertTrue(late[0].message.contains("1 days late"), late[0].message)
        let never = try filing(commissioned: "2025-06-01", filed: nil).check().1.rule("art14-filing-overdue")
        XCTAssertEqual(never.first?.consequence.condition, "only after refusing to correct (拒不改正的)")
        XCTAssertEqual(never.first?.consequence.fines.first?.maxYuan, 10_000)
        XCTAssertNil(never.first?.consequence.fines.first?.minYuan)
        // Not yet due on the check date: no finding.
        XCTAssertTrue(try filing(commissioned: "2026-01-01", filed: nil).check().1.rule("art14-filing-overdue").isEmpty)
    }

    /// Systems in use before 2025-04-01 had until 2025-06-30.
    func testPreexistingSystemsWereDueByJuneThirtieth() throws {
        XCTAssertTrue(try filing(commissioned: "2024-03-01", filed: "2025-06-30").check().1.rule("art14-filing-overdue").isEmpty)
        XCTAssertEqual(try filing(commissioned: "2024-03-01", filed: "2025-07-01").check().1.rule("art14-filing-overdue").count, 1)
        XCTAssertEqual(try filing(commissioned: nil, filed: nil, preexisting: true).check().1.rule("art14-filing-overdue").count, 1)
    }

    func testFilingIncompleteNamesWhatIsMissing() throws {
        var b = lobby(sign: [5, 5])
        b.plan["site"] = ["name": "No address", "operator": ["name": "Test Co"]]
        let f = try XCTUnwrap(b.check().1.rule("art14-filing-incomplete").first)
        XCTAssertTrue(f.message.contains("plan.site.address"), f.message)
        XCTAssertFalse(f.message.contains("operator"), f.message)
        XCTAssertTrue(try lobby(sign: [5, 5]).check().1.rule("art14-filing-incomplete").isEmpty)
    }

    func testRetentionShort() throws {
        var b = lobby(sign: [5, 5])
        set(&b, system: "retentionDays", 15)
        let f = try XCTUnwrap(b.check().1.rule("art17-retention-short").first)
        XCTAssertEqual(f.citation.reference, "Art. 17")
        XCTAssertTrue(f.citation.zh.contains("保存不少于30日"))
        XCTAssertTrue(f.consequence.fines.isEmpty, "Art. 26–31 set no fine for this")
        XCTAssertEqual(f.consequence.note, "none set in Art. 26–31 for too short a retention")
        XCTAssertTrue(try lobby(sign: [5, 5]).check().1.rule("art17-retention-short").isEmpty)
    }

    // MARK: Applicability

    func testArticleNineOtherPublicPlacesAreExemptFromFilingAndRetention() throws {
        var b = lobby(sign: [5, 5])
        var site = b.plan["site"] as! [String: Any]
        site["placeCategory"] = "art9-other-public"
        site["address"] = nil
        b.plan["site"] = site
        set(&b, system: "retentionDays", 7)
        let (_, outcome) = try b.evaluate()
        XCTAssertTrue(outcome.findings.rule("art14-filing-incomplete").isEmpty)
        XCTAssertTrue(outcome.findings.rule("art17-retention-short").isEmpty)
        XCTAssertEqual(outcome.notApplied.map(\.article.key), ["art11", "art14", "art16", "art17", "art33"])
        XCTAssertTrue(outcome.notApplied[0].reason.en.hasPrefix("Art. 9 ¶2"))
    }

    func testNonPublicPlacesFallUnderArticleThirtyThreeOnly() throws {
        var b = PlanBuilder.passageToilet()
        var site = b.plan["site"] as! [String: Any]
        site["placeCategory"] = "non-public"
        b.plan["site"] = site
        b.add("garden", "boundary", ["type": "Polygon", "coordinates": [[[-10, -6], [5, -6], [5, 6], [-10, 6], [-10, -6]]]])
        let (_, outcome) = try b.evaluate()
        XCTAssertTrue(outcome.findings.rule("art8-view-intrusion").isEmpty, "Art. 8 governs public places")
        XCTAssertEqual(outcome.findings.map(\.rule), ["cn-2025/art33-view-beyond-property"])
        XCTAssertEqual(outcome.applied.map(\.key), ["art33", "coverage"])
    }

    // MARK: Coverage

    /// 1920 px over 90°: identify (250 px/m) reaches 1920/(2·250) = 3.84 m.
    /// Tilted 30°, the floor is in the field beyond 2.5/tan 59.36° = 1.48 m
    /// and the head out to 44.8 m. A key location x 3…4, y ±0.5 is covered
    /// only within 3.84 m of the camera.
    func testRequiredCoverageAtIdentify() throws {
        var b = PlanBuilder()
        b.zone("till", "cashier", [[3, -0.5], [4, -0.5], [4, 0.5], [3, 0.5]], ["requiredCoverage": "identify"])
        b.camera("cam", at: [0, 0], ["heading": 90, "hfov": 90, "tilt": 30, "resolution": [1920, 1080]])
        b.add("sign", "sign", ["type": "Point", "coordinates": [3.5, 0]])
        let (analysis, findings) = try b.check()
        // ∫ (min(4, √(3.84² − y²)) − 3) dy over y ∈ [−0.5, 0.5], by the midpoint rule.
        let n = 20_000
        var covered = 0.0
        for k in 0..<n {
            let y = -0.5 + (Double(k) + 0.5) / Double(n)
            covered += (min(4, (3.84 * 3.84 - y * y).squareRoot()) - 3) / Double(n)
        }
        let measure = try XCTUnwrap(analysis.coverage.first)
        XCTAssertEqual(measure.coveredArea, covered, accuracy: 2e-3)
        let f = try XCTUnwrap(findings.rule("required-uncovered").first)
        XCTAssertEqual(f.rule, "coverage/required-uncovered")
        XCTAssertEqual(f.severity, .warning)
        // The same zone 1 m nearer is fully covered.
        var near = PlanBuilder()
        near.zone("till", "cashier", [[2, -0.5], [3, -0.5], [3, 0.5], [2, 0.5]], ["requiredCoverage": "identify"])
        near.camera("cam", at: [0, 0], ["heading": 90, "hfov": 90, "tilt": 30, "resolution": [1920, 1080]])
        near.add("sign", "sign", ["type": "Point", "coordinates": [2.5, 0]])
        let (nearAnalysis, nearFindings) = try near.check()
        XCTAssertEqual(nearAnalysis.coverage.first?.fraction ?? 0, 1, accuracy: 1e-3)
        XCTAssertTrue(nearFindings.rule("required-uncovered").isEmpty)
    }
}
