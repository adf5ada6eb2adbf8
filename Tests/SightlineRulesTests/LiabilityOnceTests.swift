import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// One installation, one liability; and no consequence where nothing was
/// installed.
final class LiabilityOnceTests: XCTestCase {
    /// A camera 2 m from a 4 × 4 m toilet, looking into it through an open
    /// passage, its microphone (5 m) reaching it too.
    private func listeningCamera() -> PlanBuilder {
        var b = PlanBuilder()
        b.wall("front", [[0, -2], [0, 2]])
        b.opening("p", "passage", [[0, -1], [0, 1]])
        b.zone("wc", "toilet", [[0, -2], [4, -2], [4, 2], [0, 2]])
        b.camera("cam", at: [-2, 0], ["heading": 90, "hfov": 90, "mountHeight": 2.5, "audio": ["enabled": true, "range": 5]])
        return b
    }

    func testViewAndMicrophoneIntoOneRoomStateArticle27Once() throws {
        let (_, findings) = try listeningCamera().check()
        let view = try XCTUnwrap(findings.rule("art8-view-intrusion").first)
        let audio = try XCTUnwrap(findings.rule("art8-audio-intrusion").first)
        XCTAssertEqual(view.consequence.article, "Art. 27 ¶1")
        XCTAssertFalse(view.consequence.fines.isEmpty, "the error states the liability")
        XCTAssertEqual(audio.consequence.article, "Art. 27 ¶1")
        XCTAssertTrue(audio.consequence.fines.isEmpty && audio.consequence.measures.isEmpty, audio.consequenceSummary)
        XCTAssertTrue(
            audio.consequenceSummary.contains("stated once, on this camera's cn-2025/art8-view-intrusion finding"), audio.consequenceSummary
        )
        XCTAssertTrue(audio.consequenceSummary(in: .zh).contains("一次安装只承担一次责任"), audio.consequenceSummary(in: .zh))
        let counted = findings.flatMap(\.consequences).filter { $0.article == "Art. 27 ¶1" && !$0.fines.isEmpty }
        XCTAssertEqual(counted.count, 1)
    }

    /// The microphone alone (the passage closed by a door): the audio
    /// finding states Art. 27 ¶1 itself.
    func testTheMicrophoneAloneStatesItsOwnLiability() throws {
        var b = listeningCamera()
        b.features[1]["properties"] = ["kind": "opening", "openingType": "door", "state": "closed"]
        let (_, findings) = try b.check()
        XCTAssertTrue(findings.rule("art8-view-intrusion").isEmpty)
        let audio = try XCTUnwrap(findings.rule("art8-audio-intrusion").first)
        XCTAssertFalse(audio.consequence.fines.isEmpty)
    }

    /// A "non-public" homestay with a guest room no camera is in or sees:
    /// the classification is flagged with no measure and no fine (Art. 27
    /// ¶1 attaches to installing), and the plan passes.
    func testAGuestRoomNoCameraSeesCarriesNoConsequence() throws {
        var b = PlanBuilder()
        var site = b.plan["site"] as? [String: Any] ?? [:]
        site["placeCategory"] = "non-public"
        b.plan["site"] = site
        b.zone("room", "guest_room", [[0, 0], [4, 0], [4, 4], [0, 4]])
        b.zone("yard", "corridor", [[10, 0], [20, 0], [20, 10], [10, 10]])
        b.camera("yard-cam", at: [15, 9], ["heading": 180, "hfov": 60, "range": 8])
        let (_, findings) = try b.check()
        let flagged = try XCTUnwrap(findings.rule("art8-non-public-with-guest-rooms").first)
        XCTAssertEqual(flagged.severity, .warning)
        XCTAssertTrue(flagged.consequence.measures.isEmpty && flagged.consequence.fines.isEmpty, flagged.consequenceSummary)
        XCTAssertTrue(flagged.consequenceSummary.contains("none for the classification itself"), flagged.consequenceSummary)
        XCTAssertFalse(findings.contains { $0.severity == .error }, "\(findings.map(\.rule))")
    }

    /// Cameras on a level with no zones: Art. 8 cannot be evaluated there,
    /// and the plan does not pass (a drawing whose rooms were not
    /// recognised checked as PASS). A level with zones is not flagged.
    func testCamerasOnALevelWithoutZonesAreNotAPass() throws {
        var b = PlanBuilder()
        b.plan["levels"] = [["id": "G"], ["id": "F1", "elevation": 3.0]]
        b.zone("hall", "lobby", [[0, 0], [10, 0], [10, 10], [0, 10]], ["level": "G"])
        b.camera("g-cam", at: [1, 1], ["heading": 45, "level": "G"])
        b.camera("f1-a", at: [1, 1], ["heading": 45, "level": "F1"])
        b.camera("f1-b", at: [5, 5], ["heading": 90, "level": "F1"])
        b.add("sign", "sign", ["type": "Point", "coordinates": [5, 5]], ["level": "G"])
        let (_, findings) = try b.check()
        let flagged = findings.rule("art8-privacy-not-evaluated")
        XCTAssertEqual(flagged.map(\.level), ["F1"])
        XCTAssertEqual(flagged.first?.severity, .error)
        XCTAssertTrue(flagged.first?.message.contains("level F1: it has 2 cameras and no zones") ?? false, "\(flagged)")
        XCTAssertTrue(flagged.first?.message(in: .zh).contains("楼层 F1 无法进行隐私条款检查") ?? false)
        XCTAssertTrue(flagged.first?.consequence.fines.isEmpty ?? false, "no fine: the plan is incomplete, not unlawful")
    }
}
