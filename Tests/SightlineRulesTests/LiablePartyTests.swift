import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// Order 799 fines the one who broke the law: Art. 26 and Art. 27 ¶1 the
/// one who installed (违反本条例规定安装…的 / 违法单位、个人), Art. 27 ¶2
/// the one with the duty of daily management and inspection of the place
/// (Art. 8 ¶2). Each fine is for that party's kind, as the plan gives it
/// (`owner` and `managedBy` written as `site.operator` is), and names it.
final class LiablePartyTests: XCTestCase {
    /// A 10 × 10 m mall hall run by a unit, a 4 × 10 m fitting room east of
    /// it behind a partition with a 1.2 m passage the hall camera sees
    /// through, and a second camera inside the fitting room.
    private func mall(owner: Any? = nil, managedBy: Any? = nil, operatorKind: String = "unit") -> PlanBuilder {
        var b = PlanBuilder()
        b.plan["site"] = ["name": "Mall", "address": "1 Test Road", "operator": ["name": "Mall Co", "kind": operatorKind]]
        b.wall("walls", [[0, 0], [14, 0], [14, 10], [0, 10], [0, 0]])
        b.wall("partition", [[10, 0], [10, 10]])
        b.opening("passage", "passage", [[10, 5], [10, 6.2]])
        b.zone("hall", "lobby", [[0, 0], [10, 0], [10, 10], [0, 10]])
        var fitting: [String: Any] = [:]
        if let managedBy { fitting["managedBy"] = managedBy }
        b.zone("fit", "fitting_room", [[10, 0], [14, 0], [14, 10], [10, 10]], fitting)
        var hall: [String: Any] = ["heading": 45, "hfov": 90, "mountHeight": 2.8, "tilt": 20]
        var inside: [String: Any] = ["heading": 0, "hfov": 60, "mountHeight": 2.5]
        if let owner {
            hall["owner"] = owner
            inside["owner"] = owner
        }
        b.camera("cam", at: [0.5, 0.5], hall)
        b.camera("cam-fit", at: [12, 5], inside)
        b.add("sign", "sign", ["type": "Point", "coordinates": [5, 5]])
        return b
    }

    private func fines(_ f: Finding?) -> [String] {
        (f?.consequence.fines ?? []).map { "\($0.party)\($0.payer.map { " (\($0))" } ?? ""): \($0.minYuan ?? -1)–\($0.maxYuan ?? -1)" }
    }

    /// An individual stall-holder's camera in a unit's mall: the
    /// individual's ¥5,000–10,000, no responsible persons.
    func testAnIndividualInstallerInAUnitsMallIsFinedAsAnIndividual() throws {
        let (_, findings) = try mall(owner: ["name": "Li Wei", "kind": "individual"]).check()
        let view = findings.rule("art8-view-intrusion").first { $0.cameraID == "cam" }
        XCTAssertEqual(fines(view), ["individual (Li Wei): 5000–10000"])
        XCTAssertFalse(view?.consequenceSummary.contains("responsible") ?? true, view?.consequenceSummary ?? "")
        XCTAssertTrue(
            view?.consequenceSummary.contains("fine, individual (Li Wei): ¥5,000–10,000") ?? false, view?.consequenceSummary ?? "")
        let inside = findings.rule("art8-camera-inside").first
        XCTAssertEqual(inside?.consequence.article, "Art. 27 ¶1")
        XCTAssertEqual(fines(inside), ["individual (Li Wei): 5000–10000"], "Art. 27 ¶1: the installer")
    }

    /// A tenant company's camera in its own fitting room on an individual's
    /// premises: the unit's ¥10,000–20,000 and its responsible persons'.
    func testATenantCompanyOnAnIndividualsPremisesIsFinedAsAUnit() throws {
        let tenant: [String: Any] = ["name": "Tenant Ltd", "kind": "unit"]
        let (_, findings) = try mall(owner: tenant, managedBy: tenant, operatorKind: "individual").check()
        let inside = try XCTUnwrap(findings.rule("art8-camera-inside").first)
        XCTAssertEqual(fines(inside), ["unit (Tenant Ltd): 10000–20000", "directly responsible persons: 5000–10000"])
        // Art. 27 ¶2: the one managing the fitting room, here the tenant too.
        let duty = try XCTUnwrap(inside.furtherConsequences.first { $0.article == "Art. 27 ¶2" })
        XCTAssertEqual(duty.fines.map(\.party), ["unit", "directly responsible persons"])
        XCTAssertEqual(duty.fines.first?.payer, "Tenant Ltd")
    }

    /// The installer and the manager differ: ¶1 fines the individual who
    /// installed, ¶2 the unit that manages the room.
    func testArticle27FinesTheInstallerAndParagraph2TheManager() throws {
        let (_, findings) = try mall(
            owner: ["name": "Li Wei", "kind": "individual"], managedBy: ["name": "Mall Co", "kind": "unit"]
        ).check()
        let inside = try XCTUnwrap(findings.rule("art8-camera-inside").first)
        XCTAssertEqual(fines(inside), ["individual (Li Wei): 5000–10000"])
        let duty = try XCTUnwrap(inside.furtherConsequences.first { $0.article == "Art. 27 ¶2" })
        XCTAssertEqual(duty.fines.map(\.party), ["unit", "directly responsible persons"], "the mall manages the room")
        XCTAssertNil(duty.fines.first?.payer, "the site's operator is not named again")
    }

    /// A bare name stays a name of the operator's kind (old plans unchanged);
    /// the operator named as owner is the operator.
    func testABareNameTakesTheOperatorsKind() throws {
        let (_, findings) = try mall(owner: "Li Wei").check()
        XCTAssertEqual(
            fines(findings.rule("art8-view-intrusion").first { $0.cameraID == "cam" }),
            ["unit (Li Wei): 10000–20000", "directly responsible persons: 5000–10000"])
        let (_, own) = try mall(owner: "Mall Co").check()
        XCTAssertEqual(
            fines(own.rule("art8-view-intrusion").first { $0.cameraID == "cam" }),
            [
                "unit: 10000–20000", "directly responsible persons: 5000–10000",
            ])
    }

    /// In Chinese the payer stands in brackets after the party.
    func testThePayerInChinese() throws {
        let (_, findings) = try mall(owner: ["name": "李伟", "kind": "individual"]).check()
        let summary = try XCTUnwrap(findings.rule("art8-view-intrusion").first { $0.cameraID == "cam" }).consequenceSummary(in: .zh)
        XCTAssertTrue(summary.contains("李伟"), summary)
        XCTAssertFalse(summary.contains("直接负责的主管人员"), summary)
    }

    /// A party that is neither a name nor `{name, kind}` is an input error.
    func testABadPartyIsAnInputError() {
        var b = mall()
        b.features[b.features.count - 2]["properties"] = ["kind": "camera", "owner": ["kind": "unit"], "heading": 0]
        var c = mall()
        c.features[c.features.count - 2]["properties"] = ["kind": "camera", "owner": ["name": "X", "kind": "company"], "heading": 0]
        for (plan, words) in [(b, "a party needs its name"), (c, "company")] {
            XCTAssertThrowsError(try plan.decode()) { error in
                XCTAssertTrue("\(error)".contains(words), "\(error)")
            }
        }
    }
}
