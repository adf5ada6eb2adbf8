import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// Profiles are data: the second profile, and strict validation.
final class ProfileTests: XCTestCase {
    func testBuiltInProfilesLoad() throws {
        for name in BuiltInProfiles.names {
            let profile = try ProfileLoader.load(name)
            XCTAssertEqual(profile.id, name)
            XCTAssertFalse(profile.rules.isEmpty)
        }
    }

    /// The embedded copies must match Profiles/*.json both ways: every
    /// embedded profile has its file with the same text, and every file is
    /// embedded (a new profile that was never embedded fails here). Run
    /// Scripts/embed-profiles.sh after adding or editing one.
    func testEmbeddedProfilesMatchTheFiles() throws {
        let folder = CLI.packageRoot.appendingPathComponent("Profiles")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertEqual(files, BuiltInProfiles.names, "Profiles/*.json and the embedded set differ: run Scripts/embed-profiles.sh")
        for name in BuiltInProfiles.names {
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).json"), encoding: .utf8)
            XCTAssertEqual(BuiltInProfiles.files[name], text, "\(name): run Scripts/embed-profiles.sh")
        }
    }

    /// Chongqing adds bank areas where PIN pads can be seen; a plan using the
    /// category is valid under that profile and flagged under it.
    func testChongqingProfileAddsCategoriesAndItsOwnCitations() throws {
        let chongqing = try ProfileLoader.load("cn-chongqing-2009")
        var b = PlanBuilder()
        b.zone("pin-pad", "financial_privacy", [[0, -1], [2, -1], [2, 1], [0, 1]], ["name": "ATM PIN pad"])
        b.zone("banking-hall", "public", [[-10, -5], [0, -5], [0, 5], [-10, 5]])
        b.camera("cam", at: [-6, 0], ["heading": 90, "hfov": 60])
        b.add("sign", "sign", ["type": "Point", "coordinates": [-5, 0]])
        let (_, findings) = try b.check(profile: chongqing)
        // A view from outside the place: Art. 6 ¶2 / Art. 20 (ii), corrected under Art. 25 (iv), not dismantled.
        let f = try XCTUnwrap(findings.first { $0.rule == "cn-chongqing-2009/art20-view-intrusion" })
        XCTAssertEqual(f.citation.reference, "Art. 6 ¶2; Art. 20 (ii) (numbering inferred)")
        XCTAssertTrue(f.citation.en.contains("nor violate personal privacy"))
        // The measures' own consequence comes last (Order 799's, for the same act, first).
        let own = try XCTUnwrap(f.consequences.last)
        XCTAssertEqual(own.article, "Art. 25 (iv)")
        XCTAssertEqual(own.condition, "fines only if not corrected within the time limit")
        XCTAssertFalse(own.measures.joined().contains("dismantl"))

        // A camera inside the PIN-pad area: Art. 9 (not "Art. 9 ¶3"), Art. 24.
        b.camera("cam-pin", at: [1, 0], ["heading": 90, "hfov": 60])
        let inside = try XCTUnwrap(try b.check(profile: chongqing).1.first { $0.rule == "cn-chongqing-2009/art9-camera-inside" })
        XCTAssertEqual(inside.citation.reference, "Art. 9 (iv) (numbering inferred)")
        XCTAssertTrue(inside.citation.en.contains("financial, insurance and securities institutions"))
        let art24 = try XCTUnwrap(inside.consequences.last)
        XCTAssertEqual(art24.article, "Art. 24")
        let unit = try XCTUnwrap(art24.fines.first)
        XCTAssertEqual(unit.minYuan, 1000)
        XCTAssertNil(unit.maxYuan)
        XCTAssertNotNil(unit.note, "an illegible bound is said to be illegible, never invented")
        let responsible = try XCTUnwrap(art24.fines.last)
        XCTAssertNil(responsible.minYuan)
        XCTAssertNil(responsible.maxYuan)

        // The same plan under cn-2025: the category is not in its vocabulary.
        XCTAssertThrowsError(try b.check()) { error in
            XCTAssertTrue(String(describing: error).contains("unknown value `financial_privacy`"), "\(error)")
        }
    }

    func testChongqingRetentionUsesItsOwnPenalty() throws {
        var b = PlanBuilder()
        b.plan["system"] = ["commissionedOn": "2025-06-01", "retentionDays": 20]
        b.camera("cam", at: [0, 0])
        let (_, findings) = try b.check(profile: try ProfileLoader.load("cn-chongqing-2009"))
        let f = try XCTUnwrap(findings.first { $0.rule == "cn-chongqing-2009/art19-retention-short" })
        let own = try XCTUnwrap(f.consequences.last)
        XCTAssertEqual(own.condition, "only if not corrected within the time limit")
        XCTAssertTrue(own.fines.allSatisfy { $0.minYuan == nil && $0.maxYuan == nil && $0.note != nil })
        // Chongqing sets no deadline for new systems: not evaluated, not invented.
        XCTAssertTrue(findings.allSatisfy { !$0.rule.contains("filing-overdue") })
    }

    func testBrokenProfileIsRefusedWithPreciseErrors() {
        let text = """
            {"format": "sightline-profile/1", "id": "bad", "title": "Bad",
             "law": {"zh": "法", "en": "Law"},
             "items": {"(i)": {"zh": "甲", "en": "A"}},
             "prohibited": {"toliet": "(i)", "toilet": "(ix)"},
             "articles": {"art8": {"ref": "Art. 8", "title": "t"}},
             "consequences": {"art27": {"article": "Art. 27", "fines": {"unit": {"min": 20000, "max": 10000}}}},
             "parameters": {"consentDistance": -5},
             "rules": [{"id": "x", "check": "camera-outside", "severity": "error", "article": "art8",
                        "title": "t", "description": "d", "citation": {"ref": "r", "zh": "z", "en": "e"}, "consequence": "art27"},
                       {"id": "y", "check": "camera-inside", "severity": "fatal", "article": "art99",
                        "title": "t", "description": "d", "citation": {"ref": "r", "zh": "z", "en": "e"}, "consequence": "art28"}]}
            """
        XCTAssertThrowsError(try ProfileLoader.load(bytes: Array(text.utf8), file: "bad.json")) { error in
            let problems = (error as? ProfileError)?.problems ?? []
            let byPath = Dictionary(grouping: problems, by: { $0.property ?? "" })
            XCTAssertTrue(byPath["prohibited.toliet"]?.first?.message.contains("did you mean `toilet`?") ?? false, "\(problems)")
            XCTAssertNotNil(byPath["prohibited.toilet"], "unknown item label")
            XCTAssertNotNil(byPath["consequences.art27.fines.unit.min"], "min above max")
            XCTAssertNotNil(byPath["parameters.consentDistance"])
            XCTAssertTrue(byPath["rules[0].check"]?.first?.message.contains("did you mean `camera-inside`?") ?? false, "\(problems)")
            XCTAssertNotNil(byPath["rules[1].severity"])
            XCTAssertTrue(problems.allSatisfy { $0.file == "bad.json" })
        }
    }

    func testUnknownProfileNameSuggestsTheClosest() {
        XCTAssertThrowsError(try ProfileLoader.load("cn-2052")) { error in
            XCTAssertTrue(String(describing: error).contains("did you mean `cn-2025`?"), "\(error)")
        }
    }

    /// `extends` takes another consequence's members, its own replacing
    /// them: Art. 30 for moves has Art. 30's fines and its own condition;
    /// an unknown key is an error naming the path.
    func testAConsequenceExtendsAnother() throws {
        let spec = try XCTUnwrap(ProfileLoader.load("cn-2025").consequences["art30-changed"])
        let base = try XCTUnwrap(ProfileLoader.load("cn-2025").consequences["art30"])
        XCTAssertEqual(spec.fines, base.fines)
        XCTAssertEqual(spec.measures, base.measures)
        XCTAssertNotEqual(spec.condition, base.condition)
        let text = try XCTUnwrap(BuiltInProfiles.files["cn-2025"]).replacingOccurrences(
            of: #""extends": "art30""#, with: #""extends": "art300""#)
        XCTAssertThrowsError(try ProfileLoader.load(bytes: Array(text.utf8), file: "p.json")) { error in
            XCTAssertTrue("\(error)".contains("consequences.art30-changed.extends: no consequence `art300`"), "\(error)")
        }
    }
}
